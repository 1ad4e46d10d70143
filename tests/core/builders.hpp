#pragma once
// Builders that make a case or a remote in a line, for the core tests.
#include "core/case.hpp"
#include "core/normalize.hpp"
#include "core/plan.hpp"

namespace ato::core::testing {

inline CaseContent content(const std::string& name, std::vector<std::string> tags = {}) {
  CaseContent c;
  c.name = name;
  c.status = "Active";
  c.layer = "UI";
  c.tags = std::move(tags);
  c.steps = {Step{Keyword::Given, "a start", "", {}}, Step{Keyword::Then, "an end", "it works", {}}};
  return normalize(c);
}

inline DesiredCase desired(const std::string& id, CaseContent c, std::optional<std::int64_t> allure_id = {}) {
  DesiredCase d;
  d.external_id = id;
  d.allure_id = allure_id;
  d.source = {"cases/" + id + ".yaml", 1, 1};
  d.field_sources[Field::Layer] = {"cases/" + id + ".yaml", 3, 1};
  d.content = std::move(c);
  return d;
}

inline RemoteCase remote(std::int64_t allure_id, const std::string& id, CaseContent c, bool deleted = false) {
  RemoteCase r;
  r.allure_id = allure_id;
  r.external_id = id;
  r.deleted = deleted;
  r.last_modified = 1000 + allure_id;
  r.last_modified_by = "alice";
  r.content = std::move(c);
  return r;
}

inline PlanOptions options() {
  PlanOptions o;
  o.known.layers = {"API", "UI", "Unit"};
  o.known.statuses = {"Active", "Draft", "Outdated"};
  o.known.custom_field_values = {{"Feature", {"Checkout"}}, {"Suite", {}}};
  o.known.issue_prefixes = {"JIRA"};
  return o;
}

}  // namespace ato::core::testing
