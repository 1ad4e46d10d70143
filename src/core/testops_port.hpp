#pragma once
// What ato-sync needs from Allure TestOps, in the model's terms. The real
// adapter lives in remote/; tests use fakes. Every method may be called from
// several threads at once. Failures throw RemoteError.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/plan.hpp"

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
  // Full details (one overview each, in parallel); ids that do not exist are
  // left out of the answer.
  virtual std::vector<RemoteCase> read_cases(const std::vector<std::int64_t>& ids) = 0;

  virtual void create_field_values(const std::vector<NewFieldValue>& values) = 0;
  // Creates the case with its identity tag in the same request; never leaves
  // a duplicate even when the outcome of the request is unknown. Sends only
  // the create: `later` names the fields it could not carry (issues), which
  // apply writes with update_case once it knows which case stays (SPEC.md §5).
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
  // Writes only the given fields of `after` (the identity tag always written with tags).
  virtual void update_case(std::int64_t allure_id, const std::string& external_id,
                           const CaseContent& after, const std::vector<Field>& fields) = 0;
  virtual void archive_case(std::int64_t allure_id) = 0;
  virtual void restore_case(std::int64_t allure_id) = 0;
};

}  // namespace ato::core
