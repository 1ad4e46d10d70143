// Members and roles, relations (mirrored), examples, the test case update
// schema, and uploaded test results (admin: makes a case automated).
#include <algorithm>
#include <set>

#include "emulator/api.hpp"
#include "emulator/case_extras.hpp"

namespace ato::emulator {
namespace {

const std::pair<const char*, const char*> kMirrors[] = {
    {"related to", "related to"},       {"clones", "is cloned by"},       {"is cloned by", "clones"},
    {"duplicates", "is duplicated by"}, {"is duplicated by", "duplicates"}, {"automates", "is automated by"},
    {"is automated by", "automates"},
};

const char* mirrored_type(const std::string& type) {
  for (const auto& [a, b] : kMirrors)
    if (type == a) return b;
  return nullptr;
}

const std::vector<std::string> kSchemaFields = {"name",  "full_name", "test_layer", "description",
                                                "precondition", "expected_result", "link", "tag",
                                                "issue", "member",    "custom_field"};

bool from_results(const Store& store, const std::string& field) {
  for (const auto& row : store.update_schema)
    if (row.field == field) return row.policy == "from_test_result";
  return true;  // the server's default
}

json schema_row_dto(const Store& store, const UpdateSchemaRow& row) {
  return {{"id", row.id}, {"projectId", store.project.id}, {"field", row.field}, {"policy", row.policy}};
}

void check_schema_row(const std::string& field, const std::string& policy) {
  if (std::find(kSchemaFields.begin(), kSchemaFields.end(), field) == kSchemaFields.end())
    throw BadRequest("unknown update schema field '" + field + "'");
  if (policy != "from_test_case" && policy != "from_test_result")
    throw BadRequest("policy must be from_test_case or from_test_result");
}

}  // namespace

json members_dto(const Store& store, const StoredCase& c) {
  json out = json::array();
  std::int64_t n = 0;
  for (const auto& m : c.members) {
    const auto* role = store.role(m.role_id);
    out.push_back({{"id", c.id * 1000 + ++n}, {"name", m.name},
                   {"role", role ? json{{"id", role->id}, {"name", role->name}} : json()}});
  }
  return out;
}

json examples_dto(const StoredCase& c) {
  json out = json::array();
  for (const auto& e : c.examples) {
    json parameters = json::array();
    for (const auto& p : e.parameters) parameters.push_back({{"name", p.name}, {"value", p.value}});
    out.push_back({{"id", e.id}, {"parameters", parameters}, {"status", nullptr}});
  }
  return out;
}

json parameters_dto(const StoredCase& c) {
  json out = json::array();
  if (!c.examples.empty())
    for (const auto& p : c.examples.front().parameters) out.push_back({{"name", p.name}});
  return out;
}

json relations_dto(const Store& store, std::int64_t id) {
  json out = json::array();
  const auto live = [&](std::int64_t other) {
    const auto it = store.cases.find(other);
    return it != store.cases.end() && !it->second.deleted ? &it->second : nullptr;
  };
  for (const auto& r : store.relations) {
    if (r.source != id && r.target != id) continue;
    const bool outgoing = r.source == id;
    const auto* other = live(outgoing ? r.target : r.source);
    if (!other) continue;
    out.push_back({{"id", r.id},
                   {"target", {{"id", other->id}, {"name", other->name}}},
                   {"type", outgoing ? r.type : std::string(mirrored_type(r.type))}});
  }
  return out;
}

std::vector<CaseMember> parse_members(const json& body, const Store& store) {
  if (!body.is_array()) throw BadRequest("members must be an array of {name, role}");
  std::vector<CaseMember> out;
  std::set<std::pair<std::string, std::int64_t>> seen;
  for (const auto& m : body) {
    const auto name = m.is_object() && m.contains("name") && m["name"].is_string() ? m["name"].get<std::string>() : "";
    if (name.find_first_not_of(" \t") == std::string::npos) throw BadRequest("a member needs a name");
    const auto role = m.contains("role") && m["role"].is_object() ? m["role"].value("id", std::int64_t{0}) : 0;
    if (!store.role(role)) throw BadRequest("role " + std::to_string(role) + " does not exist");
    if (!seen.insert({name, role}).second) throw BadRequest("member '" + name + "' holds that role twice");
    out.push_back({name, role});
  }
  return out;
}

void Api::register_case_extra_routes(httplib::Server& server) {
  const std::string p = options_.prefix;
  const std::string one = p + R"(/testcase/(\d+))";

  route(server, "GET", p + "/role", false, [this](const httplib::Request&) {
    json out = json::array();
    for (const auto& r : store_.roles) out.push_back({{"id", r.id}, {"name", r.name}});
    return Answer{200, out};
  });
  route(server, "GET", one + "/members", false, [this](const httplib::Request& req) {
    return Answer{200, members_dto(store_, live_case(req, true))};
  });
  route(server, "POST", one + "/members", true, [this](const httplib::Request& req) {
    auto& c = live_case(req);
    c.members = parse_members(json::parse(req.body), store_);
    store_.touch(c, current_user_);
    return Answer{200, members_dto(store_, c)};
  });

  route(server, "GET", one + "/example", false, [this](const httplib::Request& req) {
    const json items = examples_dto(live_case(req, true));
    return Answer{200, page_of(items, static_cast<int>(int_param(req, "page", 0)),
                               static_cast<int>(int_param(req, "size", 10)), faults_.settings().page_cap)};
  });
  route(server, "POST", one + "/example", true, [this](const httplib::Request& req) {
    auto& c = live_case(req);
    const json body = json::parse(req.body);
    if (!body.is_array()) throw BadRequest("the body must be an array of examples");
    std::vector<CaseExample> examples;
    std::vector<std::string> first_names;
    for (const auto& e : body) {
      if (!e.is_array()) throw BadRequest("an example must be an array of {name, value}");
      CaseExample example{store_.new_id(), {}};
      std::vector<std::string> names;
      for (const auto& param : e) {
        const auto name = param.at("name").get<std::string>();
        if (name.find_first_not_of(" \t") == std::string::npos) throw BadRequest("a parameter needs a name");
        if (!param.contains("value") || !param["value"].is_string()) throw BadRequest("parameter '" + name + "' needs a string value");
        if (std::find(names.begin(), names.end(), name) != names.end()) throw BadRequest("parameter '" + name + "' twice");
        names.push_back(name);
        example.parameters.push_back({name, param["value"].get<std::string>()});
      }
      if (examples.empty()) first_names = names;
      else if (names != first_names) throw BadRequest("every example must have the same parameters in the same order");
      examples.push_back(std::move(example));
    }
    c.examples = std::move(examples);
    store_.touch(c, current_user_);
    return Answer{200, examples_dto(c)};
  });

  route(server, "GET", one + "/relation", false, [this](const httplib::Request& req) {
    return Answer{200, relations_dto(store_, live_case(req, true).id)};
  });
  route(server, "POST", one + "/relation", true, [this](const httplib::Request& req) {
    auto& c = live_case(req);
    const json body = json::parse(req.body);
    if (!body.is_array()) throw BadRequest("the body must be an array of relations");
    // Each wanted relation as it reads from this case, then matched to a stored one.
    std::vector<std::pair<std::int64_t, std::string>> wanted;
    for (const auto& r : body) {
      const auto target = r.at("target").at("id").get<std::int64_t>();
      const auto type = r.at("type").get<std::string>();
      if (!mirrored_type(type)) throw BadRequest("unknown relation type '" + type + "'");
      const auto it = store_.cases.find(target);
      if (it == store_.cases.end() || it->second.deleted || it->second.project_id != c.project_id)
        throw BadRequest("relation target " + std::to_string(target) + " does not exist");
      if (target == c.id) throw BadRequest("a case cannot relate to itself");
      const std::pair<std::int64_t, std::string> key{target, type};
      if (std::find(wanted.begin(), wanted.end(), key) != wanted.end())
        throw BadRequest("the same relation twice");
      wanted.push_back(key);
    }
    const auto deleted_end = [&](const StoredRelation& r) {
      const auto other = store_.cases.find(r.source == c.id ? r.target : r.source);
      return other == store_.cases.end() || other->second.deleted;
    };
    std::vector<StoredRelation> kept;
    for (const auto& r : store_.relations) {
      if (r.source != c.id && r.target != c.id) {
        kept.push_back(r);
        continue;
      }
      if (deleted_end(r)) {  // hidden, and left alone by a post
        kept.push_back(r);
        continue;
      }
      const std::pair<std::int64_t, std::string> seen =
          r.source == c.id ? std::pair{r.target, r.type} : std::pair{r.source, std::string(mirrored_type(r.type))};
      const auto it = std::find(wanted.begin(), wanted.end(), seen);
      if (it == wanted.end()) continue;  // deleted at both ends
      kept.push_back(r);
      wanted.erase(it);
    }
    for (const auto& [target, type] : wanted) kept.push_back({store_.new_id(), c.id, target, type});
    store_.relations = std::move(kept);
    store_.touch(c, current_user_);  // only the case posted to (API-NOTES.md)
    return Answer{200, relations_dto(store_, c.id)};
  });

  route(server, "GET", p + "/testcaseupdateschema", false, [this](const httplib::Request& req) {
    if (int_param(req, "projectId", -1) != store_.project.id) throw BadRequest("projectId must be a known project");
    json out = json::array();
    for (const auto& row : store_.update_schema) out.push_back(schema_row_dto(store_, row));
    return Answer{200, out};
  });
  route(server, "POST", p + "/testcaseupdateschema", true, [this](const httplib::Request& req) {
    const json body = json::parse(req.body);
    if (body.value("projectId", std::int64_t{-1}) != store_.project.id) throw BadRequest("projectId must be a known project");
    const auto field = body.at("field").get<std::string>();
    const auto policy = body.at("policy").get<std::string>();
    check_schema_row(field, policy);
    for (const auto& row : store_.update_schema)
      if (row.field == field) return Answer{409, {{"status", 409}, {"message", "field '" + field + "' has a row"}}};
    store_.update_schema.push_back({store_.new_id(), field, policy});
    return Answer{200, schema_row_dto(store_, store_.update_schema.back())};
  });
  const std::string schema_one = p + R"(/testcaseupdateschema/(\d+))";
  const auto schema_row = [this](const httplib::Request& req) -> UpdateSchemaRow& {
    const auto id = std::stoll(req.matches[1]);
    for (auto& row : store_.update_schema)
      if (row.id == id) return row;
    throw NotFound("update schema row " + std::to_string(id) + " not found");
  };
  route(server, "GET", schema_one, false, [=, this](const httplib::Request& req) {
    return Answer{200, schema_row_dto(store_, schema_row(req))};
  });
  route(server, "PATCH", schema_one, true, [=, this](const httplib::Request& req) {
    auto& row = schema_row(req);
    const json body = json::parse(req.body);
    const auto field = body.contains("field") && body["field"].is_string() ? body["field"].get<std::string>() : row.field;
    const auto policy = body.contains("policy") && body["policy"].is_string() ? body["policy"].get<std::string>() : row.policy;
    check_schema_row(field, policy);
    row.field = field;
    row.policy = policy;
    return Answer{200, schema_row_dto(store_, row)};
  });
  route(server, "DELETE", schema_one, true, [=, this](const httplib::Request& req) {
    const auto id = schema_row(req).id;
    std::erase_if(store_.update_schema, [&](const UpdateSchemaRow& row) { return row.id == id; });
    return Answer{204, nullptr};
  });

  // What `allurectl upload` does to a linked case, for tests: marks it
  // automated and overwrites the fields the update schema gives to results
  // (`name`, `description`, ...), and the scenario. Not counted in the stats.
  server.Post(R"(/__emulator/testcase/(\d+)/result)", [this](const httplib::Request& req, httplib::Response& res) {
    try {
      std::lock_guard lock(store_.mutex);
      auto& c = live_case(req);
      const json body = json::parse(req.body);
      json fields = json::object();
      for (const auto& [key, schema_field] : {std::pair{"name", "name"}, {"description", "description"},
                                               {"precondition", "precondition"}, {"expectedResult", "expected_result"},
                                               {"tags", "tag"}, {"links", "link"}})
        if (body.contains(key) && from_results(store_, schema_field)) fields[key] = body[key];
      if (body.contains("scenario")) fields["scenario"] = body["scenario"];
      apply_case_fields(c, fields, false);
      c.automated = true;
      store_.touch(c, "allurectl");
      save_state();
      res.set_content(case_dto(store_, c).dump(), "application/json");
    } catch (const std::exception& e) {
      res.status = 400;
      res.set_content(json{{"status", 400}, {"message", e.what()}}.dump(), "application/json");
    }
  });
}

}  // namespace ato::emulator
