#include "core/attachment_changes.hpp"

#include <algorithm>

namespace ato::core {
namespace {

// For each desired file, the index in `before` of the remote file of its name
// (the first one not taken); -1 when TestOps has none.
std::vector<int> match_by_name(const std::vector<Attachment>& before, const std::vector<Attachment>& after,
                               std::vector<bool>& taken) {
  taken.assign(before.size(), false);
  std::vector<int> matched;
  for (const auto& wanted : after) {
    int found = -1;
    for (std::size_t i = 0; i < before.size() && found < 0; ++i)
      if (!taken[i] && before[i].name == wanted.name) found = static_cast<int>(i);
    if (found >= 0) taken[static_cast<std::size_t>(found)] = true;
    matched.push_back(found);
  }
  return matched;
}

}  // namespace

bool same_content(const Attachment& remote, const Attachment& desired) {
  if (remote.size != desired.size) return false;
  if (!remote.sha256.empty() && !desired.sha256.empty()) return remote.sha256 == desired.sha256;
  return remote.size == 0;
}

std::vector<AttachmentDelta> attachment_deltas(const std::vector<Attachment>& before,
                                               const std::vector<Attachment>& after) {
  std::vector<bool> taken;
  const auto matched = match_by_name(before, after, taken);
  std::vector<AttachmentDelta> out;
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (matched[i] < 0)
      out.push_back({AttachmentDeltaKind::Added, {}, after[i]});
    else if (const auto& remote = before[static_cast<std::size_t>(matched[i])];
             !same_content(remote, after[i]))
      out.push_back({AttachmentDeltaKind::ContentChanged, remote, after[i]});
  }
  for (std::size_t i = 0; i < before.size(); ++i)
    if (!taken[i]) out.push_back({AttachmentDeltaKind::Removed, before[i], {}});
  std::stable_sort(out.begin(), out.end(), [](const AttachmentDelta& a, const AttachmentDelta& b) {
    const auto& an = a.kind == AttachmentDeltaKind::Removed ? a.before.name : a.after.name;
    const auto& bn = b.kind == AttachmentDeltaKind::Removed ? b.before.name : b.after.name;
    return an < bn;
  });
  return out;
}

bool same_attachments(const std::vector<Attachment>& before, const std::vector<Attachment>& after) {
  return attachment_deltas(before, after).empty();
}

AttachmentWrites attachment_writes(const std::vector<Attachment>& before,
                                   const std::vector<Attachment>& after) {
  AttachmentWrites writes;
  for (auto& delta : attachment_deltas(before, after)) {
    switch (delta.kind) {
      case AttachmentDeltaKind::Added:
        writes.upload.push_back(std::move(delta.after));
        break;
      case AttachmentDeltaKind::ContentChanged:
        writes.replace.emplace_back(delta.before.remote_id, std::move(delta.after));
        break;
      case AttachmentDeltaKind::Removed:
        writes.remove.push_back(delta.before.remote_id);
        break;
    }
  }
  return writes;
}

bool steps_name_attachments(const std::vector<Step>& steps) {
  return std::any_of(steps.begin(), steps.end(),
                     [](const Step& s) { return !s.attachments.empty() || steps_name_attachments(s.steps); });
}

void assign_remote_ids(std::vector<Attachment>& after, const std::vector<Attachment>& before,
                       const std::map<std::string, std::int64_t>& uploaded) {
  std::vector<bool> taken;
  const auto matched = match_by_name(before, after, taken);
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (const auto it = uploaded.find(after[i].name); it != uploaded.end())
      after[i].remote_id = it->second;
    else if (matched[i] >= 0)
      after[i].remote_id = before[static_cast<std::size_t>(matched[i])].remote_id;
  }
}

}  // namespace ato::core
