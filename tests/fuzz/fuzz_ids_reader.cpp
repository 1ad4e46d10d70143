// libFuzzer: a malformed ids file (`ato-sync ids` output, read by coverage
// --ids) is reported with its place, never a crash.
#include "io/ids_export.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  ato::io::parse_ids_json(std::string(reinterpret_cast<const char*>(data), size), "fuzz-ids.json");
  return 0;
}
