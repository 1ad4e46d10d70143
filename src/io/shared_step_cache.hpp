#pragma once
// The local cache of shared steps' steps (`.ato-sync/cache/`, beside the
// cases' overviews): a shared step whose listing shows the same
// lastModifiedDate (every write to it moves it) is not read again.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/shared_step.hpp"
#include "io/cache_document.hpp"

namespace ato::io {

class SharedStepCache {
 public:
  // `dir` is the cache root; entries are kept per endpoint and project.
  SharedStepCache(const std::string& dir, const std::string& endpoint, std::int64_t project_id);

  // The steps of the shared step as last read, if it has not changed since.
  std::optional<std::vector<core::Step>> get(std::int64_t allure_id, std::int64_t last_modified) const;
  // Adds or replaces these shared steps' steps and writes the file atomically.
  void put_all(const std::vector<core::RemoteSharedStep>& shared_steps);

 private:
  struct Entry {
    std::int64_t last_modified = 0;
    std::vector<core::Step> steps;
  };
  CacheDocument file_;
  std::unordered_map<std::int64_t, Entry> entries_;
};

}  // namespace ato::io
