#include "io/case_cache.hpp"

#include <filesystem>
#include <functional>
#include <sstream>

#include "io/case_json.hpp"

namespace ato::io {
namespace {

using CacheJson = nlohmann::ordered_json;
constexpr int kCacheVersion = 3;  // 2: relations, members, examples, automated; 3: attachments

}  // namespace

std::string cache_file(const std::string& dir, const std::string& endpoint, std::int64_t project_id,
                       const std::string& suffix) {
  const auto key = std::hash<std::string>{}(endpoint + "#" + std::to_string(project_id));
  std::ostringstream name;
  name << std::hex << key << suffix;
  return (std::filesystem::path(dir) / name.str()).string();
}

CaseCache::CaseCache(const std::string& dir, const std::string& endpoint, std::int64_t project_id)
    : file_{cache_file(dir, endpoint, project_id, ".json"), kCacheVersion, endpoint, project_id, "cases"} {
  const auto entries = file_.read();
  if (!entries) return;
  try {
    for (const auto& j : *entries) {
      core::RemoteCase c;
      c.allure_id = j.at("id").get<std::int64_t>();
      c.external_id = j.at("external_id").get<std::string>();
      c.deleted = j.at("deleted").get<bool>();
      c.automated = j.at("automated").get<bool>();
      c.last_modified = j.at("last_modified").get<std::int64_t>();
      c.last_modified_by = j.at("last_modified_by").get<std::string>();
      c.content = content_from_json(j.at("content"));
      cases_[c.allure_id] = std::move(c);
    }
  } catch (const std::exception&) {
    cases_.clear();  // a damaged cache is only a slower run
  }
}

std::optional<core::RemoteCase> CaseCache::get(std::int64_t allure_id, std::int64_t last_modified) const {
  const auto it = cases_.find(allure_id);
  if (it == cases_.end() || it->second.last_modified != last_modified) return std::nullopt;
  return it->second;
}

void CaseCache::put_all(const std::vector<core::RemoteCase>& cases) {
  for (const auto& c : cases) cases_[c.allure_id] = c;
  save();
}

void CaseCache::forget(const std::vector<std::int64_t>& allure_ids) {
  std::size_t erased = 0;
  for (const auto id : allure_ids) erased += cases_.erase(id);
  if (erased) save();
}

void CaseCache::save() const {
  CacheJson list = CacheJson::array();
  for (const auto& [id, c] : cases_)
    list.push_back({{"id", c.allure_id},
                    {"external_id", c.external_id},
                    {"deleted", c.deleted},
                    {"automated", c.automated},
                    {"last_modified", c.last_modified},
                    {"last_modified_by", c.last_modified_by},
                    {"content", content_to_json(c.content)}});
  file_.write(list);
}

}  // namespace ato::io
