#include "remote/shared_step_mapping.hpp"

#include <string_view>

#include "core/normalize.hpp"

namespace ato::remote {
namespace {

constexpr int kMaxStepDepth = 64;  // far beyond the 8 levels ato-sync writes: a loop in a damaged answer

// `dto[key]` when it holds a value of that type, else nullptr.
const json* member_of_type(const json& dto, const char* key, json::value_t type) {
  if (!dto.is_object()) return nullptr;
  const auto it = dto.find(key);
  if (it == dto.end()) return nullptr;
  const bool integer = type == json::value_t::number_integer;
  return (integer ? it->is_number_integer() : it->type() == type) ? &*it : nullptr;
}

std::string string_member(const json& dto, const char* key) {
  const json* s = member_of_type(dto, key, json::value_t::string);
  return s ? s->get<std::string>() : std::string();
}

std::int64_t id_member(const json& dto, const char* key) {
  const json* n = member_of_type(dto, key, json::value_t::number_integer);
  return n ? n->get<std::int64_t>() : 0;
}

// One flat map of a NormalizedScenarioDto and lookups in it.
class NormalizedSteps {
 public:
  NormalizedSteps(const json& normalized, const char* map_key, const char* attachments_key) {
    if (const json* map = member_of_type(normalized, map_key, json::value_t::object)) map_ = map;
    if (const json* map = member_of_type(normalized, attachments_key, json::value_t::object)) attachments_ = map;
  }

  const json* entry(std::int64_t id) const {
    if (!map_) return nullptr;
    const auto it = map_->find(std::to_string(id));
    return it == map_->end() || !it->is_object() ? nullptr : &*it;
  }

  // The steps that `children` names, in order. An attachment child is not a
  // step of the model: its name goes to `attachments` (the parent step's),
  // as the nested shape shows it; without a parent it is a step of no text
  // holding it, as the nested shape reads a top-level one.
  std::vector<core::Step> steps(const json* children, std::int64_t expected_id, int depth,
                                std::vector<std::string>* attachments = nullptr) const {
    if (depth > kMaxStepDepth) throw core::RemoteError("the normalized scenario nests steps in a loop");
    std::vector<core::Step> out;
    if (!children || !children->is_array()) return out;
    for (const auto& child : *children) {
      if (!child.is_number_integer() || child.get<std::int64_t>() == expected_id) continue;
      const json* e = entry(child.get<std::int64_t>());
      if (!e) continue;
      if (const auto attachment = id_member(*e, "attachmentId")) {
        const std::string name = attachment_name(attachment);
        if (name.empty()) continue;  // no row to name it: nothing the model can hold
        if (attachments) attachments->push_back(name);
        else out.push_back(attachment_step(name));
        continue;
      }
      out.push_back(step(*e, depth));
    }
    return out;
  }

 private:
  core::Step step(const json& e, int depth) const {
    const bool has_body = member_of_type(e, "body", json::value_t::string) != nullptr;
    if (const auto shared = id_member(e, "sharedStepId"); shared && !has_body) {
      core::Step reference;
      reference.shared_step_id = shared;
      return reference;
    }
    core::Step s = core::split_keyword(string_member(e, "body"));
    const auto expected_id = id_member(e, "expectedResultId");
    s.steps = steps(member_of_type(e, "children", json::value_t::array), expected_id, depth + 1, &s.attachments);
    s.expected = expected(e, expected_id, s.attachments);
    return core::normalize(std::move(s));
  }

  // `expectedResult`, or the expected result step it names: its body, or its
  // children's, one per line (its attachment children go to `attachments`).
  std::string expected(const json& e, std::int64_t expected_id, std::vector<std::string>& attachments) const {
    std::string text = string_member(e, "expectedResult");
    const json* result = text.empty() && expected_id ? entry(expected_id) : nullptr;
    if (!result) return text;
    const json* lines = member_of_type(*result, "children", json::value_t::array);
    if (!lines || lines->empty()) return string_member(*result, "body");
    for (const auto& line : *lines) {
      const json* l = line.is_number_integer() ? entry(line.get<std::int64_t>()) : nullptr;
      if (!l) continue;
      if (const auto attachment = id_member(*l, "attachmentId")) {
        if (const std::string name = attachment_name(attachment); !name.empty()) attachments.push_back(name);
      } else {
        text += (text.empty() ? "" : "\n") + string_member(*l, "body");
      }
    }
    return text;
  }

  // The name of the attachment row the normalized form lists under its id.
  std::string attachment_name(std::int64_t id) const {
    if (!attachments_) return "";
    const auto it = attachments_->find(std::to_string(id));
    return it == attachments_->end() ? std::string() : string_member(*it, "name");
  }
  static core::Step attachment_step(const std::string& name) {
    core::Step s;
    s.attachments.push_back(name);
    return s;
  }

  const json* map_ = nullptr;
  const json* attachments_ = nullptr;
};

}  // namespace

std::vector<core::Step> steps_from_normalized(const json& normalized, const char* map_key) {
  const json* root = member_of_type(normalized, "root", json::value_t::object);
  if (!root) return {};
  const bool shared = std::string_view(map_key) == "sharedStepScenarioSteps";
  return NormalizedSteps(normalized, map_key, shared ? "sharedStepAttachments" : "attachments")
      .steps(member_of_type(*root, "children", json::value_t::array), 0, 0);
}

bool names_any_of(const json& nested_scenario, const std::set<std::string>& names) {
  const json* steps = member_of_type(nested_scenario, "steps", json::value_t::array);
  if (!steps) return false;
  for (const auto& step : *steps) {
    const std::string name = string_member(step, "name"), keyword = string_member(step, "keyword");
    if (names.count(name) || (!keyword.empty() && names.count(keyword + " " + name))) return true;
    if (names_any_of(step, names)) return true;
  }
  return false;
}

std::vector<core::Step> shared_step_steps_from_normalized(const json& normalized) {
  core::CaseContent content;
  content.steps = steps_from_normalized(normalized, "sharedStepScenarioSteps");
  return core::normalize(std::move(content)).steps;
}

core::RemoteSharedStep shared_step_from_dto(const json& dto) {
  core::RemoteSharedStep s;
  s.allure_id = id_member(dto, "id");
  const json* archived = member_of_type(dto, "archived", json::value_t::boolean);
  s.archived = archived && archived->get<bool>();
  s.used_by = static_cast<int>(id_member(dto, "testCasesCount"));
  s.last_modified = id_member(dto, "lastModifiedDate");
  s.last_modified_by = string_member(dto, "lastModifiedBy");
  s.content.name = string_member(dto, "name");
  s.content = core::normalize(std::move(s.content));
  return s;
}

}  // namespace ato::remote
