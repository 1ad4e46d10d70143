// Test cases: search, reads, create, patch, scenario/tags/issues/custom
// field replacement, soft delete and restore.
#include <algorithm>
#include <functional>
#include <map>

#include "emulator/aql.hpp"
#include "emulator/api.hpp"
#include "emulator/case_extras.hpp"

namespace ato::emulator {
namespace {

const std::vector<std::string> kAqlAttributes = {"id",        "name",          "tag",       "status",
                                                 "layer",     "createdBy",     "lastModifiedBy",
                                                 "createdDate", "lastModifiedDate", "automated", "description"};

std::string optional_text(const json& body, const char* key) {
  const auto& v = body.at(key);
  if (v.is_null()) return {};
  if (!v.is_string()) throw BadRequest(std::string(key) + " must be a string");
  return v.get<std::string>();
}

std::vector<AqlValue> attribute_values(const Store& store, const StoredCase& c, const std::string& attribute) {
  auto text = [](const std::string& s) { return AqlValue{false, 0, s}; };
  auto number = [](std::int64_t n) { return AqlValue{true, static_cast<double>(n), std::to_string(n)}; };
  if (attribute == "id") return {number(c.id)};
  if (attribute == "name") return {text(c.name)};
  if (attribute == "description") return {text(c.description)};
  if (attribute == "tag") {
    std::vector<AqlValue> out;
    for (const auto& t : c.tags) out.push_back(text(t));
    return out;
  }
  if (attribute == "status") {
    const auto* s = c.status_id ? store.status(*c.status_id) : nullptr;
    return s ? std::vector<AqlValue>{text(s->name)} : std::vector<AqlValue>{};
  }
  if (attribute == "layer") {
    const auto* l = c.layer_id ? store.layer(*c.layer_id) : nullptr;
    return l ? std::vector<AqlValue>{text(l->name)} : std::vector<AqlValue>{};
  }
  if (attribute == "createdBy") return {text(c.created_by)};
  if (attribute == "lastModifiedBy") return {text(c.last_modified_by)};
  if (attribute == "createdDate") return {number(c.created_date)};
  if (attribute == "lastModifiedDate") return {number(c.last_modified)};
  if (attribute == "automated") return {text(c.automated ? "true" : "false")};
  return {};
}

// One case's attribute values, each read once per query: a query that ORs
// many tags (apply's duplicate check) would otherwise copy every tag per term.
class CaseAttributes {
 public:
  CaseAttributes(const Store& store, const StoredCase& c) : store_(store), case_(c) {}
  const std::vector<AqlValue>& operator()(const std::string& attribute) {
    auto it = read_.find(attribute);
    if (it == read_.end()) it = read_.emplace(attribute, attribute_values(store_, case_, attribute)).first;
    return it->second;
  }

