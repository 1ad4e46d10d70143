#pragma once
// How a case's attachments differ (SPEC.md §1.4): matched by base name,
// contents compared by SHA-256. Pure: io/ computes the digests, the port
// moves the bytes.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/case.hpp"

namespace ato::core {

// Whether a remote attachment holds the desired file's bytes. Without a
// digest of the remote file only two empty files are known to be equal.
bool same_content(const Attachment& remote, const Attachment& desired);

enum class AttachmentDeltaKind { Added, ContentChanged, Removed };
struct AttachmentDelta {
  AttachmentDeltaKind kind = AttachmentDeltaKind::Added;
  Attachment before;  // remote: ContentChanged and Removed
  Attachment after;   // desired: Added and ContentChanged
};
// In name order: added and changed files, then remote ones the YAML does not
// list (a second remote file of one name is such a one).
std::vector<AttachmentDelta> attachment_deltas(const std::vector<Attachment>& before,
                                               const std::vector<Attachment>& after);
bool same_attachments(const std::vector<Attachment>& before, const std::vector<Attachment>& after);

// What apply does for a case's attachments (SPEC.md §5).
struct AttachmentWrites {
  std::vector<Attachment> upload;  // desired files: one multipart request
  std::vector<std::pair<std::int64_t, Attachment>>
      replace;                       // remote id -> the desired file: PUT content each
  std::vector<std::int64_t> remove;  // remote ids: DELETE each, after the scenario
  bool empty() const { return upload.empty() && replace.empty() && remove.empty(); }
};
AttachmentWrites attachment_writes(const std::vector<Attachment>& before,
                                   const std::vector<Attachment>& after);

// Whether any step (at any depth) shows an attachment.
bool steps_name_attachments(const std::vector<Step>& steps);

// The desired attachments with the remote ids they have once written: the
// matched remote file's, or the new one's from `uploaded` (name -> id).
void assign_remote_ids(std::vector<Attachment>& after, const std::vector<Attachment>& before,
                       const std::map<std::string, std::int64_t>& uploaded);

}  // namespace ato::core
