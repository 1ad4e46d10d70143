#include "cli/seeding.hpp"

#include <stdexcept>

namespace ato::test {

using nlohmann::json;

std::int64_t Seeder::custom_field_id(const std::string& name) {
  const json page = emulator_.get("/api/project/1/cf?size=100");
  for (const auto& row : page["content"])
    if (row["customField"]["name"] == name) return row["customField"]["id"].get<std::int64_t>();
  throw std::runtime_error("no custom field " + name);
}

json Seeder::field_value(const std::string& field, const std::string& value) {
  const auto field_id = custom_field_id(field);
  const json created =
      emulator_.post("/api/project/1/cfv", {{"customField", {{"id", field_id}}}, {"name", value}});
  return {{"id", created["id"]}, {"name", value}, {"customField", {{"id", field_id}}}};
}

std::int64_t Seeder::status_id(const std::string& name) {
  const json page = emulator_.get("/api/workflowschema?projectId=1");
  for (const auto& schema : page["content"])
    if (schema["type"] == "manual")
      for (const auto& status : schema["workflow"]["statuses"])
        if (status["name"] == name) return status["id"].get<std::int64_t>();
  throw std::runtime_error("no status " + name);
}

std::int64_t Seeder::full_case(const std::string& name) {
  const json body = {
      {"projectId", 1},
      {"name", name},
      {"description", "Covers the **saved card** path.\n\nSecond paragraph: with a colon."},
      {"precondition", "Cart holds one item"},
      {"expectedResult", "Order is placed"},
      {"statusId", status_id("Review")},
      {"testLayerId", 1},
      {"tags", json::array({{{"name", "smoke"}},
                            {{"name", "severity:critical"}},
                            {{"name", "priority:high"}},
                            {{"name", "2024"}}})},
      {"links",
       json::array(
           {{{"name", "Spec"}, {"url", "https://wiki.example.com/checkout?a=1#top"}, {"type", "link"}}})},
      {"customFields", json::array({field_value("Feature", "Checkout"), field_value("Epic", "Q4 release"),
                                    field_value("Story", "S-1"), field_value("Story", "S-2")})},
      {"scenario",
       {{"steps",
         json::array({
             {{"type", "body"},
              {"body", "Given User is logged in"},
              {"steps",
               json::array({{{"type", "body"}, {"body", "Navigate to /login"}},
                            {{"type", "body"},
                             {"body", "Enter credentials"},
                             {"expectedResultSteps",
                              json::array({{{"type", "expected_body"}, {"body", "Form accepts them"}}})}}})}},
             {{"type", "body"}, {"body", "When User clicks Checkout"}},
             {{"type", "body"}, {"body", "And confirms\nwith the saved card"}},
             {{"type", "body"},
              {"body", "Then Order is placed"},
              {"expectedResultSteps",
               json::array({{{"type", "expected_body"}, {"body", "Confirmation page shows the order ID"}}})}},
         })}}},
  };
  const auto id = emulator_.post("/api/testcase", body)["id"].get<std::int64_t>();
  emulator_.post("/api/testcase/" + std::to_string(id) + "/issue",
                 json::array({{{"name", "SHOP-123"}, {"integrationId", 1}},
                              {{"name", "acme/shop#45"}, {"integrationId", 2}}}));
  return id;
}

std::int64_t Seeder::bare_case(const std::string& name) {
  return emulator_.post("/api/testcase", {{"projectId", 1}, {"name", name}})["id"].get<std::int64_t>();
}

}  // namespace ato::test
