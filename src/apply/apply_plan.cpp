#include "apply/apply_plan.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <thread>

namespace ato::apply {
namespace {

// The order of SPEC.md §5: shared steps the cases will use, then the cases,
// then what is archived (cases and pruned shared steps). A phase starts when
// the one before it has ended.
enum class Phase { SharedSteps, Cases, Archives };
constexpr Phase kPhases[] = {Phase::SharedSteps, Phase::Cases, Phase::Archives};

Phase phase_of(const core::Change& change) {
  if (change.action == core::Action::Archive) return Phase::Archives;
  return change.kind == core::Kind::SharedStep ? Phase::SharedSteps : Phase::Cases;
}

// The shared steps by external id as far as they exist now: the plan's, and
// those this run created. Guarded by the report's mutex.
class SharedStepIds {
 public:
  explicit SharedStepIds(std::map<std::string, std::int64_t> known) : ids_(std::move(known)) {}
  void add(const std::string& id, std::int64_t allure_id) { ids_[id] = allure_id; }

  // `steps` with every `use:` written as its shared step's Allure ID.
  std::vector<core::Step> resolved(std::vector<core::Step> steps) const {
    for (auto& step : steps) {
      if (!step.shared_step.empty()) {
        const auto it = ids_.find(step.shared_step);
        if (it == ids_.end())
          throw std::runtime_error("shared step \"" + step.shared_step + "\" does not exist in TestOps (was its create "
                                   "in this apply refused?); the case was not written");
        step.shared_step_id = it->second;
      }
      step.steps = resolved(std::move(step.steps));
    }
    return steps;
  }

 private:
  std::map<std::string, std::int64_t> ids_;
};

class Executor {
 public:
  Executor(core::TestOpsPort& port, ApplyReport& report, std::mutex& mutex, SharedStepIds& ids)
      : port_(port), report_(report), mutex_(mutex), ids_(ids) {}

  void run(const core::Change& change) {
    if (change.kind == core::Kind::SharedStep) return shared_step(change);
    using core::Action;
    switch (change.action) {
      case Action::Create: {
        const auto id = port_.create_case(change.external_id, with_ids(change.after));
        std::lock_guard lock(mutex_);
        report_.created[change.external_id] = id;
        return;
      }
      case Action::Update:
      case Action::Adopt: return port_.update_case(*change.allure_id, change.external_id, with_ids(change.after), change.writes);
      case Action::Restore:
        port_.restore_case(*change.allure_id);
        if (!change.writes.empty())
          port_.update_case(*change.allure_id, change.external_id, with_ids(change.after), change.writes);
        return;
      case Action::Archive: return port_.archive_case(*change.allure_id);
    }
  }

 private:
  void shared_step(const core::Change& change) {
    using core::Action;
    switch (change.action) {
      case Action::Create: {
        const auto id = port_.create_shared_step(change.after);
        std::lock_guard lock(mutex_);
        ids_.add(change.external_id, id);
        report_.created_shared_steps[change.external_id] = id;
        return;
      }
      case Action::Restore:
        port_.unarchive_shared_step(*change.allure_id);
        if (!change.writes.empty()) port_.update_shared_step(*change.allure_id, change.after, change.writes);
        return;
      case Action::Update:
      case Action::Adopt: return port_.update_shared_step(*change.allure_id, change.after, change.writes);
      case Action::Archive: return port_.archive_shared_step(*change.allure_id);
    }
  }

  core::CaseContent with_ids(core::CaseContent content) const {
    std::lock_guard lock(mutex_);
    content.steps = ids_.resolved(std::move(content.steps));
    return content;
  }

  core::TestOpsPort& port_;
  ApplyReport& report_;
  std::mutex& mutex_;
  SharedStepIds& ids_;
};

// Runs `changes` with `parallelism` workers; false when cancelled.
bool run_parallel(const std::vector<const core::Change*>& changes, const ApplyOptions& options, Executor& executor,
                  ApplyReport& report, std::mutex& mutex, std::size_t& started, std::size_t total) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      if (options.cancel && options.cancel->load()) return;
      const std::size_t i = next++;
      if (i >= changes.size()) return;
      const auto& change = *changes[i];
      if (options.observer) {
        std::lock_guard lock(mutex);
        options.observer->change_started(++started, total, change);
      }
      try {
        executor.run(change);
        std::lock_guard lock(mutex);
        report.done.count(change.action);
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex);
        report.failures.push_back({change.external_id, change.action, change.allure_id, e.what(), change.kind});
      }
    }
  };
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, options.parallelism)),
                                                    std::max<std::size_t>(1, changes.size()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  return next.load() >= changes.size() || !(options.cancel && options.cancel->load());
}

}  // namespace

ApplyReport apply_plan(const core::Plan& plan, core::TestOpsPort& port, const ApplyOptions& options) {
  ApplyReport report;
  std::mutex mutex;
  const auto& changes = plan.changes;
  if (!plan.new_field_values.empty()) {
    // Values first, once: cases that use them cannot be written without them.
    try {
      port.create_field_values(plan.new_field_values);
    } catch (const std::exception& e) {
      for (const auto& c : changes)
        report.failures.push_back({c.external_id, c.action, c.allure_id,
                                   std::string("custom field values: ") + e.what(), c.kind});
      return report;
    }
  }
  SharedStepIds ids(plan.shared_step_ids);
  Executor executor(port, report, mutex, ids);
  std::size_t started = 0;
  for (const auto phase : kPhases) {
    std::vector<const core::Change*> batch;
    for (const auto& c : changes)
      if (phase_of(c) == phase) batch.push_back(&c);
    if (!run_parallel(batch, options, executor, report, mutex, started, changes.size())) {
      report.cancelled = true;
      break;
    }
  }
  if (options.observer) options.observer->finished();
  std::sort(report.failures.begin(), report.failures.end(),
            [](const auto& a, const auto& b) { return std::tie(a.kind, a.external_id) < std::tie(b.kind, b.external_id); });
  return report;
}

}  // namespace ato::apply
