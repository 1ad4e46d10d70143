// libFuzzer: a malformed allure result file is reported, never a crash.
#include "io/allure_results.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ato::core::AutomatedResult result;
  ato::core::Diagnostics diagnostics;
  ato::io::parse_allure_result(std::string(reinterpret_cast<const char*>(data), size), "fuzz-result.json", result,
                               diagnostics);
  return 0;
}
