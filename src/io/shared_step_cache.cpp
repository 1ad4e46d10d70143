#include "io/shared_step_cache.hpp"

#include <map>

#include "io/case_cache.hpp"
#include "io/case_json.hpp"

namespace ato::io {
namespace {

constexpr int kSharedStepCacheVersion = 1;

}  // namespace

SharedStepCache::SharedStepCache(const std::string& dir, const std::string& endpoint, std::int64_t project_id)
    : file_{cache_file(dir, endpoint, project_id, "-shared-steps.json"), kSharedStepCacheVersion, endpoint,
            project_id, "shared_steps"} {
  const auto entries = file_.read();
  if (!entries) return;
  try {
    for (const auto& j : *entries)
      entries_[j.at("id").get<std::int64_t>()] = {
          j.at("last_modified").get<std::int64_t>(),
          content_from_json(j.at("content"), core::Kind::SharedStep).steps};
  } catch (const std::exception&) {
    entries_.clear();  // a damaged cache is only a slower run
  }
}

std::optional<std::vector<core::Step>> SharedStepCache::get(std::int64_t allure_id,
                                                            std::int64_t last_modified) const {
  const auto it = entries_.find(allure_id);
  if (it == entries_.end() || it->second.last_modified != last_modified) return std::nullopt;
  return it->second.steps;
}

void SharedStepCache::put_all(const std::vector<core::RemoteSharedStep>& shared_steps) {
  for (const auto& s : shared_steps) entries_[s.allure_id] = {s.last_modified, s.content.steps};
  const std::map<std::int64_t, const Entry*> sorted = [&] {
    std::map<std::int64_t, const Entry*> out;
    for (const auto& [id, e] : entries_) out.emplace(id, &e);
    return out;
  }();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& [id, e] : sorted) {
    core::CaseContent steps_only;
    steps_only.steps = e->steps;
    list.push_back({{"id", id},
                    {"last_modified", e->last_modified},
                    {"content", content_to_json(steps_only, core::Kind::SharedStep)}});
  }
  file_.write(list);
}

}  // namespace ato::io
