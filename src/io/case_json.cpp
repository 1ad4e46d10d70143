#include "io/case_json.hpp"

#include <stdexcept>

#include "core/normalize.hpp"
#include "core/relations.hpp"

namespace ato::io {
namespace {

using json = nlohmann::ordered_json;

json steps_to_json(const std::vector<core::Step>& steps) {
  json out = json::array();
  for (const auto& s : steps) {
    if (s.uses_shared_step()) {
      json use = json::object();
      if (!s.shared_step.empty()) use["use"] = s.shared_step;
      if (s.shared_step_id != 0) use["shared_step_id"] = s.shared_step_id;
      out.push_back(std::move(use));
      continue;
    }
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
    if (s.contains("use") || s.contains("shared_step_id")) {
      step.shared_step = s.value("use", "");
      step.shared_step_id = s.value("shared_step_id", std::int64_t{0});
      out.push_back(std::move(step));
      continue;
    }
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

json members_to_json(const std::vector<core::Member>& members) {
  json out = json::array();
  for (const auto& m : members) out.push_back({{"role", m.role}, {"user", m.user}});
  return out;
}

std::vector<core::Member> members_from_json(const json& j) {
  std::vector<core::Member> out;
  for (const auto& m : j) out.push_back({m.at("role").get<std::string>(), m.at("user").get<std::string>()});
  return out;
}

json relations_to_json(const std::vector<core::Relation>& relations) {
  json out = json::array();
  for (const auto& r : relations) {
    json relation = {{"type", std::string(core::relation_key(r.type))},
                     {"target_id", r.target_id.empty() ? json() : json(r.target_id)},
                     {"target_allure_id", r.target_allure_id ? json(r.target_allure_id) : json()}};
    if (r.mirrored) relation["mirrored"] = true;
    out.push_back(std::move(relation));
  }
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

std::vector<core::Relation> relations_from_json(const json& j) {
  std::vector<core::Relation> out;
  for (const auto& r : j) {
    const auto type = core::parse_relation_key(r.at("type").get<std::string>());
    if (!type) throw std::runtime_error("unknown relation type \"" + r.at("type").get<std::string>() + "\"");
    core::Relation relation;
    relation.type = *type;
    if (!r.at("target_id").is_null()) relation.target_id = r.at("target_id").get<std::string>();
    if (!r.at("target_allure_id").is_null()) relation.target_allure_id = r.at("target_allure_id").get<std::int64_t>();
    relation.mirrored = r.value("mirrored", false);
    out.push_back(std::move(relation));
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

json examples_to_json(const core::Examples& examples) {
  return {{"names", examples.names}, {"rows", examples.rows}};
}

core::Examples examples_from_json(const json& j) {
  core::Examples out;
  j.at("names").get_to(out.names);
  j.at("rows").get_to(out.rows);
  for (const auto& row : out.rows)
    if (row.size() != out.names.size()) throw std::runtime_error("an example row without a value per parameter");
  return out;
}

// One row per field of core/case_fields.hpp: its JSON key and both directions.
struct JsonField {
  core::Field field;
  const char* key;
  json (*to)(const core::CaseContent&);
  void (*from)(const json&, core::CaseContent&);
  bool optional = false;  // absent from plans and caches written before the field existed
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
    {core::Field::Members, "members", [](const core::CaseContent& c) { return members_to_json(c.members); },
     [](const json& j, core::CaseContent& c) { c.members = members_from_json(j); }, true},
    {core::Field::Relations, "relations", [](const core::CaseContent& c) { return relations_to_json(c.relations); },
     [](const json& j, core::CaseContent& c) { c.relations = relations_from_json(j); }, true},
    {core::Field::Examples, "examples", [](const core::CaseContent& c) { return examples_to_json(c.examples); },
     [](const json& j, core::CaseContent& c) { c.examples = examples_from_json(j); }, true},
    {core::Field::Steps, "steps", [](const core::CaseContent& c) { return steps_to_json(c.steps); },
     [](const json& j, core::CaseContent& c) { c.steps = steps_from_json(j); }},
    {core::Field::Attachments, "attachments",
     [](const core::CaseContent& c) { return attachments_to_json(c.attachments); },
     [](const json& j, core::CaseContent& c) { c.attachments = attachments_from_json(j); }},
    plain<&core::CaseContent::query>(core::Field::Query, "query"),
    plain<&core::CaseContent::plan_cases>(core::Field::PlanCases, "cases"),
};

const JsonField& json_field(core::Field field) {
  for (const auto& row : kJsonFields)
    if (row.field == field) return row;
  throw std::logic_error("case field without a JSON row");
}

}  // namespace

json field_to_json(core::Field field, const core::CaseContent& content) { return json_field(field).to(content); }

json content_to_json(const core::CaseContent& c, core::Kind kind) {
  json out = json::object();
  for (const auto field : core::fields_of(kind)) {
    const auto& row = json_field(field);
    out[row.key] = row.to(c);
  }
  return out;
}

core::CaseContent content_from_json(const json& j, core::Kind kind) {
  core::CaseContent c;
  // Plans and caches written before a field existed lack its key: empty.
  for (const auto field : core::fields_of(kind)) {
    const auto& row = json_field(field);
    if (const auto it = j.find(row.key); it != j.end()) row.from(*it, c);
  }
  return c;
}

}  // namespace ato::io
