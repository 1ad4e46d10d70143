#include "cli/import_shared_steps.hpp"

#include "core/case_naming.hpp"

namespace ato::cli {

SharedStepImport::SharedStepImport(const std::vector<core::DesiredSharedStep>& local,
                                   const std::vector<core::RemoteSharedStep>& remote) {
  std::map<std::string, std::string> local_by_name;
  for (const auto& s : local) {
    taken_.insert(s.external_id);
    if (s.allure_id) known_[*s.allure_id] = s.external_id;
    else local_by_name.emplace(s.content.name, s.external_id);
  }
  for (const auto& r : remote) {
    remote_[r.allure_id] = &r;
    // Bound by name (SPEC.md §2): the live one of that name, as plan binds it.
    if (const auto it = local_by_name.find(r.content.name); it != local_by_name.end() && !r.archived)
      known_.try_emplace(r.allure_id, it->second);
  }
}

std::vector<core::Step> SharedStepImport::with_uses(std::vector<core::Step> steps) {
  for (auto& step : steps) {
    if (step.shared_step_id != 0) {
      const std::string id = id_for(step.shared_step_id);
      if (!id.empty()) {
        step.shared_step = id;
        step.shared_step_id = 0;
      }
    }
    step.steps = with_uses(std::move(step.steps));
  }
  return steps;
}

std::string SharedStepImport::id_for(std::int64_t allure_id) {
  if (const auto it = known_.find(allure_id); it != known_.end()) return it->second;
  const auto remote = remote_.find(allure_id);
  if (remote == remote_.end()) return "";  // not readable: left as it is, and reported by the writer
  std::string slug = core::slug_from_name(remote->second->content.name);
  if (slug.empty()) slug = "shared-step-" + std::to_string(allure_id);
  const std::string id = core::first_free_name(slug, [&](const std::string& candidate) { return taken_.count(candidate) > 0; });
  taken_.insert(id);
  known_[allure_id] = id;
  new_files_.push_back({id, allure_id, remote->second->content});
  return id;
}

}  // namespace ato::cli
