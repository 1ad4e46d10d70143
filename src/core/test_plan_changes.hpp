#pragma once
// The diff of the test plans (SPEC.md §1.5, §2): each test plan file bound
// to its remote twin by allure_id, else by exact name; the changes that make
// TestOps match (create, update of name and query, and with prune delete);
// a `cases:` plan expanded to the managed cases it selects.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/plan.hpp"
#include "core/test_plan.hpp"

namespace ato::core {

struct TestPlanPlan {
  std::vector<Change> changes;  // creates, updates and, with prune, deletes
  std::vector<PlanNote> notes;  // remote test plans that no file names
  int live_remote = 0;          // remote test plans: the guard's base for deletes
};

struct TestPlanOptions {
  bool prune = false;                // delete the remote ones no file names
  std::vector<std::string> targets;  // globs over test plan names; empty = all
  // Every case of the repository by external id, with its Allure ID when it
  // has one (nullopt: the plan creates it, apply knows its id after that).
  std::map<std::string, std::optional<std::int64_t>> cases;
  std::map<std::int64_t, std::string> external_of;  // managed cases by Allure ID, to read a remote `id in [..]`
};

TestPlanPlan plan_test_plans(const std::vector<DesiredTestPlan>& desired, const std::vector<RemoteTestPlan>& remote,
                             const TestPlanOptions& options, Diagnostics& errors);

// The query apply writes for a test plan change: a `cases:` plan's ids known
// at plan time and those of the cases this apply created (`created`).
std::string final_query(const Change& change, const std::map<std::string, std::int64_t>& created);

}  // namespace ato::core
