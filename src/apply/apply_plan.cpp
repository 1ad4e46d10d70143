#include "apply/apply_plan.hpp"

#include <algorithm>
#include <mutex>

#include "apply/duplicate_healing.hpp"
#include "core/attachment_changes.hpp"
#include "core/case_fields.hpp"
#include "core/relations.hpp"
#include "core/test_plan_changes.hpp"
#include "util/parallel.hpp"

namespace ato::apply {
namespace {

// The order of SPEC.md §5, one phase after the other:
// 1. shared steps the cases will use (creates, updates, unarchives);
// 2. case creates, then the check for duplicates a concurrent apply made;
// 3. what a create could not carry (issues, examples, attachments), to the
//    case that stays, beside the updates, restores and adoptions;
// 4. relations, once every case exists;
// 5. test plans (creates and updates, each synced when its query changed):
//    a `cases:` plan's query takes the Allure IDs of the cases created above;
// 6. archives: cases and pruned shared steps; deletes of pruned test plans.

bool is_case_write(const core::Change& c) { return c.kind == core::Kind::Case && c.action != core::Action::Archive; }

std::vector<core::Field> without_relations(std::vector<core::Field> fields) {
  std::erase(fields, core::Field::Relations);
  return fields;
}

// Relations go after every create: their targets may be cases this apply creates.
bool writes_relations(const core::Change& change) {
  if (!is_case_write(change)) return false;
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

// What a create leaves for after it: the fields the create request cannot
// carry (`later`), and the attachments with the scenario that shows them.
std::vector<core::Field> writes_after_create(const core::Change& change, std::vector<core::Field> later) {
  if (!change.after.attachments.empty()) {
    later.push_back(core::Field::Attachments);
    if (core::steps_name_attachments(change.after.steps)) later.push_back(core::Field::Steps);
  }
  return later;
}

// `steps` with every `use:` written as its shared step's Allure ID.
std::vector<core::Step> with_shared_step_ids(std::vector<core::Step> steps, const std::map<std::string, std::int64_t>& ids) {
  for (auto& step : steps) {
    if (!step.shared_step.empty()) {
      const auto it = ids.find(step.shared_step);
      if (it == ids.end())
        throw std::runtime_error("shared step \"" + step.shared_step +
                                 "\" does not exist in TestOps (was its create refused?); the case was not written");
      step.shared_step_id = it->second;
    }
    step.steps = with_shared_step_ids(std::move(step.steps), ids);
  }
  return steps;
}

// One apply run: the report and the bookkeeping its phases share.
class ApplyRun {
 public:
  ApplyRun(const core::Plan& plan, core::TestOpsPort& port, const ApplyOptions& options)
      : plan_(plan), changes_(plan.changes), port_(port), options_(options), shared_step_ids_(plan.shared_step_ids),
        later_(changes_.size()), succeeded_(changes_.size(), 0) {}

  ApplyReport run() {
    if (!plan_.new_field_values.empty() && !create_field_values(plan_.new_field_values)) return std::move(report_);
    const auto shared_steps = select([](const core::Change& c) {
      return c.kind == core::Kind::SharedStep && c.action != core::Action::Archive;
    });
    const auto creates = select([](const core::Change& c) { return is_case_write(c) && c.action == core::Action::Create; });
    const auto existing = select([](const core::Change& c) { return is_case_write(c) && c.action != core::Action::Create; });
    const auto test_plans = select([](const core::Change& c) {
      return c.kind == core::Kind::TestPlan && c.action != core::Action::Delete;
    });
    const auto archives = select([](const core::Change& c) {
      return c.action == core::Action::Archive || c.action == core::Action::Delete;
    });

    each(shared_steps, [&](std::size_t i) { attempt(i, [&] { write_shared_step(changes_[i]); }); });
    each(creates, [&](std::size_t i) { create(i); });
    heal();
    std::vector<std::size_t> rest;
    for (const auto i : creates)
      if (own_.count(changes_[i].external_id) && !later_[i].empty()) rest.push_back(i);
    const std::size_t finishing_creates = rest.size();
    rest.insert(rest.end(), existing.begin(), existing.end());
    parallel(rest, [&](std::size_t k) {
      const auto i = rest[k];
      if (k < finishing_creates) attempt(i, [&] { finish_create(i); });
      else if (start(i)) attempt(i, [&] { write_existing(changes_[i]); });
    });
    write_relations();
    each(test_plans, [&](std::size_t i) { attempt(i, [&] { write_test_plan(changes_[i]); }); });
    each(archives, [&](std::size_t i) { attempt(i, [&] { archive(changes_[i]); }); });

    for (std::size_t i = 0; i < changes_.size(); ++i)
      if (succeeded_[i]) report_.done.count(changes_[i].action);
    if (options_.observer) options_.observer->finished();
    report_.cancelled = started_ < changes_.size() && options_.cancel && options_.cancel->load();
    std::sort(report_.failures.begin(), report_.failures.end(),
              [](const auto& a, const auto& b) { return std::tie(a.kind, a.external_id) < std::tie(b.kind, b.external_id); });
    std::stable_sort(report_.healed.begin(), report_.healed.end(),
                     [](const auto& a, const auto& b) { return a.external_id < b.external_id; });
    return std::move(report_);
  }

 private:
  template <class Keep>
  std::vector<std::size_t> select(Keep keep) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < changes_.size(); ++i)
      if (keep(changes_[i])) out.push_back(i);
    return out;
  }

