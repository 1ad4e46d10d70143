#include "io/case_json.hpp"

#include <stdexcept>

#include "core/normalize.hpp"

namespace ato::io {
namespace {

using json = nlohmann::ordered_json;

json steps_to_json(const std::vector<core::Step>& steps) {
  json out = json::array();
  for (const auto& s : steps) {
    json step = {{"keyword", std::string(core::keyword_name(s.keyword))}, {"text", s.text}};
    if (!s.expected.empty()) step["expected"] = s.expected;
    if (!s.steps.empty()) step["steps"] = steps_to_json(s.steps);
    if (!s.attachments.empty()) step["attachments"] = s.attachments;
    out.push_back(std::move(step));
  }
  return out;
}

std::vector<core::Step> steps_from_json(const json& j) {
  std::vector<core::Step> out;
  for (const auto& s : j) {
    core::Step step;
    const auto keyword = s.at("keyword").get<std::string>();
    step.keyword = keyword.empty() ? core::Keyword::None : core::parse_keyword(keyword).value_or(core::Keyword::None);
    step.text = s.at("text").get<std::string>();
    step.expected = s.value("expected", "");
    if (s.contains("steps")) step.steps = steps_from_json(s.at("steps"));
    if (s.contains("attachments")) s.at("attachments").get_to(step.attachments);
    out.push_back(std::move(step));
  }
  return out;
}

json links_to_json(const std::vector<core::Link>& links) {
  json out = json::array();
  for (const auto& l : links) out.push_back({{"name", l.name}, {"url", l.url}, {"type", l.type}});
  return out;
}

std::vector<core::Link> links_from_json(const json& j) {
  std::vector<core::Link> out;
  for (const auto& l : j) out.push_back({l.at("name").get<std::string>(), l.at("url").get<std::string>(), l.value("type", "")});
  return out;
}

// The desired side has a path, the remote side an id and a content type.
json attachments_to_json(const std::vector<core::Attachment>& attachments) {
  json out = json::array();
  for (const auto& a : attachments) {
    json row = {{"name", a.name}, {"size", a.size}, {"sha256", a.sha256.empty() ? json() : json(a.sha256)}};
    if (!a.path.empty()) row["path"] = a.path;
    if (a.remote_id) row["id"] = a.remote_id;
    if (!a.content_type.empty()) row["content_type"] = a.content_type;
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<core::Attachment> attachments_from_json(const json& j) {
  std::vector<core::Attachment> out;
  for (const auto& row : j) {
    core::Attachment a;
    a.name = row.at("name").get<std::string>();
    a.size = row.at("size").get<std::int64_t>();
    if (row.contains("sha256") && !row.at("sha256").is_null()) a.sha256 = row.at("sha256").get<std::string>();
    a.path = row.value("path", "");
    a.remote_id = row.value("id", std::int64_t{0});
    a.content_type = row.value("content_type", "");
    out.push_back(std::move(a));
  }
  return out;
}

// One row per field of core/case_fields.hpp: its JSON key and both directions.
struct JsonField {
  core::Field field;
  const char* key;
  json (*to)(const core::CaseContent&);
  void (*from)(const json&, core::CaseContent&);
};

template <auto Member>
JsonField plain(core::Field field, const char* key) {
  return {field, key, [](const core::CaseContent& c) { return json(c.*Member); },
          [](const json& j, core::CaseContent& c) { j.get_to(c.*Member); }};
}

const JsonField kJsonFields[] = {
    plain<&core::CaseContent::name>(core::Field::Name, "name"),
    plain<&core::CaseContent::description>(core::Field::Description, "description"),
    plain<&core::CaseContent::precondition>(core::Field::Precondition, "precondition"),
    plain<&core::CaseContent::expected>(core::Field::Expected, "expected"),
    plain<&core::CaseContent::status>(core::Field::Status, "status"),
    plain<&core::CaseContent::layer>(core::Field::Layer, "layer"),
    {core::Field::CustomFields, "custom_fields", [](const core::CaseContent& c) { return json(c.custom_fields); },
     [](const json& j, core::CaseContent& c) {
       for (const auto& [field, values] : j.items()) c.custom_fields[field] = values.get<std::vector<std::string>>();
     }},
    plain<&core::CaseContent::tags>(core::Field::Tags, "tags"),
    plain<&core::CaseContent::issues>(core::Field::Issues, "issues"),
    {core::Field::Links, "links", [](const core::CaseContent& c) { return links_to_json(c.links); },
     [](const json& j, core::CaseContent& c) { c.links = links_from_json(j); }},
    {core::Field::Steps, "steps", [](const core::CaseContent& c) { return steps_to_json(c.steps); },
     [](const json& j, core::CaseContent& c) { c.steps = steps_from_json(j); }},
    {core::Field::Attachments, "attachments",
     [](const core::CaseContent& c) { return attachments_to_json(c.attachments); },
     [](const json& j, core::CaseContent& c) { c.attachments = attachments_from_json(j); }},
};

const JsonField& json_field(core::Field field) {
  for (const auto& row : kJsonFields)
    if (row.field == field) return row;
  throw std::logic_error("case field without a JSON row");
}

}  // namespace

json field_to_json(core::Field field, const core::CaseContent& content) { return json_field(field).to(content); }

json content_to_json(const core::CaseContent& c) {
  json out = json::object();
  for (const auto& row : kJsonFields) out[row.key] = row.to(c);
  return out;
}

core::CaseContent content_from_json(const json& j) {
  core::CaseContent c;
  // Plans and caches written before a field existed lack its key: empty.
  for (const auto& row : kJsonFields)
    if (const auto it = j.find(row.key); it != j.end()) row.from(*it, c);
  return c;
}

}  // namespace ato::io
