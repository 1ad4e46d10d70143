#pragma once
// Whole files in and out. Reading gives the reason when a file cannot be read
// ("Permission denied") and has a size limit, so a huge file is refused
// before it is loaded; writing replaces a file atomically or not at all.
#include <cstdint>
#include <string>

namespace ato::io {

struct FileText {
  std::string text;
  std::string error;  // empty when the file was read
  bool too_large = false;
  bool ok() const { return error.empty(); }
};

FileText read_whole_file(const std::string& path, std::uint64_t max_bytes);

// Writes `text` to a temporary file beside `path`, then renames it over
// `path`: readers see the old file or the new one, never half of one.
// Throws std::runtime_error naming the path and the reason.
void replace_file(const std::string& path, const std::string& text);

}  // namespace ato::io
