// Test plans: listing (name contains, any case), create, read, patch, delete
// and sync, in the real TestPlanDto shape (API-NOTES.md "Test plans").
// testCasesCount is computed at create, patch and sync only, as on the server.
#include <algorithm>
#include <cctype>

#include "emulator/api.hpp"

namespace ato::emulator {
namespace {

std::string lowered_name(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

json test_plan_dto(const StoredTestPlan& p) {
  return {{"id", p.id},
          {"projectId", p.project_id},
          {"name", p.name},
          {"baseRql", p.base_rql.empty() ? json() : json(p.base_rql)},
          {"testCasesCount", p.cases_count},
          {"tree", nullptr},
          {"treeSelection", nullptr},
          {"createdDate", p.created_date},
          {"createdBy", p.created_by},
          {"lastModifiedDate", p.last_modified},
          {"lastModifiedBy", p.last_modified_by}};
}

std::string test_plan_name(const json& body) {
  const auto name = body.find("name");
  if (name == body.end() || !name->is_string() || name->get<std::string>().empty())
    throw BadRequest("name must be a non-empty string");
  return name->get<std::string>();
}

std::string test_plan_rql(const json& body) {
  const auto rql = body.find("baseRql");
  if (rql == body.end() || rql->is_null()) return "";
  if (!rql->is_string()) throw BadRequest("baseRql must be a string");
  return rql->get<std::string>();
}

// Names are unique per project, ignoring case.
void require_free_name(const Store& store, const std::string& name, std::int64_t self) {
  for (const auto& [id, p] : store.test_plans)
    if (id != self && lowered_name(p.name) == lowered_name(name))
      throw Conflict("a test plan named \"" + p.name + "\" exists already (" + std::to_string(id) + ")");
}

}  // namespace

void Api::register_test_plan_routes(httplib::Server& server) {
  const std::string p = options_.prefix;
  const std::string one = p + R"(/testplan/(\d+))";
  const auto plan_of = [this](const httplib::Request& req) -> StoredTestPlan& {
    const auto id = std::stoll(req.matches[1]);
    const auto it = store_.test_plans.find(id);
    if (it == store_.test_plans.end()) throw NotFound("test plan " + std::to_string(id) + " not found");
    return it->second;
  };

  route(server, "GET", p + "/testplan", false, [this](const httplib::Request& req) {
    if (int_param(req, "projectId", -1) != store_.project.id)
      throw BadRequest("projectId is required and must be a known project");
    const std::string name = lowered_name(req.get_param_value("name"));
    std::vector<const StoredTestPlan*> matching;
    for (const auto& [id, plan] : store_.test_plans)
      if (lowered_name(plan.name).find(name) != std::string::npos) matching.push_back(&plan);
    for (std::size_t i = 0; i < req.get_param_value_count("sort"); ++i)
      if (lowered_name(req.get_param_value("sort", i)) == "id,desc") std::reverse(matching.begin(), matching.end());
    return Answer{200, page_of(matching.size(), static_cast<int>(int_param(req, "page", 0)),
                               static_cast<int>(int_param(req, "size", 10)), faults_.settings().page_cap,
                               [&](std::size_t i) { return test_plan_dto(*matching[i]); })};
  });
  route(server, "POST", p + "/testplan", true, [this](const httplib::Request& req) {
    const json body = json::parse(req.body);
    require_project(store_, body);
    StoredTestPlan plan;
    plan.name = test_plan_name(body);
    require_free_name(store_, plan.name, 0);
    plan.base_rql = test_plan_rql(body);
    plan.cases_count = count_live_cases(plan.base_rql);  // 400 on an invalid baseRql
    plan.id = store_.new_id();
    plan.project_id = store_.project.id;
    store_.stamp_new(plan, current_user_);
    auto& stored = store_.test_plans[plan.id] = std::move(plan);
    return Answer{200, test_plan_dto(stored)};
  });
  route(server, "GET", one, false, [plan_of](const httplib::Request& req) {
    return Answer{200, test_plan_dto(plan_of(req))};
  });
  route(server, "PATCH", one, true, [this, plan_of](const httplib::Request& req) {
    auto& plan = plan_of(req);
    const json body = json::parse(req.body);
    if (!body.is_object()) throw BadRequest("the body must be a JSON object");
    std::string name = plan.name, rql = plan.base_rql;
    if (body.contains("name") && !body["name"].is_null()) {
      name = test_plan_name(body);
      require_free_name(store_, name, plan.id);
    }
    if (body.contains("baseRql")) rql = test_plan_rql(body);
    const auto count = count_live_cases(rql);
    plan.name = name;
    plan.base_rql = rql;
    plan.cases_count = count;
    store_.touch(plan, current_user_);
    return Answer{200, test_plan_dto(plan)};
  });
  route(server, "DELETE", one, true, [this, plan_of](const httplib::Request& req) {
    store_.test_plans.erase(plan_of(req).id);
    return Answer{204, nullptr};
  });
  route(server, "POST", one + "/sync", true, [this, plan_of](const httplib::Request& req) {
    auto& plan = plan_of(req);
    plan.cases_count = count_live_cases(plan.base_rql);
    store_.touch(plan, current_user_);
    return Answer{200, test_plan_dto(plan)};
  });
}

}  // namespace ato::emulator
