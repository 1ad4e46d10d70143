#include "io/cache_document.hpp"

#include <filesystem>

#include "io/file_io.hpp"

namespace ato::io {

std::optional<nlohmann::ordered_json> CacheDocument::read() const {
  const FileText text = read_whole_file(file, 1u << 30);
  if (!text.ok()) return std::nullopt;  // no cache yet, or an unreadable one: start afresh
  try {
    auto doc = nlohmann::ordered_json::parse(text.text);
    if (doc.at("version").get<int>() != version || doc.at("endpoint").get<std::string>() != endpoint ||
        doc.at("project_id").get<std::int64_t>() != project_id)
      return std::nullopt;
    return std::move(doc.at(key));
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged cache is only a slower run
  }
}

void CacheDocument::write(const nlohmann::ordered_json& entries) const {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ec);
  if (ec) return;  // no cache is not an error
  try {
    const nlohmann::ordered_json doc{
        {"version", version}, {"endpoint", endpoint}, {"project_id", project_id}, {key, entries}};
    replace_file(file, doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  } catch (const std::runtime_error&) {
    // no cache is not an error
  }
}

}  // namespace ato::io
