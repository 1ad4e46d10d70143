#include "apply/apply_plan.hpp"

#include <algorithm>
#include <functional>
#include <mutex>
#include <thread>

#include "core/case_fields.hpp"
#include "core/relations.hpp"
#include "core/attachment_changes.hpp"

namespace ato::apply {
namespace {

// The order of SPEC.md §5: shared steps the cases will use, then the cases
// (their relations in a second round, once every case exists), then what is
// archived (cases and pruned shared steps). A phase starts when the one
// before it has ended.
enum class Phase { SharedSteps, Cases, Archives };
constexpr Phase kPhases[] = {Phase::SharedSteps, Phase::Cases, Phase::Archives};

Phase phase_of(const core::Change& change) {
  if (change.action == core::Action::Archive) return Phase::Archives;
  return change.kind == core::Kind::SharedStep ? Phase::SharedSteps : Phase::Cases;
}

std::vector<core::Field> without_relations(std::vector<core::Field> fields) {
  std::erase(fields, core::Field::Relations);
  return fields;
}

// Relations go after every create: their targets may be cases this apply creates.
bool writes_relations(const core::Change& change) {
  if (change.kind != core::Kind::Case || change.action == core::Action::Archive) return false;
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

// What was written, for the digest cache: an unchanged file is never uploaded again.
void record_written(const std::vector<core::Attachment>& files, const std::map<std::string, std::int64_t>& ids,
                    ApplyReport& report, std::mutex& mutex) {
  std::lock_guard lock(mutex);
  for (auto file : files) {
    if (const auto it = ids.find(file.name); it != ids.end()) file.remote_id = it->second;
    if (file.remote_id) report.written_attachments.push_back(std::move(file));
  }
}

// Writes `fields` of an existing case. Attachments go around the scenario
// (SPEC.md §5): new files up first (the scenario names them by id), changed
// contents replaced, then the other fields and the scenario, and last the
// deletes (TestOps refuses to delete a file that a step still shows).
// `content` is change.after with its `use:` steps resolved.
void write_case(std::int64_t id, const core::Change& change, core::CaseContent content, core::TestOpsPort& port,
                ApplyReport& report, std::mutex& mutex) {
  std::vector<core::Field> fields = without_relations(change.writes);
  const auto attachments = std::find(fields.begin(), fields.end(), core::Field::Attachments);
  core::AttachmentWrites writes;
  if (attachments != fields.end()) {
    fields.erase(attachments);
    writes = core::attachment_writes(change.before.attachments, change.after.attachments);
  }
  std::map<std::string, std::int64_t> uploaded;
  if (!writes.upload.empty()) {
    uploaded = port.upload_attachments(id, writes.upload);
    record_written(writes.upload, uploaded, report, mutex);
  }
  for (const auto& [remote_id, file] : writes.replace) {
    port.replace_attachment(remote_id, file);
    auto written = file;
    written.remote_id = remote_id;
    record_written({written}, {}, report, mutex);
  }
  // The scenario names attachments by id: the kept ones' and the new ones'.
  core::assign_remote_ids(content.attachments, change.before.attachments, uploaded);
  if (!fields.empty()) port.update_case(id, change.external_id, content, fields);
  for (const auto remote_id : writes.remove) port.delete_attachment(remote_id);
}

// The shared steps by external id as far as they exist now: the plan's, and
// those this run created.
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

// One change's requests, except a case's relations (the second round).
class Executor {
 public:
  Executor(core::TestOpsPort& port, ApplyReport& report, std::mutex& mutex, SharedStepIds& ids)
      : port_(port), report_(report), mutex_(mutex), ids_(ids) {}

  void run(const core::Change& change) {
    if (change.kind == core::Kind::SharedStep) return shared_step(change);
    using core::Action;
    switch (change.action) {
      case Action::Create: {
        const auto content = with_ids(change.after);
        const auto id = port_.create_case(change.external_id, content);
        {
          std::lock_guard lock(mutex_);
          report_.created[change.external_id] = id;
        }
        // The case exists; its files go up, then the scenario that names them.
        if (change.after.attachments.empty()) return;
        core::Change rest;
        rest.external_id = change.external_id;
        rest.after = change.after;
        rest.writes = {core::Field::Attachments};
        if (core::steps_name_attachments(change.after.steps)) rest.writes.push_back(core::Field::Steps);
        return write_case(id, rest, content, port_, report_, mutex_);
      }
      case Action::Update:
      case Action::Adopt: return write_case(*change.allure_id, change, with_ids(change.after), port_, report_, mutex_);
      case Action::Restore:
        port_.restore_case(*change.allure_id);
        return write_case(*change.allure_id, change, with_ids(change.after), port_, report_, mutex_);
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

// Runs `work` for indexes 0..count-1 on `parallelism` threads until `cancel`;
// answers how many were started.
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
      for (const auto& c : changes)
        report.failures.push_back({c.external_id, c.action, c.allure_id,
                                   std::string("custom field values: ") + e.what(), c.kind});
      return report;
    }
  }
  std::vector<char> succeeded(changes.size(), 0);
  std::size_t started = 0;
  const auto fail = [&](const core::Change& change, const std::exception& e) {
    std::lock_guard lock(mutex);
    report.failures.push_back({change.external_id, change.action, change.allure_id, e.what(), change.kind});
  };
  SharedStepIds ids(plan.shared_step_ids);
  Executor executor(port, report, mutex, ids);
  for (const auto phase : kPhases) {
    std::vector<std::size_t> batch;
    for (std::size_t i = 0; i < changes.size(); ++i)
      if (phase_of(changes[i]) == phase) batch.push_back(i);
    const auto reached = run_parallel(batch.size(), options.parallelism, options.cancel, [&](std::size_t k) {
      const auto& change = changes[batch[k]];
      if (options.observer) {
        std::lock_guard lock(mutex);
        options.observer->change_started(++started, changes.size(), change);
      }
      try {
        executor.run(change);
        succeeded[batch[k]] = 1;
      } catch (const std::exception& e) {
        fail(change, e);
      }
    });
    if (reached < batch.size() && options.cancel && options.cancel->load()) {
      report.cancelled = true;
      break;
    }
    if (phase != Phase::Cases) continue;
    std::vector<std::size_t> relating;
    for (const auto i : batch)
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
  }
  for (std::size_t i = 0; i < changes.size(); ++i)
    if (succeeded[i]) report.done.count(changes[i].action);
  if (options.observer) options.observer->finished();
  std::sort(report.failures.begin(), report.failures.end(),
            [](const auto& a, const auto& b) { return std::tie(a.kind, a.external_id) < std::tie(b.kind, b.external_id); });
  return report;
}

}  // namespace ato::apply