 private:
  const Store& store_;
  const StoredCase& case_;
  std::map<std::string, std::vector<AqlValue>> read_;
};

bool query_matches(const AqlQuery& query, const Store& store, const StoredCase& c) {
  CaseAttributes attributes(store, c);
  return query.matches_kept(std::ref(attributes));
}

}  // namespace

StoredCase& Api::live_case(const httplib::Request& req, bool allow_deleted) {
  const auto id = std::stoll(req.matches[1]);
  const auto it = store_.cases.find(id);
  if (it == store_.cases.end() || (it->second.deleted && !allow_deleted))
    throw NotFound("test case " + std::to_string(id) + " not found");
  return it->second;
}

void Api::apply_case_fields(StoredCase& c, const json& body, bool creating) {
  if (!body.is_object()) throw BadRequest("the body must be a JSON object");
  if (body.contains("name")) {
    const auto name = optional_text(body, "name");
    if (name.empty()) throw BadRequest("name must not be empty");
    c.name = name;
  } else if (creating) {
    throw BadRequest("name is required");
  }
  if (body.contains("description")) c.description = optional_text(body, "description");
  if (body.contains("precondition")) c.precondition = optional_text(body, "precondition");
  if (body.contains("expectedResult")) c.expected_result = optional_text(body, "expectedResult");
  if (body.contains("statusId") && !body["statusId"].is_null()) {
    const auto id = body["statusId"].get<std::int64_t>();
    if (!store_.status(id)) throw BadRequest("status " + std::to_string(id) + " is not in the workflow");
    c.status_id = id;
  }
  if (body.contains("testLayerId")) {
    if (body["testLayerId"].is_null()) {
      c.layer_id.reset();
    } else {
      const auto id = body["testLayerId"].get<std::int64_t>();
      if (!store_.layer(id)) throw BadRequest("test layer " + std::to_string(id) + " does not exist");
      c.layer_id = id;
    }
  }
  if (body.contains("tags") && !body["tags"].is_null()) {
    c.tags.clear();
    for (const auto& t : body["tags"]) {
      const auto name = t.at("name").get<std::string>();
      store_.tag_id(name);
      if (std::find(c.tags.begin(), c.tags.end(), name) == c.tags.end()) c.tags.push_back(name);
    }
  }
  if (body.contains("links") && !body["links"].is_null()) {
    c.links.clear();
    for (const auto& l : body["links"])
      c.links.push_back({l.value("name", ""), l.at("url").get<std::string>(),
                         l.contains("type") && l["type"].is_string() ? l["type"].get<std::string>() : ""});
  }
  if (body.contains("customFields") && !body["customFields"].is_null()) {
    c.value_ids.clear();
    for (const auto& v : body["customFields"]) {
      const auto id = v.at("id").get<std::int64_t>();
      const auto* value = store_.value(id);
      if (!value) throw BadRequest("custom field value " + std::to_string(id) + " does not exist");
      if (v.contains("customField") && v["customField"].at("id").get<std::int64_t>() != value->field_id)
        throw BadRequest("custom field value " + std::to_string(id) + " belongs to another field");
      c.value_ids.push_back(id);
    }
  }
  if (body.contains("scenario") && !body["scenario"].is_null()) c.scenario = parse_typed_scenario(body["scenario"], store_, c.id);
  if (body.contains("members") && !body["members"].is_null()) c.members = parse_members(body["members"], store_);
  if (body.contains("automated") && body["automated"].is_boolean() && body["automated"].get<bool>()) c.automated = true;
}

json Api::search(const httplib::Request& req) {
  const auto project = int_param(req, "projectId", -1);
  if (project != store_.project.id) throw BadRequest("projectId is required and must be a known project");
  if (!req.has_param("rql")) throw BadRequest("rql is required");
  AqlQuery query = [&] {
    try {
      return AqlQuery::parse(req.get_param_value("rql"), kAqlAttributes);
    } catch (const AqlError& e) {
      throw BadRequest(std::string("invalid AQL: ") + e.what());
    }
  }();
  const bool deleted = req.get_param_value("deleted") == "true";
  bool descending = false;
  for (std::size_t i = 0; i < req.get_param_value_count("sort"); ++i)
    if (req.get_param_value("sort", i) == "id,DESC" || req.get_param_value("sort", i) == "id,desc") descending = true;
  std::vector<const StoredCase*> matching;
  for (const auto& [id, c] : store_.cases) {
    if (c.deleted != deleted) continue;
    if (query_matches(query, store_, c)) matching.push_back(&c);
  }
  if (descending) std::reverse(matching.begin(), matching.end());
  return page_of(matching.size(), static_cast<int>(int_param(req, "page", 0)),
                 static_cast<int>(int_param(req, "size", 10)), faults_.settings().page_cap,
                 [&](std::size_t i) { return case_dto(store_, *matching[i]); });
}

std::int64_t Api::count_live_cases(const std::string& rql) {
  if (rql.empty()) return 0;
  const AqlQuery query = [&] {
    try {
      return AqlQuery::parse(rql, kAqlAttributes);
    } catch (const AqlError& e) {
      throw BadRequest(std::string("invalid baseRql: ") + e.what());
    }
  }();
  std::int64_t count = 0;
  for (const auto& [id, c] : store_.cases)
    if (!c.deleted && query_matches(query, store_, c)) ++count;
  return count;
}

bool Api::soft_delete_cases(const std::string& rql, int count) {
  const AqlQuery query = [&] {
    try {
      return AqlQuery::parse(rql, kAqlAttributes);
    } catch (const AqlError& e) {
      throw BadRequest(std::string("invalid AQL in the fault rule: ") + e.what());
    }
  }();
  int deleted = 0;
  for (auto& [id, c] : store_.cases) {  // ordered by id
    if (deleted >= count) break;
    if (c.deleted || !query_matches(query, store_, c)) continue;
    c.deleted = true;
    store_.touch(c, "someone in the UI");
    ++deleted;
  }
  return deleted > 0;
}

void Api::register_case_routes(httplib::Server& server) {
  const std::string p = options_.prefix;
  const std::string one = p + R"(/testcase/(\d+))";

  route(server, "GET", p + "/testcase/__search", false, [this](const httplib::Request& req) {
    return Answer{200, search(req)};
  });
  route(server, "GET", p + "/testcase/query/validate", false, [this](const httplib::Request& req) {
    try {
      AqlQuery::parse(req.get_param_value("rql"), kAqlAttributes);
      return Answer{200, {{"valid", true}}};
    } catch (const AqlError& e) {
      return Answer{200, {{"valid", false}, {"message", e.what()}}};
    }
  });
  route(server, "GET", p + "/testcase", false, [this](const httplib::Request& req) {
    json items = json::array();
    for (const auto& [id, c] : store_.cases) {
      if (!c.deleted) items.push_back(case_row_dto(store_, c));
    }
    return Answer{200, page_of(items, static_cast<int>(int_param(req, "page", 0)),
                               static_cast<int>(int_param(req, "size", 10)), faults_.settings().page_cap)};
  });
  route(server, "POST", p + "/testcase", true, [this](const httplib::Request& req) {
    const json body = json::parse(req.body);
    require_project(store_, body);
    StoredCase c;
    c.id = store_.new_id();
    c.project_id = store_.project.id;
    c.workflow_id = store_.workflow.id;
    c.status_id = store_.statuses.front().id;  // a new case starts in the workflow's first status
    apply_case_fields(c, body, true);
    store_.stamp_new(c, current_user_);
    auto& stored = store_.cases[c.id] = std::move(c);
    return Answer{200, case_dto(store_, stored)};
  });
  route(server, "GET", one, false, [this](const httplib::Request& req) {
    return Answer{200, case_dto(store_, live_case(req, true))};
  });
  route(server, "GET", one + "/overview", false, [this](const httplib::Request& req) {
    return Answer{200, overview_dto(store_, live_case(req, true))};
  });
  route(server, "GET", one + "/scenario", false, [this](const httplib::Request& req) {
    return Answer{200, scenario_dto(store_, live_case(req, true))};
  });
  route(server, "GET", one + "/step", false, [this](const httplib::Request& req) {
    return Answer{200, normalized_scenario_dto(store_, live_case(req, true))};
  });
  route(server, "PATCH", one, true, [this](const httplib::Request& req) {
    auto& c = live_case(req);
    StoredCase updated = c;
    apply_case_fields(updated, json::parse(req.body), false);
    c = std::move(updated);
    store_.touch(c, current_user_);
    return Answer{200, case_dto(store_, c)};
  });
  route(server, "DELETE", one, true, [this](const httplib::Request& req) {
    auto& c = live_case(req, true);
    if (req.get_param_value("force") == "true") {
      store_.cases.erase(c.id);
      return Answer{202, nullptr};
    }
    c.deleted = true;
    store_.touch(c, current_user_);
    return Answer{202, nullptr};
  });
  route(server, "POST", one + "/restore", true, [this](const httplib::Request& req) {
    auto& c = live_case(req, true);
    c.deleted = false;
    store_.touch(c, current_user_);
    return Answer{200, case_dto(store_, c)};
  });
  route(server, "POST", one + "/scenario", true, [this](const httplib::Request& req) {
    auto& c = live_case(req);
    c.scenario = parse_typed_scenario(json::parse(req.body), store_, c.id);
    store_.touch(c, current_user_);
    return Answer{200, normalized_scenario_dto(store_, c)};
  });
  route(server, "POST", one + "/tag", true, [this](const httplib::Request& req) {
    auto& c = live_case(req);
    const json body = json::parse(req.body);
    if (!body.is_array()) throw BadRequest("the body must be an array of tags");
    apply_case_fields(c, json{{"tags", body}}, false);
    store_.touch(c, current_user_);
    return Answer{200, case_dto(store_, c)["tags"]};
  });
  route(server, "POST", one + "/issue", true, [this](const httplib::Request& req) {
    auto& c = live_case(req);
    const json body = json::parse(req.body);
    if (!body.is_array()) throw BadRequest("the body must be an array of issues");
    std::vector<Issue> issues;
    for (const auto& i : body) {
      const auto integration = i.at("integrationId").get<std::int64_t>();
      if (!store_.integration(integration))
        throw BadRequest("integration " + std::to_string(integration) + " does not exist");
      issues.push_back({i.at("name").get<std::string>(), integration});
    }
    c.issues = std::move(issues);
    store_.touch(c, current_user_);
    return Answer{200, issues_dto(store_, c)};
  });
  route(server, "GET", one + "/cfv", false, [this](const httplib::Request& req) {
    const auto& c = live_case(req, true);
    json out = json::array();
    for (const auto& f : store_.fields) {
      json values = json::array();
      for (const auto id : c.value_ids)
        if (const auto* v = store_.value(id); v && v->field_id == f.id) values.push_back({{"id", v->id}, {"name", v->name}});
      out.push_back({{"customField", {{"id", f.id}, {"name", f.name}}}, {"values", values}});
    }
    return Answer{200, out};
  });
  route(server, "PATCH", one + "/cfv", true, [this](const httplib::Request& req) {
    auto& c = live_case(req);
    const json body = json::parse(req.body);
    if (!body.is_array()) throw BadRequest("the body must be an array of {customField, values}");
    std::vector<std::int64_t> ids = c.value_ids;
    for (const auto& entry : body) {
      const auto field = entry.at("customField").at("id").get<std::int64_t>();
      if (!store_.field(field)) throw BadRequest("custom field " + std::to_string(field) + " does not exist");
      ids.erase(std::remove_if(ids.begin(), ids.end(),
                               [&](std::int64_t id) { return store_.value(id) && store_.value(id)->field_id == field; }),
                ids.end());
      for (const auto& v : entry.at("values")) {
        const auto id = v.at("id").get<std::int64_t>();
        const auto* value = store_.value(id);
        if (!value || value->field_id != field)
          throw BadRequest("custom field value " + std::to_string(id) + " does not belong to field " + std::to_string(field));
        ids.push_back(id);
      }
    }
    c.value_ids = std::move(ids);
    store_.touch(c, current_user_);
    return Answer{200, nullptr};
  });
}

}  // namespace ato::emulator
