#include "cli/attachment_digests.hpp"

#include <map>
#include <optional>

#include "io/attachment_digests.hpp"
#include "util/sha256.hpp"

namespace ato::cli {
namespace {

std::optional<io::AttachmentDigests> open_digests(const DigestOptions& options) {
  if (options.cache_dir.empty()) return std::nullopt;
  return io::AttachmentDigests(options.cache_dir, options.endpoint, options.project_id);
}

// The desired file of `name` in the case `remote` stands for, if any.
const core::Attachment* desired_file(const core::DesiredCase* d, const std::string& name) {
  if (!d) return nullptr;
  for (const auto& a : d->content.attachments)
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace

std::size_t fill_remote_digests(core::TestOpsPort& port, const std::vector<core::DesiredCase>& desired,
                                std::vector<core::RemoteCase>& remote, const DigestOptions& options) {
  std::map<std::string, const core::DesiredCase*> by_identity;
  std::map<std::int64_t, const core::DesiredCase*> by_allure_id;
  for (const auto& d : desired) {
    by_identity.emplace(d.external_id, &d);
    if (d.allure_id) by_allure_id.emplace(*d.allure_id, &d);
  }
  auto digests = open_digests(options);
  std::vector<core::Attachment*> to_download;
  for (auto& r : remote) {
    if (r.content.attachments.empty()) continue;
    const core::DesiredCase* d = nullptr;
    if (const auto it = by_identity.find(r.external_id); !r.external_id.empty() && it != by_identity.end())
      d = it->second;
    else if (const auto bound = by_allure_id.find(r.allure_id); bound != by_allure_id.end())
      d = bound->second;
    for (auto& a : r.content.attachments) {
      if (!a.sha256.empty()) continue;
      if (digests && !options.refresh_full)
        if (auto known = digests->get(a.remote_id, a.size)) {
          a.sha256 = std::move(*known);
          continue;
        }
      const auto* wanted = desired_file(d, a.name);
      if (wanted && wanted->size == a.size && a.size > 0 && a.remote_id) to_download.push_back(&a);
    }
  }
  std::vector<std::int64_t> ids;
  for (const auto* a : to_download) ids.push_back(a->remote_id);
  std::vector<std::string> found(ids.size());
  if (!ids.empty())
    port.read_attachments(ids, [&](std::size_t i, const std::string& bytes) {
      // The size the row promised: else a proxy's page, or a file replaced meanwhile.
      found[i] =
          static_cast<std::int64_t>(bytes.size()) == to_download[i]->size ? util::sha256_hex(bytes) : "";
    });
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (found[i].empty()) continue;
    to_download[i]->sha256 = found[i];
    if (digests) digests->put(ids[i], to_download[i]->size, found[i]);
  }
  if (digests) digests->save();
  return ids.size();
}

void remember_written_digests(const std::vector<core::Attachment>& written, const DigestOptions& options) {
  auto digests = open_digests(options);
  if (!digests) return;
  for (const auto& a : written)
    if (a.remote_id && !a.sha256.empty()) digests->put(a.remote_id, a.size, a.sha256);
  digests->save();
}

}  // namespace ato::cli
