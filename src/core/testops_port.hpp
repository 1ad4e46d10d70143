#pragma once
// What ato-sync needs from Allure TestOps, in the model's terms. The real
// adapter lives in remote/; tests use fakes. Every method may be called from
// several threads at once. Failures throw RemoteError.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/plan.hpp"
#include "core/shared_step.hpp"
#include "core/test_plan.hpp"

namespace ato::core {

class RemoteError : public std::runtime_error {
 public:
  // message names the method, the URL path and the status, never the token.
  explicit RemoteError(const std::string& message, int status = 0)
      : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }  // HTTP status; 0 = no answer

 private:
  int status_;
};

// One row of the case search: enough to decide whether details are needed.
struct SearchRow {
  std::int64_t allure_id = 0;
  std::string external_id;  // from the identity tag; empty when unmanaged
  std::vector<std::string> other_identities;  // further identity tags on the same case (a conflict)
  bool deleted = false;
  std::int64_t last_modified = 0;
  std::string name;
  std::string status;  // workflow status name: with archive-by-status, tells archived cases apart
};

class TestOpsPort {
 public:
  virtual ~TestOpsPort() = default;

  // The project's numeric id (the config may name it), resolved once per run.
  virtual std::int64_t project_id() = 0;
  // Reference data, resolved once per run.
  virtual KnownNames known_names() = 0;
  // Every managed case, live and soft-deleted, sorted by Allure ID.
  virtual std::vector<SearchRow> find_managed() = 0;
  // Every live case of the project (for import), sorted by Allure ID.
  virtual std::vector<SearchRow> find_all() = 0;
  // Full details (one overview and the relations each, in parallel); ids
  // that do not exist are left out of the answer. A step that refers to a
  // shared step reads as such (Step::shared_step_id), never as an inline
  // copy of it.
  virtual std::vector<RemoteCase> read_cases(const std::vector<std::int64_t>& ids) = 0;
  // Every shared step of the project, live and archived, sorted by Allure
  // ID, from the listings only: name, archived, usage and lastModifiedDate,
  // content.steps left empty (read_shared_step_steps reads them).
  virtual std::vector<RemoteSharedStep> list_shared_steps() = 0;
  // The steps of these shared steps (one request each, in parallel), by
  // Allure ID; ids that do not exist are left out of the answer.
  virtual std::map<std::int64_t, std::vector<Step>> read_shared_step_steps(const std::vector<std::int64_t>& ids) = 0;

  virtual void create_field_values(const std::vector<NewFieldValue>& values) = 0;
  // Creates the case with its identity tag in the same request; never leaves
  // a duplicate even when the outcome of the request is unknown. Steps that
  // use a shared step carry its shared_step_id (apply fills them in). Sends
  // only the create: `later` names the fields it could not carry (issues,
  // examples), which apply writes with update_case once it knows which case
  // stays (SPEC.md §5). Relations and attachments are not written here.
  struct Created {
    std::int64_t allure_id = 0;
    std::vector<Field> later;
  };
  virtual Created create_case(const std::string& external_id, const CaseContent& content) = 0;
  // The live cases that carry any of these identity tags, sorted by Allure
  // ID: apply's check for duplicates that a concurrent apply created.
  virtual std::vector<SearchRow> find_live_with_identities(const std::vector<std::string>& external_ids) = 0;
  // Soft delete (restorable), whatever `archive` says: removes a duplicate.
  virtual void delete_case(std::int64_t allure_id) = 0;
  // Writes only the given fields of `after` (the identity tag always written
  // with tags), except relations: those go through replace_relations.
  virtual void update_case(std::int64_t allure_id, const std::string& external_id,
                           const CaseContent& after, const std::vector<Field>& fields) = 0;
  // Replaces every relation of the case (mirrored ones included); each
  // target carries its Allure ID.
  virtual void replace_relations(std::int64_t allure_id, const std::vector<Relation>& relations) = 0;
  virtual void archive_case(std::int64_t allure_id) = 0;
  virtual void restore_case(std::int64_t allure_id) = 0;

  // A shared step with its name and steps (content.name, content.steps);
  // when the outcome of the create is unknown, looks the exact name up
  // before trying again, so it never leaves two.
  virtual std::int64_t create_shared_step(const CaseContent& content) = 0;
  // Writes only the given fields (Field::Name, Field::Steps) of `after`.
  virtual void update_shared_step(std::int64_t allure_id, const CaseContent& after,
                                  const std::vector<Field>& fields) = 0;
  virtual void archive_shared_step(std::int64_t allure_id) = 0;
  virtual void unarchive_shared_step(std::int64_t allure_id) = 0;

  // Test plans (SPEC.md §1.5): every test plan of the project, by Allure ID.
  virtual std::vector<RemoteTestPlan> read_test_plans() = 0;
  // The server's word on an AQL query: nullopt when valid, else its message.
  virtual std::optional<std::string> validate_query(const std::string& rql) = 0;
  // A test plan with content.name and content.query (its baseRql).
  virtual std::int64_t create_test_plan(const CaseContent& content) = 0;
  // Writes only the given fields (Field::Name, Field::Query) of `after`.
  virtual void update_test_plan(std::int64_t allure_id, const CaseContent& after, const std::vector<Field>& fields) = 0;
  virtual void delete_test_plan(std::int64_t allure_id) = 0;
  // Recounts the cases its query selects.
  virtual void sync_test_plan(std::int64_t allure_id) = 0;
  // Attachments (SPEC.md §1.4, §5); files are streamed from their paths.
  // Uploads the files to the case (one multipart request); answers name -> new attachment id.
  virtual std::map<std::string, std::int64_t> upload_attachments(std::int64_t allure_id,
                                                                 const std::vector<Attachment>& files);
  virtual void replace_attachment(std::int64_t attachment_id, const Attachment& file);
  virtual void delete_attachment(std::int64_t attachment_id);
  // Downloads each attachment and hands its bytes to `each(index, bytes)`,
  // from several threads at once, one file per thread in memory.
  virtual void read_attachments(const std::vector<std::int64_t>& attachment_ids,
                                const std::function<void(std::size_t, const std::string&)>& each);
};

// Ports that do not serve attachments (tests' fakes) refuse them.
inline std::map<std::string, std::int64_t> TestOpsPort::upload_attachments(std::int64_t,
                                                                           const std::vector<Attachment>&) {
  throw RemoteError("attachments are not supported by this port");
}
inline void TestOpsPort::replace_attachment(std::int64_t, const Attachment&) {
  throw RemoteError("attachments are not supported by this port");
}
inline void TestOpsPort::delete_attachment(std::int64_t) { throw RemoteError("attachments are not supported by this port"); }
inline void TestOpsPort::read_attachments(const std::vector<std::int64_t>&,
                                          const std::function<void(std::size_t, const std::string&)>&) {
  throw RemoteError("attachments are not supported by this port");
}

}  // namespace ato::core
