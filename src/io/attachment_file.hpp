#pragma once
// One file that an `attachments:` list names (SPEC.md §1.4): checked offline
// (inside the repository, a regular file, within attachments.max_bytes) and
// read for what the plan compares: base name, size and SHA-256. The file is
// streamed through the hash, never held whole.
#include <cstdint>
#include <string>

#include "core/case.hpp"

namespace ato::io {

struct AttachmentFile {
  core::Attachment
      attachment;     // name, size, sha256 and path (relative to the current directory when below it)
  std::string error;  // empty when the file can be attached
};

// `written` as the YAML gives it, relative to the folder of `case_file`;
// `repository_root` is the config's folder ("" = the current directory).
AttachmentFile read_attachment_file(const std::string& written, const std::string& case_file,
                                    const std::string& repository_root, std::int64_t max_bytes);

// SHA-256 of a file, read in pieces; throws std::runtime_error naming it.
std::string file_sha256(const std::string& path);

}  // namespace ato::io
