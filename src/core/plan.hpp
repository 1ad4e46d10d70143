#pragma once
// The plan is a value: what ato-sync intends to change in Allure TestOps.
// compute_plan() makes it (pure, deterministic); render/ shows it; apply/
// executes it without diffing again.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case.hpp"
#include "core/kind.hpp"
#include "core/diagnostic.hpp"
#include "core/shared_step.hpp"
#include "core/test_plan.hpp"

namespace ato::core {

enum class Action { Create, Update, Archive, Restore, Adopt, Delete };  // Delete: a pruned test plan
inline constexpr Action kAllActions[] = {Action::Create, Action::Update, Action::Archive, Action::Restore,
                                         Action::Adopt,  Action::Delete};
std::string_view action_name(Action action);  // "create", "update", ...
std::optional<Action> parse_action(std::string_view name);


struct Change {
  Kind kind = Kind::Case;
  Action action = Action::Create;
  std::string external_id;                // the resource's id within its kind
  std::optional<std::int64_t> allure_id;  // none for create
  std::string reason;                     // one line, for humans
  std::vector<Field> diff;                // what differs between before and after: what views show
  std::vector<Field> writes;              // what apply writes to the existing case (create: all of `after`)
  CaseContent before;                     // remote content; empty for create
  CaseContent after;                      // desired content; equals before for archive
  std::int64_t remote_last_modified = 0;  // the remote state this change was planned against
  std::string last_modified_by;
  SourceLocation source;                  // the YAML document; empty for archive
  bool operator==(const Change&) const = default;
};

// A change that removes a remote resource (archive, or delete): `after`
// equals `before`, nothing is written but the removal.
struct RemoteOrigin {
  std::int64_t allure_id = 0;
  std::int64_t last_modified = 0;
  std::string last_modified_by;
};
Change removal_change(Kind kind, Action action, std::string external_id, std::string reason,
                      const CaseContent& content, const RemoteOrigin& origin);

// A custom field value that does not exist in TestOps yet; apply creates it
// once, before the cases that use it.
struct NewFieldValue {
  std::string field;
  std::string value;
  bool operator==(const NewFieldValue&) const = default;
  auto operator<=>(const NewFieldValue&) const = default;
};

// Changes counted by action: the one counter behind every "Plan:" and
// "Apply complete!" line.
struct PlanSummary {
  int create = 0, update = 0, archive = 0, restore = 0, adopt = 0, deleted = 0;
  void count(Action action);
  int of(Action action) const;
  int total() const { return create + update + archive + restore + adopt + deleted; }
};

// Something the plan leaves alone on purpose and says so (SPEC.md §2, §4).
// Not a change: a plan with only notes says "No changes".
enum class NoteReason {
  LeftToResults,  // an automated case: fields its test results own differ, and are not written
  NotManaged,     // a remote shared step or test plan no file names: left alone
  KeptInUse,      // ... which prune would archive, but live cases use it
};

struct PlanNote {
  std::string external_id;  // a case's id; a remote shared step's or test plan's name
  std::int64_t allure_id = 0;
  std::vector<Field> left_to_results;  // LeftToResults: the fields that differ, in table order
  NoteReason reason = NoteReason::LeftToResults;
  Kind kind = Kind::Case;
  int used_by = 0;  // KeptInUse: live cases using it; a test plan: its testCasesCount
  bool operator==(const PlanNote&) const = default;
};

struct Plan {
  std::vector<Change> changes;  // by kind (kAllKinds order), then by external id
  std::vector<NewFieldValue> new_field_values;  // sorted
  std::vector<PlanNote> notes = {};  // by kind, then by external id
  // Every shared step of the repository that exists in TestOps already: what
  // a case's `use:` is written as (apply adds the ones it creates).
  std::map<std::string, std::int64_t> shared_step_ids = {};
  PlanSummary summary() const;
  bool has_changes() const { return !changes.empty(); }
};

// Names that exist in TestOps, to check the desired cases against.
struct KnownNames {
  std::vector<std::string> layers;
  std::vector<std::string> statuses;  // of the project's manual workflow
  std::map<std::string, std::vector<std::string>> custom_field_values;  // field -> existing values
  std::vector<std::string> issue_prefixes;  // config integrations that resolved
  std::vector<std::string> roles;           // member roles
  // Fields that uploaded results overwrite on an automated case (the
  // project's update schema); the scenario always is one.
  std::vector<Field> from_test_results;
};

struct ArchiveGuard {
  int max_archive = 10;
  int max_archive_percent = 20;
};

struct PlanOptions {
  KnownNames known;
  bool prune_shared_steps = false;
  bool prune_test_plans = false;
  std::vector<std::string> targets;  // globs over external ids; empty = everything
  ArchiveGuard guard;
  std::optional<int> allow_archive;  // --allow-archive N
  std::string archive_status;        // empty: archive = soft delete; else the status that means archived
};

struct PlanResult {
  Plan plan;
  Diagnostics errors;     // unknown names, bad bindings, the guard: the plan must not be applied
  Diagnostics conflicts;  // remote identity conflicts: nothing is planned for those ids, the rest stands
};

// What the repository holds, and what TestOps holds, of every kind.
struct DesiredResources {
  std::vector<DesiredCase> cases;
  std::vector<DesiredSharedStep> shared_steps;
  std::vector<DesiredTestPlan> test_plans = {};
};
struct RemoteResources {
  std::vector<RemoteCase> cases;
  std::vector<RemoteSharedStep> shared_steps;
  std::vector<RemoteTestPlan> test_plans = {};
};

PlanResult compute_plan(const DesiredResources& desired, const RemoteResources& remote, const PlanOptions& options);
// Cases only: a repository without shared steps.
PlanResult compute_plan(const std::vector<DesiredCase>& desired, const std::vector<RemoteCase>& remote,
                        const PlanOptions& options);

}  // namespace ato::core
