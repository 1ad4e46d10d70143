#include "cli/targets.hpp"

#include <algorithm>

#include "util/did_you_mean.hpp"
#include "util/glob.hpp"

namespace ato::cli {

std::vector<std::string> unmatched_targets(const std::vector<std::string>& targets,
                                           const std::vector<core::DesiredCase>& desired,
                                           const std::vector<core::SearchRow>& managed,
                                           const std::vector<std::string>& test_plans) {
  std::vector<std::string> unmatched;
  for (const auto& target : targets) {
    const bool in_yaml = std::any_of(desired.begin(), desired.end(),
                                     [&](const auto& d) { return util::glob_match(target, d.external_id); });
    const bool in_testops = std::any_of(managed.begin(), managed.end(), [&](const auto& row) {
      return !row.external_id.empty() && util::glob_match(target, row.external_id);
    });
    const bool a_test_plan = std::any_of(test_plans.begin(), test_plans.end(),
                                         [&](const auto& name) { return util::glob_match(target, name); });
    if (!in_yaml && !in_testops && !a_test_plan && std::find(unmatched.begin(), unmatched.end(), target) == unmatched.end())
      unmatched.push_back(target);
  }
  return unmatched;
}

std::string describe_unmatched_targets(const std::vector<std::string>& unmatched,
                                       const std::vector<core::DesiredCase>& desired) {
  std::string list;
  for (const auto& target : unmatched) list += (list.empty() ? "'" : ", '") + target + "'";
  std::string text = "--target " + list + (unmatched.size() == 1 ? " matches" : " match") +
                     " no case, neither in the YAML nor in TestOps";
  if (unmatched.size() == 1) {
    std::vector<std::string> ids;
    ids.reserve(desired.size());
    for (const auto& d : desired) ids.push_back(d.external_id);
    text += util::did_you_mean(unmatched[0], ids);
  }
  return text;
}

}  // namespace ato::cli
