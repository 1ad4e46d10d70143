#pragma once
#include <string>

namespace ato::cli {

// Flags that every command accepts, before or after the command name.
struct GlobalOptions {
  std::string config_path = "ato-sync.yaml";
  bool color = false;  // stdout is a TTY and neither --no-color nor NO_COLOR
  bool color_stderr = false;  // the same for stderr (diagnostics)
  bool stderr_is_tty = false;  // progress lines go there
  bool verbose = false;
  std::string token_file;  // --token-file
  std::string cacert;      // --cacert, else ATO_CA_BUNDLE
};

}  // namespace ato::cli
