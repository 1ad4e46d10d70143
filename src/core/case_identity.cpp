#include "core/case_identity.hpp"

#include <map>

namespace ato::core {

Diagnostics check_identities(const std::vector<DesiredCase>& cases, Kind kind) {
  const std::string noun(kind_label(kind));
  Diagnostics out;
  std::map<std::string, const DesiredCase*> by_id;
  std::map<std::int64_t, const DesiredCase*> by_allure_id;
  for (const auto& c : cases) {
    const auto [id, fresh_id] = by_id.emplace(c.external_id, &c);
    if (!fresh_id)
      out.push_back({Severity::Error, c.source,
                     "duplicate id \"" + c.external_id + "\" (also at " + format_place(id->second->source) + ")", ""});
    if (!c.allure_id) continue;
    const auto [bound, fresh_bound] = by_allure_id.emplace(*c.allure_id, &c);
    if (!fresh_bound)
      out.push_back({Severity::Error, c.allure_id_place(),
                     "allure_id " + std::to_string(*c.allure_id) + " is bound by \"" + bound->second->external_id +
                         "\" already (at " + format_place(bound->second->allure_id_place()) +
                         "); one TestOps " + noun + " can back only one " + noun + " of the repository",
                     ""});
  }
  return out;
}

}  // namespace ato::core
