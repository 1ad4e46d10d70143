// The attachment routes of TestOpsAdapter (API-NOTES.md "Test case
// attachments"): multipart uploads streamed from disk, content replacement,
// deletes and downloads.
#include <algorithm>
#include <set>

#include "remote/case_mapping.hpp"
#include "remote/content_types.hpp"
#include "remote/parallel.hpp"
#include "remote/testops_adapter.hpp"

namespace ato::remote {
namespace {

// API-NOTES.md (assumed): a body over 10 MiB is refused with 413. Files go
// up together while they fit, with room for the parts' headers.
constexpr std::int64_t kMaxUploadBody = (10 << 20) - (64 << 10);

std::vector<std::vector<core::Attachment>> upload_batches(const std::vector<core::Attachment>& files) {
  std::vector<std::vector<core::Attachment>> batches;
  std::int64_t used = 0;
  for (const auto& f : files) {
    if (batches.empty() || used + f.size > kMaxUploadBody) {
      batches.emplace_back();
      used = 0;
    }
    batches.back().push_back(f);
    used += f.size;
  }
  return batches;
}

FilePart part_of(const core::Attachment& file) {
  return {"file", file.name, content_type_of(file.name), file.path};
}

std::string attachment_path(std::int64_t id) { return "/testcase/attachment/" + std::to_string(id); }

// Takes, for each file, the row of its name (first not yet taken) from `rows`.
std::vector<core::Attachment> take_rows(const std::vector<core::Attachment>& files,
                                        const std::vector<json>& rows, bool same_size_only,
                                        std::map<std::string, std::int64_t>& ids) {
  std::set<std::int64_t> taken;
  for (const auto& [name, id] : ids) taken.insert(id);
  std::vector<core::Attachment> missing;
  for (const auto& f : files) {
    const auto row = std::find_if(rows.begin(), rows.end(), [&](const json& r) {
      const auto a = attachment_from_dto(r);
      return a.name == f.name && a.remote_id && !taken.count(a.remote_id) &&
             (!same_size_only || a.size == f.size);
    });
    if (row == rows.end()) {
      missing.push_back(f);
      continue;
    }
    const auto id = attachment_from_dto(*row).remote_id;
    taken.insert(id);
    ids[f.name] = id;
  }
  return missing;
}

}  // namespace

std::map<std::string, std::int64_t> TestOpsAdapter::upload_attachments(
    std::int64_t allure_id, const std::vector<core::Attachment>& files) {
  std::map<std::string, std::int64_t> ids;
  for (const auto& batch : upload_batches(files)) upload_batch(allure_id, batch, ids);
  return ids;
}

void TestOpsAdapter::upload_batch(std::int64_t allure_id, const std::vector<core::Attachment>& files,
                                  std::map<std::string, std::int64_t>& ids) {
  const std::string target = "/testcase/attachment?testCaseId=" + std::to_string(allure_id);
  std::vector<core::Attachment> pending = files;
  for (int attempt = 1; !pending.empty(); ++attempt) {
    std::vector<FilePart> parts;
    for (const auto& f : pending) parts.push_back(part_of(f));
    try {
      const json rows = client_->send_files("POST", target, std::move(parts), Retry::NotBlindly);
      if (!rows.is_array())
        throw core::RemoteError("POST " + config_.api_prefix + "/testcase/attachment answered without rows");
      pending = take_rows(pending, rows.get<std::vector<json>>(), false, ids);
      if (!pending.empty())
        throw core::RemoteError("POST " + config_.api_prefix +
                                "/testcase/attachment answered without a row for \"" + pending.front().name +
                                "\"");
    } catch (const UnknownOutcome&) {
      // Never a second copy: what arrived is in the case's list.
      if (attempt >= 5) throw;
      pending = take_rows(pending, read_all_pages(*client_, target), true, ids);
    }
  }
}

void TestOpsAdapter::replace_attachment(std::int64_t attachment_id, const core::Attachment& file) {
  client_->send_files("PUT", attachment_path(attachment_id) + "/content", {part_of(file)});
}

void TestOpsAdapter::delete_attachment(std::int64_t attachment_id) {
  try {
    client_->send("DELETE", attachment_path(attachment_id), nullptr);
  } catch (const core::RemoteError& e) {
    if (e.status() != 404) throw;  // gone already: what the delete wanted
  }
}

void TestOpsAdapter::read_attachments(const std::vector<std::int64_t>& attachment_ids,
                                      const std::function<void(std::size_t, const std::string&)>& each) {
  parallel_for(attachment_ids.size(), config_.parallelism, [&](std::size_t i) {
    try {
      each(i, client_->download(attachment_path(attachment_ids[i]) + "/content"));
    } catch (const core::RemoteError& e) {
      if (e.status() != 404) throw;  // deleted meanwhile: its digest stays unknown
    }
  });
}

}  // namespace ato::remote
