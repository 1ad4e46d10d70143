#include "apply/apply_plan.hpp"

#include <algorithm>
#include <mutex>

#include "apply/duplicate_healing.hpp"
#include "util/parallel.hpp"

namespace ato::apply {
namespace {

void execute_existing(const core::Change& change, core::TestOpsPort& port) {
  using core::Action;
  switch (change.action) {
    case Action::Create:
      return;  // creates run first, on their own (apply_plan)
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

// One apply run: the report and the bookkeeping its phases share.
class ApplyRun {
 public:
  ApplyRun(const core::Plan& plan, core::TestOpsPort& port, const ApplyOptions& options)
      : plan_(plan), changes_(plan.changes), port_(port), options_(options), later_(changes_.size()) {}

  ApplyReport run() {
    if (!plan_.new_field_values.empty() && !create_field_values(plan_.new_field_values))
      return std::move(report_);
    std::vector<std::size_t> creates, others;
    for (std::size_t i = 0; i < changes_.size(); ++i)
      (changes_[i].action == core::Action::Create ? creates : others).push_back(i);
    // Creates first, then the check for duplicates that a concurrent apply
    // created (SPEC.md §5); what a create could not carry is written after
    // it, to the case that stays, beside the other changes.
    each(creates, [&](std::size_t i) { create(i); });
    heal();
    std::vector<std::size_t> rest;
    for (const auto i : creates)
      if (!later_[i].empty()) rest.push_back(i);
    const std::size_t finishing_creates = rest.size();
    rest.insert(rest.end(), others.begin(), others.end());
    util::parallel_for(rest.size(), options_.parallelism, [&](std::size_t k) {
      if (k < finishing_creates)
        finish_create(rest[k]);
      else if (start(rest[k]))
        attempt(rest[k], [&] { execute_existing(changes_[rest[k]], port_); });
    });
    if (options_.observer) options_.observer->finished();
    report_.cancelled = started_ < changes_.size() && options_.cancel && options_.cancel->load();
    const auto by_id = [](const auto& a, const auto& b) { return a.external_id < b.external_id; };
    std::sort(report_.failures.begin(), report_.failures.end(), by_id);
    std::stable_sort(report_.healed.begin(), report_.healed.end(), by_id);
    return std::move(report_);
  }

 private:
  bool create_field_values(const std::vector<core::NewFieldValue>& values) {
    // Values first, once: cases that use them cannot be written without them.
    try {
      port_.create_field_values(values);
      return true;
    } catch (const std::exception& e) {
      for (const auto& c : changes_)
        report_.failures.push_back(
            {c.external_id, c.action, c.allure_id, std::string("custom field values: ") + e.what()});
      return false;
    }
  }

  template <class Fn>
  void each(const std::vector<std::size_t>& indices, Fn fn) {
    util::parallel_for(indices.size(), options_.parallelism, [&](std::size_t k) {
      if (start(indices[k])) fn(indices[k]);
    });
  }

  // Shows the change as started; false when cancelled (it is not started).
  bool start(std::size_t i) {
    if (options_.cancel && options_.cancel->load()) return false;
    std::lock_guard lock(mutex_);
    ++started_;
    if (options_.observer) options_.observer->change_started(started_, changes_.size(), changes_[i]);
    return true;
  }

  // Runs a change's requests; counts it done, or records its failure.
  template <class Fn>
  void attempt(std::size_t i, Fn fn) {
    const auto& change = changes_[i];
    try {
      fn();
      std::lock_guard lock(mutex_);
      report_.done.count(change.action);
    } catch (const std::exception& e) {
      fail(i, e.what());
    }
  }

  void fail(std::size_t i, const std::string& message) {
    const auto& change = changes_[i];
    std::lock_guard lock(mutex_);
    report_.failures.push_back({change.external_id, change.action, change.allure_id, message});
  }

  void create(std::size_t i) {
    const auto& change = changes_[i];
    try {
      const auto created = port_.create_case(change.external_id, change.after);
      std::lock_guard lock(mutex_);
      own_[change.external_id] = created.allure_id;
      later_[i] = created.later;
    } catch (const std::exception& e) {
      fail(i, e.what());
    }
  }

  void heal() {
    const auto healing = heal_duplicates(own_, port_, options_.parallelism);
    report_.healed = healing.healing.healed;
    report_.created = healing.healing.survivors;
    for (std::size_t i = 0; i < changes_.size(); ++i) {
      const auto& change = changes_[i];
      if (change.action != core::Action::Create || !own_.count(change.external_id)) continue;
      if (const auto failed = healing.failures.find(change.external_id); failed != healing.failures.end()) {
        fail(i, failed->second);
        later_[i].clear();  // unchecked: written nowhere until the next plan shows the case
      } else if (later_[i].empty()) {
        report_.done.count(core::Action::Create);
      }
    }
  }

  // The writes a create could not carry, to the case that stays. A 404 says
  // that case was removed meanwhile as a duplicate of a lower one (which a
  // concurrent apply created, and the search showed late): heal again and
  // write to that one.
  void finish_create(std::size_t i) {
    const auto& change = changes_[i];
    attempt(i, [&] {
      std::int64_t survivor;
      {
        std::lock_guard lock(mutex_);
        survivor = report_.created.at(change.external_id);
      }
      try {
        port_.update_case(survivor, change.external_id, change.after, later_[i]);
      } catch (const core::RemoteError& e) {
        if (e.status() != 404) throw;
        auto again = heal_duplicates({{change.external_id, survivor}}, port_, 1);
        const std::int64_t next = again.healing.survivors.at(change.external_id);
        if (next == survivor || again.failures.count(change.external_id)) throw;
        port_.update_case(next, change.external_id, change.after, later_[i]);
        std::lock_guard lock(mutex_);
        report_.created[change.external_id] = next;
        for (auto& healed : again.healing.healed) report_.healed.push_back(std::move(healed));
      }
    });
  }

  const core::Plan& plan_;
  const std::vector<core::Change>& changes_;
  core::TestOpsPort& port_;
  const ApplyOptions& options_;
  std::mutex mutex_;
  ApplyReport report_;
  std::size_t started_ = 0;
  std::map<std::string, std::int64_t> own_;      // external id -> the case this run's create made
  std::vector<std::vector<core::Field>> later_;  // per change: what its create could not carry
};

}  // namespace

ApplyReport apply_plan(const core::Plan& plan, core::TestOpsPort& port, const ApplyOptions& options) {
  return ApplyRun(plan, port, options).run();
}

}  // namespace ato::apply
