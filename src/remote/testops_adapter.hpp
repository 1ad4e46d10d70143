#pragma once
// core::TestOpsPort over the real Allure TestOps REST API.
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "core/config.hpp"
#include "core/testops_port.hpp"
#include "remote/api_client.hpp"
#include "remote/reference_data.hpp"

namespace ato::remote {

class TestOpsAdapter final : public core::TestOpsPort {
 public:
  TestOpsAdapter(core::Config config, std::unique_ptr<ApiClient> client);

  std::int64_t project_id() override;
  core::KnownNames known_names() override;
  std::vector<core::SearchRow> find_managed() override;
  std::vector<core::SearchRow> find_all() override;
  std::vector<core::RemoteCase> read_cases(const std::vector<std::int64_t>& ids) override;
  void create_field_values(const std::vector<core::NewFieldValue>& values) override;
  Created create_case(const std::string& external_id, const core::CaseContent& content) override;
  std::vector<core::SearchRow> find_live_with_identities(
      const std::vector<std::string>& external_ids) override;
  void delete_case(std::int64_t allure_id) override;
  void update_case(std::int64_t allure_id, const std::string& external_id, const core::CaseContent& after,
                   const std::vector<core::Field>& fields) override;
  void replace_relations(std::int64_t allure_id, const std::vector<core::Relation>& relations) override;
  void archive_case(std::int64_t allure_id) override;
  void restore_case(std::int64_t allure_id) override;
  std::vector<core::RemoteSharedStep> list_shared_steps() override;
  std::map<std::int64_t, std::vector<core::Step>> read_shared_step_steps(
      const std::vector<std::int64_t>& ids) override;
  std::int64_t create_shared_step(const core::CaseContent& content) override;
  void update_shared_step(std::int64_t allure_id, const core::CaseContent& after,
                          const std::vector<core::Field>& fields) override;
  void archive_shared_step(std::int64_t allure_id) override;
  void unarchive_shared_step(std::int64_t allure_id) override;
  std::vector<core::RemoteTestPlan> read_test_plans() override;
  std::optional<std::string> validate_query(const std::string& rql) override;
  std::int64_t create_test_plan(const core::CaseContent& content) override;
  void update_test_plan(std::int64_t allure_id, const core::CaseContent& after,
                        const std::vector<core::Field>& fields) override;
  void delete_test_plan(std::int64_t allure_id) override;
  void sync_test_plan(std::int64_t allure_id) override;
  std::map<std::string, std::int64_t> upload_attachments(std::int64_t allure_id,
                                                         const std::vector<core::Attachment>& files) override;
  void replace_attachment(std::int64_t attachment_id, const core::Attachment& file) override;
  void delete_attachment(std::int64_t attachment_id) override;
  void read_attachments(const std::vector<std::int64_t>& attachment_ids,
                        const std::function<void(std::size_t, const std::string&)>& each) override;

 private:
  const ReferenceData& reference();  // loaded once, thread-safe
  std::vector<json> search_dtos(const std::string& rql, bool deleted);
  std::vector<core::SearchRow> search(const std::string& rql, bool deleted);
  std::optional<std::int64_t> find_by_identity(const std::string& external_id);
  std::string case_path(std::int64_t id) const { return "/testcase/" + std::to_string(id); }
  // Sends one multipart request of `files`; on an unknown outcome, takes
  // those that arrived from the case's list instead of sending them again.
  void upload_batch(std::int64_t allure_id, const std::vector<core::Attachment>& files,
                    std::map<std::string, std::int64_t>& ids);

  // Shared steps (shared_steps.cpp).
  std::vector<json> shared_step_dtos(bool archived, const std::string& search = {});
  std::vector<json> all_shared_step_dtos();  // live and archived, each once, by id
  // The newest live shared step of exactly that name.
  std::optional<std::int64_t> find_shared_step(const std::string& name);
  // Whether the overview's scenario names one of the project's shared steps
  // (live or archived, listed once per run): only then can it hold a
  // reference, which the overview shows as an inline copy.
  bool may_refer_to_shared_steps(const json& overview);
  void know_shared_step_name(const json& name);  // a string; others are left out
  // Test plans (test_plans.cpp): every one, or those whose name contains `name`.
  std::vector<json> test_plan_dtos(const std::string& name = {});
  std::string shared_step_path(std::int64_t id) const { return "/sharedstep/" + std::to_string(id); }

  core::Config config_;
  std::unique_ptr<ApiClient> client_;
  std::once_flag reference_once_;
  std::mutex reference_mutex_;  // guards ref_->values as apply adds new ones
  std::optional<ReferenceData> ref_;
  std::once_flag shared_step_names_once_;
  std::mutex shared_step_names_mutex_;  // guards shared_step_names_ as creates and renames add names
  std::set<std::string> shared_step_names_;
};

// `tag ~= "ato-sync:"` with quotes and backslashes escaped.
std::string aql_string(const std::string& value);

}  // namespace ato::remote
