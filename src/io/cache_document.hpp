#pragma once
// One file of the local cache (`.ato-sync/cache/`): a JSON document that
// names its format version, endpoint and project, beside one list of
// entries. A file of another version, endpoint or project, or a damaged one,
// reads as no entries; a file that cannot be written is only a slower run.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace ato::io {

struct CacheDocument {
  std::string file;
  int version = 0;
  std::string endpoint;
  std::int64_t project_id = 0;
  const char* key = "";  // the member holding the entries

  // The entries, when the file is there and of this version, endpoint and project.
  std::optional<nlohmann::ordered_json> read() const;
  // Writes the entries atomically, creating the cache folder; never throws.
  void write(const nlohmann::ordered_json& entries) const;
};

}  // namespace ato::io
