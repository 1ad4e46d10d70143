#pragma once
// The local overview cache (`.ato-sync/cache/`, SPEC.md §4): a case whose
// search row shows the same lastModifiedDate is not fetched again. Safe to
// delete; a damaged file is ignored; never holds the token.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/case.hpp"
#include "io/cache_document.hpp"

namespace ato::io {

// The file of one cache under `dir`, per endpoint and project: "<key><suffix>".
std::string cache_file(const std::string& dir, const std::string& endpoint, std::int64_t project_id,
                       const std::string& suffix);

class CaseCache {
 public:
  // `dir` is the cache root; entries are kept per endpoint and project.
  CaseCache(const std::string& dir, const std::string& endpoint, std::int64_t project_id);

  std::optional<core::RemoteCase> get(std::int64_t allure_id, std::int64_t last_modified) const;
  // Adds or replaces these cases and writes the file atomically.
  void put_all(const std::vector<core::RemoteCase>& cases);
  // Drops these cases and writes the file: their next plan reads them again
  // (an attachment's replaced content does not move lastModifiedDate).
  void forget(const std::vector<std::int64_t>& allure_ids);

 private:
  CacheDocument file_;
  std::unordered_map<std::int64_t, core::RemoteCase> cases_;

  void save() const;
};

}  // namespace ato::io