  bool create_field_values(const std::vector<core::NewFieldValue>& values) {
    // Values first, once: cases that use them cannot be written without them.
    try {
      port_.create_field_values(values);
      return true;
    } catch (const std::exception& e) {
      for (const auto& c : changes_)
        report_.failures.push_back(
            {c.external_id, c.action, c.allure_id, std::string("custom field values: ") + e.what(), c.kind});
      return false;
    }
  }

  template <class Fn>
  void parallel(const std::vector<std::size_t>& indices, Fn fn) {
    util::parallel_for(indices.size(), options_.parallelism, fn);
  }

  template <class Fn>
  void each(const std::vector<std::size_t>& indices, Fn fn) {
    parallel(indices, [&](std::size_t k) {
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

  // Runs a change's requests; marks it succeeded, or records its failure.
  template <class Fn>
  void attempt(std::size_t i, Fn fn) {
    try {
      fn();
      succeeded_[i] = 1;
    } catch (const std::exception& e) {
      fail(i, e.what());
    }
  }

  void fail(std::size_t i, const std::string& message) {
    const auto& change = changes_[i];
    std::lock_guard lock(mutex_);
    succeeded_[i] = 0;
    report_.failures.push_back({change.external_id, change.action, change.allure_id, message, change.kind});
  }

  core::CaseContent with_ids(core::CaseContent content) {
    std::lock_guard lock(mutex_);
    content.steps = with_shared_step_ids(std::move(content.steps), shared_step_ids_);
    return content;
  }

  void write_shared_step(const core::Change& change) {
    using core::Action;
    switch (change.action) {
      case Action::Create: {
        const auto id = port_.create_shared_step(change.after);
        std::lock_guard lock(mutex_);
        shared_step_ids_[change.external_id] = id;
        report_.created_shared_steps[change.external_id] = id;
        return;
      }
      case Action::Restore:
        port_.unarchive_shared_step(*change.allure_id);
        if (!change.writes.empty()) port_.update_shared_step(*change.allure_id, change.after, change.writes);
        return;
      case Action::Update:
      case Action::Adopt: return port_.update_shared_step(*change.allure_id, change.after, change.writes);
      case Action::Archive:
      case Action::Delete: return;  // the archive phase
    }
  }

  // Creates or patches a test plan, then syncs it when its query was written.
  void write_test_plan(const core::Change& change) {
    core::CaseContent after = change.after;
    {
      std::lock_guard lock(mutex_);
      after.query = core::final_query(change, report_.created);
    }
    if (change.action == core::Action::Create) {
      const auto id = port_.create_test_plan(after);
      {
        std::lock_guard lock(mutex_);
        report_.created_test_plans[change.external_id] = id;
      }
      if (!after.query.empty()) port_.sync_test_plan(id);
      return;
    }
    port_.update_test_plan(*change.allure_id, after, change.writes);
    if (std::find(change.writes.begin(), change.writes.end(), core::Field::Query) != change.writes.end())
      port_.sync_test_plan(*change.allure_id);
  }

  void create(std::size_t i) {
    const auto& change = changes_[i];
    try {
      const auto created = port_.create_case(change.external_id, with_ids(change.after));
      std::lock_guard lock(mutex_);
      own_[change.external_id] = created.allure_id;
      later_[i] = writes_after_create(change, created.later);
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
      if (change.action != core::Action::Create || change.kind != core::Kind::Case || !own_.count(change.external_id))
        continue;
      if (const auto failed = healing.failures.find(change.external_id); failed != healing.failures.end()) {
        fail(i, failed->second);
        later_[i].clear();  // unchecked: written nowhere until the next plan shows the case
        own_.erase(change.external_id);
      } else if (later_[i].empty()) {
        succeeded_[i] = 1;
      }
    }
  }

  // Writes `fields` of an existing case (without its relations: phase 4).
  // Attachments go around the scenario (SPEC.md §5): new files up first (the
  // scenario names them by id), changed contents replaced, then the other
  // fields and the scenario, and last the deletes (TestOps refuses to delete
  // a file that a step still shows).
  void write_case(std::int64_t id, const core::Change& change, std::vector<core::Field> fields) {
    fields = without_relations(std::move(fields));
    core::CaseContent content = with_ids(change.after);
    const auto attachments = std::find(fields.begin(), fields.end(), core::Field::Attachments);
    core::AttachmentWrites writes;
    if (attachments != fields.end()) {
      fields.erase(attachments);
      writes = core::attachment_writes(change.before.attachments, change.after.attachments);
    }
    std::map<std::string, std::int64_t> uploaded;
    if (!writes.upload.empty()) {
      uploaded = port_.upload_attachments(id, writes.upload);
      record_written(writes.upload, uploaded);
    }
    for (const auto& [remote_id, file] : writes.replace) {
      port_.replace_attachment(remote_id, file);
      auto written = file;
      written.remote_id = remote_id;
      record_written({written}, {});
    }
    // The scenario names attachments by id: the kept ones' and the new ones'.
    core::assign_remote_ids(content.attachments, change.before.attachments, uploaded);
    if (!fields.empty()) port_.update_case(id, change.external_id, content, fields);
    for (const auto remote_id : writes.remove) port_.delete_attachment(remote_id);
  }

  // What was written, for the digest cache: an unchanged file is never uploaded again.
  void record_written(const std::vector<core::Attachment>& files, const std::map<std::string, std::int64_t>& ids) {
    std::lock_guard lock(mutex_);
    for (auto file : files) {
      if (const auto it = ids.find(file.name); it != ids.end()) file.remote_id = it->second;
      if (file.remote_id) report_.written_attachments.push_back(std::move(file));
    }
  }

  void write_existing(const core::Change& change) {
    if (change.action == core::Action::Restore) port_.restore_case(*change.allure_id);
    write_case(*change.allure_id, change, change.writes);
  }

  // The writes a create could not carry, to the case that stays. A 404 says
  // that case was removed meanwhile as a duplicate of a lower one (which a
  // concurrent apply created, and the search showed late): heal again and
  // write to that one.
  void finish_create(std::size_t i) {
    const auto& change = changes_[i];
    std::int64_t survivor;
    {
      std::lock_guard lock(mutex_);
      survivor = report_.created.at(change.external_id);
    }
    try {
      write_case(survivor, change, later_[i]);
    } catch (const core::RemoteError& e) {
      if (e.status() != 404) throw;
      auto again = heal_duplicates({{change.external_id, survivor}}, port_, 1);
      const std::int64_t next = again.healing.survivors.at(change.external_id);
      if (next == survivor || again.failures.count(change.external_id)) throw;
      write_case(next, change, later_[i]);
      std::lock_guard lock(mutex_);
      report_.created[change.external_id] = next;
      for (auto& healed : again.healing.healed) report_.healed.push_back(std::move(healed));
    }
  }

  void write_relations() {
    const auto relating = select([&](const core::Change& c) {
      const auto i = static_cast<std::size_t>(&c - changes_.data());
      return succeeded_[i] && writes_relations(c);
    });
    parallel(relating, [&](std::size_t k) {
      const auto i = relating[k];
      const auto& change = changes_[i];
      try {
        const auto id = change.allure_id ? *change.allure_id : report_.created.at(change.external_id);
        port_.replace_relations(id, resolved_relations(change, report_));
      } catch (const std::exception& e) {
        fail(i, e.what());
      }
    });
  }

  void archive(const core::Change& change) {
    if (change.kind == core::Kind::TestPlan) port_.delete_test_plan(*change.allure_id);
    else if (change.kind == core::Kind::SharedStep) port_.archive_shared_step(*change.allure_id);
    else port_.archive_case(*change.allure_id);
  }

  const core::Plan& plan_;
  const std::vector<core::Change>& changes_;
  core::TestOpsPort& port_;
  const ApplyOptions& options_;
  std::mutex mutex_;
  ApplyReport report_;
  std::size_t started_ = 0;
  std::map<std::string, std::int64_t> shared_step_ids_;  // the plan's, and those this run created
  std::map<std::string, std::int64_t> own_;      // external id -> the case this run's create made
  std::vector<std::vector<core::Field>> later_;  // per change: what its create left for after it
  std::vector<char> succeeded_;                  // per change
};

}  // namespace

ApplyReport apply_plan(const core::Plan& plan, core::TestOpsPort& port, const ApplyOptions& options) {
  return ApplyRun(plan, port, options).run();
}

}  // namespace ato::apply
