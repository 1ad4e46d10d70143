#pragma once
// Gives the remote attachments their SHA-256 so the plan can compare
// contents (SPEC.md §1.4): from the digest cache, else, for a file of the
// same name and size as the desired one, by downloading it once. A file of
// another size has changed and is not downloaded.
#include <vector>

#include "core/case.hpp"
#include "core/testops_port.hpp"

namespace ato::cli {

struct DigestOptions {
  std::string cache_dir;  // empty = no cache
  std::string endpoint;
  std::int64_t project_id = 0;
  bool refresh_full = false;  // ignore the cached digests (still refresh them)
};

// Fills `sha256` of the attachments of `remote` that a desired case (by
// identity, or by allure_id) has a same-size file for; returns the downloads made.
std::size_t fill_remote_digests(core::TestOpsPort& port, const std::vector<core::DesiredCase>& desired,
                                std::vector<core::RemoteCase>& remote, const DigestOptions& options);

// After an apply: the digests of what was uploaded, so it is never uploaded again.
void remember_written_digests(const std::vector<core::Attachment>& written, const DigestOptions& options);

}  // namespace ato::cli
