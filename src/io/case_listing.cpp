#include "io/case_listing.hpp"

#include <algorithm>

#include "io/case_json.hpp"

namespace ato::io {
namespace {

std::string place(const core::SourceLocation& at) {
  return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

}  // namespace

std::string cases_to_text(const std::vector<core::DesiredCase>& cases) {
  std::size_t id_width = 0, place_width = 0;
  for (const auto& c : cases) {
    id_width = std::max(id_width, c.external_id.size());
    place_width = std::max(place_width, place(c.source).size());
  }
  std::string out;
  for (const auto& c : cases) {
    const std::string where = place(c.source);
    out += c.external_id + std::string(id_width - c.external_id.size() + 2, ' ') + where +
           std::string(place_width - where.size() + 2, ' ') + c.content.name + "\n";
  }
  return out;
}

std::string cases_to_json(const std::vector<core::DesiredCase>& cases) {
  using json = nlohmann::ordered_json;
  json list = json::array();
  for (const auto& c : cases) {
    list.push_back(
        {{"external_id", c.external_id},
         {"allure_id", c.allure_id ? json(*c.allure_id) : json()},
         {"source", {{"file", c.source.file}, {"line", c.source.line}, {"column", c.source.column}}},
         {"content", content_to_json(c.content)}});
  }
  const json doc = {{"format_version", kCaseListingFormatVersion}, {"cases", list}};
  return doc.dump(2) + "\n";
}

}  // namespace ato::io
