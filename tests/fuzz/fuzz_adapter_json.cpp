// libFuzzer: whatever JSON a server answers maps to the model or fails
// cleanly, never a crash.
#include "remote/case_mapping.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = ato::remote::json::parse(data, data + size, nullptr, false);
  if (parsed.is_discarded()) return 0;
  ato::remote::ReferenceData ref;
  ref.integrations = {{"JIRA", 1}};
  try {
    ato::remote::row_from_dto(parsed, "ato-sync:");
    ato::remote::case_from_overview(parsed, ref, "ato-sync:");
    ato::remote::relations_from_dto(parsed);
  } catch (const ato::remote::json::exception&) {
  } catch (const ato::core::RemoteError&) {  // not a list of relations: a clean error
  }
  return 0;
}
