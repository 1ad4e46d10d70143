#pragma once
// Test plans (SPEC.md §1.5): a name and an AQL query (`baseRql`), or a list
// of case globs that stands for the query `id in [..]` of the cases they
// match. A test plan's content is held in a CaseContent (name, query,
// plan_cases) like a shared step's: the diff, the views and saved plans loop
// over fields (core/case_fields), and `test_plan_fields()` names the three
// rows a test plan has, so no view or JSON code is written again for it.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/case.hpp"

namespace ato::core {

// A test plan as the repository wants it.
struct DesiredTestPlan {
  std::string name;                      // its identity unless pinned
  std::optional<std::int64_t> allure_id;  // the pin (then a rename is an update)
  std::optional<std::string> query;      // exactly one of query and cases
  std::vector<std::string> cases;        // globs over case external ids
  SourceLocation source;                 // the document
  SourceLocation name_place, allure_id_place, query_place, cases_place;
  bool operator==(const DesiredTestPlan&) const = default;
};

// A test plan as Allure TestOps has it.
struct RemoteTestPlan {
  std::int64_t allure_id = 0;
  std::string name;
  std::string query;  // baseRql; empty = none
  int cases_count = 0;  // testCasesCount, as of its last create, patch or sync
  std::int64_t last_modified = 0;
  std::string last_modified_by;
  bool operator==(const RemoteTestPlan&) const = default;
};

// The fields of a test plan, in the order plans list them.
std::span<const Field> test_plan_fields();

// The AQL a `cases:` plan stands for: `id in [3, 7]` (ascending, unique).
std::string cases_query(std::vector<std::int64_t> allure_ids);
// The Allure IDs of a query of that form; nullopt for any other query.
std::optional<std::vector<std::int64_t>> ids_of_cases_query(const std::string& query);

}  // namespace ato::core
