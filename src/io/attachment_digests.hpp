#pragma once
// The SHA-256 of every attachment ato-sync uploaded or downloaded (SPEC.md
// §1.4), kept beside the overview cache in `.ato-sync/cache/`: TestOps gives
// sizes but no digests. An entry holds for the size it was taken at. Safe to
// delete; a damaged file is ignored.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace ato::io {

class AttachmentDigests {
 public:
  AttachmentDigests(const std::string& dir, const std::string& endpoint, std::int64_t project_id);

  // The digest of attachment `id` when it was `size` bytes long.
  std::optional<std::string> get(std::int64_t id, std::int64_t size) const;
  void put(std::int64_t id, std::int64_t size, const std::string& sha256);
  // Writes the file atomically when anything was put; no cache is not an error.
  void save();

 private:
  struct Entry {
    std::int64_t size = 0;
    std::string sha256;
  };
  std::string endpoint_;
  std::int64_t project_id_;
  std::string file_;
  std::unordered_map<std::int64_t, Entry> entries_;
  bool changed_ = false;
};

}  // namespace ato::io
