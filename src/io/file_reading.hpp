#pragma once
// Reading a whole file, with the reason when it cannot be read ("Permission
// denied", "is a directory") and a size limit, so a huge file is refused
// before it is loaded rather than exhausting memory.
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

// "50.0 MiB"
std::string describe_size(std::uint64_t bytes);

}  // namespace ato::io
