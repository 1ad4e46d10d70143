// libFuzzer: any bytes as a .feature file must give cases or positioned
// diagnostics, never a crash or a hang (the Gherkin reader and the mapping).
#include "io/case_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ato::core::Config config;
  config.integrations["JIRA"] = {1, ""};
  ato::io::parse_case_file(std::string(reinterpret_cast<const char*>(data), size), "fuzz.feature", config);
  return 0;
}
