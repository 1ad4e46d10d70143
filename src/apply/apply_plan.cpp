#include "apply/apply_plan.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <thread>

#include "core/case_fields.hpp"
#include "core/relations.hpp"

namespace ato::apply {
namespace {

std::vector<core::Field> without_relations(std::vector<core::Field> fields) {
  std::erase(fields, core::Field::Relations);
  return fields;
}

void execute(const core::Change& change, core::TestOpsPort& port, ApplyReport& report, std::mutex& mutex) {
  using core::Action;
  const auto writes = without_relations(change.writes);
  switch (change.action) {
    case Action::Create: {
      const auto id = port.create_case(change.external_id, change.after);
      std::lock_guard lock(mutex);
      report.created[change.external_id] = id;
      return;
    }
    case Action::Update:
    case Action::Adopt:
      if (!writes.empty()) port.update_case(*change.allure_id, change.external_id, change.after, writes);
      return;
    case Action::Restore:
      port.restore_case(*change.allure_id);
      if (!writes.empty()) port.update_case(*change.allure_id, change.external_id, change.after, writes);
      return;
    case Action::Archive:
      port.archive_case(*change.allure_id);
      return;
  }
}

// Relations go after every create: their targets may be cases this apply creates.
bool writes_relations(const core::Change& change) {
  if (change.action == core::Action::Create) return !core::spec_of(core::Field::Relations).empty(change.after);
  return std::find(change.writes.begin(), change.writes.end(), core::Field::Relations) != change.writes.end();
}

// The relations to post, every target by Allure ID. A mirrored relation to a
// case that was not created does not exist: it is left out.
std::vector<core::Relation> resolved_relations(const core::Change& change, const ApplyReport& report) {
  std::vector<core::Relation> out;
  for (auto r : change.after.relations) {
    if (!r.target_allure_id) {
      const auto created = report.created.find(r.target_id);
      if (created == report.created.end()) {
        if (r.mirrored) continue;
        throw std::runtime_error("relation " + std::string(core::relation_text(r)) + ": the case \"" + r.target_id +
                                 "\" was not created, so the relation is not written");
      }
      r.target_allure_id = created->second;
    }
    out.push_back(std::move(r));
  }
  return out;
}

// Runs `work` for indexes 0..count-1 on `parallelism` threads until `cancel`.
std::size_t run_parallel(std::size_t count, int parallelism, const std::atomic<bool>* cancel,
                         const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (;;) {
      if (cancel && cancel->load()) return;
      const std::size_t i = next++;
      if (i >= count) return;
      work(i);
    }
  };
  const std::size_t threads =
      std::min<std::size_t>(static_cast<std::size_t>(std::max(1, parallelism)), std::max<std::size_t>(1, count));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  return std::min(next.load(), count);
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
  std::vector<char> succeeded(changes.size(), 0);
  std::size_t started = 0;
  const auto fail = [&](const core::Change& change, const std::exception& e) {
    std::lock_guard lock(mutex);
    report.failures.push_back({change.external_id, change.action, change.allure_id, e.what()});
  };
  const auto reached = run_parallel(changes.size(), options.parallelism, options.cancel, [&](std::size_t i) {
    const auto& change = changes[i];
    if (options.observer) {
      std::lock_guard lock(mutex);
      options.observer->change_started(++started, changes.size(), change);
    }
    try {
      execute(change, port, report, mutex);
      succeeded[i] = 1;
    } catch (const std::exception& e) {
      fail(change, e);
    }
  });
  std::vector<std::size_t> relating;
  for (std::size_t i = 0; i < changes.size(); ++i)
    if (succeeded[i] && writes_relations(changes[i])) relating.push_back(i);
  run_parallel(relating.size(), options.parallelism, options.cancel, [&](std::size_t k) {
    const auto& change = changes[relating[k]];
    try {
      const auto id = change.allure_id ? *change.allure_id : report.created.at(change.external_id);
      port.replace_relations(id, resolved_relations(change, report));
    } catch (const std::exception& e) {
      succeeded[relating[k]] = 0;
      fail(change, e);
    }
  });
  for (std::size_t i = 0; i < changes.size(); ++i)
    if (succeeded[i]) report.done.count(changes[i].action);
  if (options.observer) options.observer->finished();
  report.cancelled = reached < changes.size() && options.cancel && options.cancel->load();
  std::sort(report.failures.begin(), report.failures.end(),
            [](const auto& a, const auto& b) { return a.external_id < b.external_id; });
  return report;
}

}  // namespace ato::apply
