// libFuzzer: any bytes as a case file must give diagnostics, never a crash or a hang.
#include "io/case_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ato::core::Config config;
  config.integrations["JIRA"] = {1, ""};
  ato::io::parse_case_file(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml", config);
  return 0;
}
