// TestOpsAdapter: test plans (API-NOTES.md "Test plans") and the query check.
#include <algorithm>

#include "remote/adapter_writes.hpp"
#include "remote/reference_data.hpp"
#include "remote/testops_adapter.hpp"

namespace ato::remote {
namespace {

std::string test_plan_text(const json& dto, const char* key) {
  const auto it = dto.is_object() ? dto.find(key) : dto.end();
  return it != dto.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t test_plan_number(const json& dto, const char* key) {
  const auto it = dto.is_object() ? dto.find(key) : dto.end();
  return it != dto.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

core::RemoteTestPlan test_plan_from_dto(const json& dto) {
  core::RemoteTestPlan p;
  p.allure_id = test_plan_number(dto, "id");
  p.name = test_plan_text(dto, "name");
  p.query = test_plan_text(dto, "baseRql");
  p.cases_count = static_cast<int>(test_plan_number(dto, "testCasesCount"));
  p.last_modified = test_plan_number(dto, "lastModifiedDate");
  p.last_modified_by = test_plan_text(dto, "lastModifiedBy");
  return p;
}

std::string test_plan_path(std::int64_t id) { return "/testplan/" + std::to_string(id); }

}  // namespace

std::vector<json> TestOpsAdapter::test_plan_dtos(const std::string& name) {
  std::string target = "/testplan?projectId=" + std::to_string(project_id()) + "&sort=id,ASC";
  if (!name.empty()) target += "&name=" + url_encode(name);
  return read_all_pages(*client_, target, 1000, config_.parallelism);
}

std::vector<core::RemoteTestPlan> TestOpsAdapter::read_test_plans() {
  std::vector<core::RemoteTestPlan> out;
  for (const auto& dto : test_plan_dtos()) out.push_back(test_plan_from_dto(dto));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.allure_id < b.allure_id; });
  return out;
}

std::optional<std::string> TestOpsAdapter::validate_query(const std::string& rql) {
  try {
    const json answer = client_->get("/testcase/query/validate?projectId=" + std::to_string(project_id()) +
                                     "&rql=" + url_encode(rql));
    const auto valid = answer.is_object() ? answer.find("valid") : answer.end();
    if (valid != answer.end() && valid->is_boolean() && valid->get<bool>()) return std::nullopt;
    return std::string("TestOps does not accept it as AQL");
  } catch (const core::RemoteError& e) {
    if (e.status() != 400) throw;
    return std::string(e.what());
  }
}

std::int64_t TestOpsAdapter::create_test_plan(const core::CaseContent& content) {
  json body = {{"projectId", project_id()}, {"name", content.name}};
  if (!content.query.empty()) body["baseRql"] = content.query;
  // `name` matches as contains, any case: only the exact name is the one this create made.
  const auto find = [&]() -> std::optional<std::int64_t> {
    std::optional<std::int64_t> found;
    for (const auto& dto : test_plan_dtos(content.name))
      if (test_plan_text(dto, "name") == content.name) found = std::max(found.value_or(0), test_plan_number(dto, "id"));
    return found;
  };
  return create_without_duplicate(
      "test plan", config_.api_prefix + "/testplan",
      [&] { return test_plan_number(client_->send("POST", "/testplan", body, Retry::NotBlindly), "id"); }, find);
}

void TestOpsAdapter::update_test_plan(std::int64_t allure_id, const core::CaseContent& after,
                                      const std::vector<core::Field>& fields) {
  json body = json::object();
  for (const auto field : fields) {
    if (field == core::Field::Name) body["name"] = after.name;
    if (field == core::Field::Query) body["baseRql"] = after.query;
  }
  if (body.empty()) return;
  write_existing("test plan", [&] { client_->send("PATCH", test_plan_path(allure_id), body); });
}

void TestOpsAdapter::delete_test_plan(std::int64_t allure_id) {
  write_existing("test plan", [&] { client_->send("DELETE", test_plan_path(allure_id), nullptr); });
}

void TestOpsAdapter::sync_test_plan(std::int64_t allure_id) {
  write_existing("test plan", [&] { client_->send("POST", test_plan_path(allure_id) + "/sync", nullptr); });
}

}  // namespace ato::remote
