#include "core/shared_step_uses.hpp"

#include <set>

#include "util/did_you_mean.hpp"

namespace ato::core {

Diagnostics check_shared_step_uses(const std::vector<DesiredCase>& cases,
                                   const std::vector<DesiredSharedStep>& shared_steps) {
  std::set<std::string> known;
  for (const auto& s : shared_steps) known.insert(s.external_id);
  Diagnostics out;
  for (const auto& c : cases)
    for (const auto& use : c.shared_step_uses) {
      if (known.count(use.shared_step)) continue;
      out.push_back({Severity::Error, use.at,
                     "unknown shared step \"" + use.shared_step + "\"" +
                         util::did_you_mean(use.shared_step, {known.begin(), known.end()}),
                     known.empty() ? "shared steps are files under the config's `shared_steps` folder"
                                   : ""});
    }
  return out;
}

}  // namespace ato::core
