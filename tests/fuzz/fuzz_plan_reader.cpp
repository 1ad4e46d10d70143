// libFuzzer: a damaged saved plan is a clear error, never a crash.
#include <stdexcept>

#include "io/plan_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto saved = ato::io::decode_plan(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json");
    ato::io::encode_plan(saved);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
