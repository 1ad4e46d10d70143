#include "apply/apply_plan.hpp"

#include <algorithm>
#include <mutex>
#include <thread>

#include "core/attachment_changes.hpp"

namespace ato::apply {
namespace {

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
void write_case(std::int64_t id, const core::Change& change, core::TestOpsPort& port, ApplyReport& report,
                std::mutex& mutex) {
  std::vector<core::Field> fields = change.writes;
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
  core::CaseContent content = change.after;
  core::assign_remote_ids(content.attachments, change.before.attachments, uploaded);
  if (!fields.empty()) port.update_case(id, change.external_id, content, fields);
  for (const auto remote_id : writes.remove) port.delete_attachment(remote_id);
}

void execute(const core::Change& change, core::TestOpsPort& port, ApplyReport& report, std::mutex& mutex) {
  using core::Action;
  switch (change.action) {
    case Action::Create: {
      const auto id = port.create_case(change.external_id, change.after);
      {
        std::lock_guard lock(mutex);
        report.created[change.external_id] = id;
      }
      // The case exists; its files go up, then the scenario that names them.
      if (change.after.attachments.empty()) return;
      core::Change rest;
      rest.external_id = change.external_id;
      rest.after = change.after;
      rest.writes = {core::Field::Attachments};
      if (core::steps_name_attachments(change.after.steps)) rest.writes.push_back(core::Field::Steps);
      write_case(id, rest, port, report, mutex);
      return;
    }
    case Action::Update:
    case Action::Adopt:
      write_case(*change.allure_id, change, port, report, mutex);
      return;
    case Action::Restore:
      port.restore_case(*change.allure_id);
      write_case(*change.allure_id, change, port, report, mutex);
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
