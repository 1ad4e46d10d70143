#pragma once
// Whole files in and out. Reading gives the reason when a file cannot be read
// ("Permission denied") and has a size limit, so a huge file is refused
// before it is loaded; writing replaces a regular file atomically or not at
// all, and writes through symlinks and special files.
#include <cstdint>
#include <filesystem>
#include <string>

namespace ato::io {

struct FileText {
  std::string text;
  std::string error;  // empty when the file was read
  bool too_large = false;
  bool ok() const { return error.empty(); }
};

// What a file that is not a regular one is: "a folder", "a pipe", "a
// socket", "a device", "not a regular file"; empty for a regular file.
std::string special_file_kind(std::filesystem::file_type type);

FileText read_whole_file(const std::string& path, std::uint64_t max_bytes);

// Writes `text` to `path`. A regular file (or a path where nothing is yet)
// is replaced atomically: a temporary file beside it, renamed over it, keeps
// its permissions; readers see the old file or the new one, never half of
// one. A symlink is followed, so the file it points to is replaced and the
// link stays. A device or a pipe (/dev/null, /dev/stdout) is written through,
// never replaced by a plain file. Throws std::runtime_error naming `path` and
// the reason (for /dev/full: "No space left on device").
void replace_file(const std::string& path, const std::string& text);

}  // namespace ato::io
