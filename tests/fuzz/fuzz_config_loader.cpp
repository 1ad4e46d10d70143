// libFuzzer: any bytes as ato-sync.yaml must give diagnostics, never a crash.
#include "io/config_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ato::io::parse_config(std::string(reinterpret_cast<const char*>(data), size), "ato-sync.yaml", {}, true);
  return 0;
}
