#include "io/attachment_digests.hpp"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "io/case_cache.hpp"
#include "io/file_io.hpp"

namespace ato::io {
namespace {

constexpr int kDigestsVersion = 1;

}  // namespace

AttachmentDigests::AttachmentDigests(const std::string& dir, const std::string& endpoint,
                                     std::int64_t project_id)
    : endpoint_(endpoint),
      project_id_(project_id),
      file_(cache_file(dir, endpoint, project_id, "-attachments.json")) {
  const FileText text = read_whole_file(file_, 1u << 30);
  if (!text.ok()) return;
  try {
    const auto doc = nlohmann::json::parse(text.text);
    if (doc.at("version").get<int>() != kDigestsVersion ||
        doc.at("endpoint").get<std::string>() != endpoint ||
        doc.at("project_id").get<std::int64_t>() != project_id)
      return;
    for (const auto& row : doc.at("digests"))
      entries_[row.at("id").get<std::int64_t>()] = {row.at("size").get<std::int64_t>(),
                                                    row.at("sha256").get<std::string>()};
  } catch (const std::exception&) {
    entries_.clear();  // a damaged cache is only a slower run
  }
}

std::optional<std::string> AttachmentDigests::get(std::int64_t id, std::int64_t size) const {
  const auto it = entries_.find(id);
  if (it == entries_.end() || it->second.size != size) return std::nullopt;
  return it->second.sha256;
}

void AttachmentDigests::put(std::int64_t id, std::int64_t size, const std::string& sha256) {
  auto& entry = entries_[id];
  if (entry.size == size && entry.sha256 == sha256) return;
  entry = {size, sha256};
  changed_ = true;
}

void AttachmentDigests::save() {
  if (!changed_) return;
  const std::map<std::int64_t, Entry> sorted(entries_.begin(), entries_.end());
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [id, e] : sorted) rows.push_back({{"id", id}, {"size", e.size}, {"sha256", e.sha256}});
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(file_).parent_path(), ec);
  if (ec) return;
  try {
    replace_file(file_, nlohmann::json{{"version", kDigestsVersion},
                                       {"endpoint", endpoint_},
                                       {"project_id", project_id_},
                                       {"digests", rows}}
                                .dump() +
                            "\n");
    changed_ = false;
  } catch (const std::runtime_error&) {
    // no cache is not an error
  }
}

}  // namespace ato::io
