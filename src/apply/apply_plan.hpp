#pragma once
// Executes a plan through the port (ninja's Plan / CommandRunner split):
// never diffs again, runs `parallelism` changes at once, and a failed change
// does not stop the others. Creates run first; then every identity created
// is searched for, and duplicates a concurrent apply made are soft-deleted
// (core/duplicate_healing.hpp); then the other changes.
#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/duplicate_healing.hpp"
#include "core/plan.hpp"
#include "core/testops_port.hpp"

namespace ato::apply {

// Progress display (render/apply_views.hpp has the terminal one).
class ApplyObserver {
 public:
  virtual ~ApplyObserver() = default;
  virtual void change_started(std::size_t index, std::size_t total, const core::Change& change) = 0;
  virtual void finished() = 0;
};

struct ApplyFailure {
  std::string external_id;
  core::Action action = core::Action::Create;
  std::optional<std::int64_t> allure_id;
  std::string message;
  core::Kind kind = core::Kind::Case;
};

struct ApplyReport {
  core::PlanSummary done;  // changes that succeeded, by action
  std::vector<ApplyFailure> failures;  // sorted by kind, then external id
  std::map<std::string, std::int64_t> created;  // case external id -> new Allure ID (the case that stays)
  std::map<std::string, std::int64_t> created_shared_steps;  // shared step id -> new Allure ID
  std::map<std::string, std::int64_t> created_test_plans;    // test plan name -> new Allure ID
  std::vector<core::Attachment> written_attachments;  // uploaded or replaced: remote id, size, sha256
  std::vector<core::HealedDuplicate> healed;    // identities a concurrent apply created too, by external id
  bool cancelled = false;  // interrupted before every change started
  bool ok() const { return failures.empty() && !cancelled; }
};

struct ApplyOptions {
  int parallelism = 8;
  ApplyObserver* observer = nullptr;
  const std::atomic<bool>* cancel = nullptr;  // set (e.g. on SIGINT): start no new change
};

ApplyReport apply_plan(const core::Plan& plan, core::TestOpsPort& port, const ApplyOptions& options);

}  // namespace ato::apply
