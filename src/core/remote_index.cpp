#include "core/remote_index.hpp"

#include <algorithm>

namespace ato::core {
namespace {

void report(Diagnostics& problems, std::string message) {
  problems.push_back({Severity::Error, {}, std::move(message), ""});
}

}  // namespace

Lifecycle lifecycle_of(const RemoteCase& remote, const std::string& archive_status) {
  if (remote.deleted) return Lifecycle::SoftDeleted;
  if (!archive_status.empty() && remote.content.status == archive_status) return Lifecycle::ArchivedByStatus;
  return Lifecycle::Live;
}

RemoteIndex index_remote(const std::vector<RemoteCase>& remote, const std::string& archive_status,
                         Diagnostics& problems) {
  RemoteIndex index;
  std::set<std::string> twins_reported;
  for (const auto& r : remote) {
    index.by_allure_id[r.allure_id] = &r;
    if (r.external_id.empty()) continue;
    if (!r.other_identities.empty()) {
      std::string ids = "\"" + r.external_id + "\"";
      for (const auto& other : r.other_identities) ids += ", \"" + other + "\"";
      report(problems, ato_label(r.allure_id) + " carries several identity tags (" + ids +
                           "); keep one of them in TestOps; nothing is planned for these ids");
      index.conflicted.insert(r.external_id);
      index.conflicted.insert(r.other_identities.begin(), r.other_identities.end());
    }
    if (lifecycle_of(r, archive_status) == Lifecycle::Live) ++index.managed_live;
    auto [it, inserted] = index.by_identity.emplace(r.external_id, &r);
    if (inserted) continue;
    const RemoteCase* other = it->second;
    if (!r.deleted && !other->deleted) {
      index.conflicted.insert(r.external_id);
      if (twins_reported.insert(r.external_id).second)
        report(problems, "two TestOps cases carry the identity of \"" + r.external_id + "\": " +
                             ato_label(std::min(other->allure_id, r.allure_id)) + " and " +
                             ato_label(std::max(other->allure_id, r.allure_id)) +
                             "; remove the identity tag from one of them; nothing is planned for this id");
    } else if (other->deleted && (!r.deleted || r.allure_id < other->allure_id)) {
      it->second = &r;
    }
  }
  return index;
}

}  // namespace ato::core
