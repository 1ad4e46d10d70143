#pragma once
// core::TestOpsPort over the real Allure TestOps REST API.
#include <memory>
#include <mutex>
#include <optional>

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
  void archive_case(std::int64_t allure_id) override;
  void restore_case(std::int64_t allure_id) override;

 private:
  const ReferenceData& reference();  // loaded once, thread-safe
  std::vector<json> search_dtos(const std::string& rql, bool deleted);
  std::vector<core::SearchRow> search(const std::string& rql, bool deleted);
  std::optional<std::int64_t> find_by_identity(const std::string& external_id);
  std::string case_path(std::int64_t id) const { return "/testcase/" + std::to_string(id); }

  core::Config config_;
  std::unique_ptr<ApiClient> client_;
  std::once_flag reference_once_;
  std::mutex reference_mutex_;  // guards ref_->values as apply adds new ones
  std::optional<ReferenceData> ref_;
};

// `tag ~= "ato-sync:"` with quotes and backslashes escaped.
std::string aql_string(const std::string& value);

}  // namespace ato::remote
