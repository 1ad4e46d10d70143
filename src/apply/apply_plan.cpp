#include "apply/apply_plan.hpp"

#include <algorithm>
#include <mutex>
#include <thread>

namespace ato::apply {
namespace {

void execute(const core::Change& change, core::TestOpsPort& port, ApplyReport& report, std::mutex& mutex) {
  using core::Action;
  switch (change.action) {
    case Action::Create: {
      const auto id = port.create_case(change.external_id, change.after);
      std::lock_guard lock(mutex);
      report.created[change.external_id] = id;
      return;
    }
    case Action::Update:
    case Action::Adopt:
      port.update_case(*change.allure_id, change.external_id, change.after, change.writes);
      return;
    case Action::Restore:
      port.restore_case(*change.allure_id);
      if (!change.writes.empty()) port.update_case(*change.allure_id, change.external_id, change.after, change.writes);
      return;
    case Action::Archive:
      port.archive_case(*change.allure_id);
      return;
  }
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
      for (const auto& c : changes) report.failures.push_back({c.external_id, c.action, c.allure_id,
                                                               std::string("custom field values: ") + e.what()});
      return report;
    }
  }
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> started{0};
  auto worker = [&] {
    for (;;) {
      if (options.cancel && options.cancel->load()) return;
      const std::size_t i = next++;
      if (i >= changes.size()) return;
      const auto& change = changes[i];
      if (options.observer) {
        std::lock_guard lock(mutex);
        options.observer->change_started(++started, changes.size(), change);
      }
      try {
        execute(change, port, report, mutex);
        std::lock_guard lock(mutex);
        report.done.count(change.action);
      } catch (const std::exception& e) {
        std::lock_guard lock(mutex);
        report.failures.push_back({change.external_id, change.action, change.allure_id, e.what()});
      }
    }
  };
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, options.parallelism)),
                                                    std::max<std::size_t>(1, changes.size()));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  if (options.observer) options.observer->finished();
  report.cancelled = next.load() < changes.size() && options.cancel && options.cancel->load();
  std::sort(report.failures.begin(), report.failures.end(),
            [](const auto& a, const auto& b) { return a.external_id < b.external_id; });
  return report;
}

}  // namespace ato::apply
