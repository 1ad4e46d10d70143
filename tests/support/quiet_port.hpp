#pragma once
// A TestOpsPort that answers nothing and writes nowhere: the base of the
// fakes in unit tests, which override only the calls they are about. A new
// method of the port is one line here, not one in every fake.
#include "core/testops_port.hpp"

namespace ato::test {

class QuietPort : public core::TestOpsPort {
 public:
  std::int64_t project_id() override { return 1; }
  core::KnownNames known_names() override { return {}; }
  std::vector<core::SearchRow> find_managed() override { return {}; }
  std::vector<core::SearchRow> find_all() override { return {}; }
  std::vector<core::RemoteCase> read_cases(const std::vector<std::int64_t>&) override { return {}; }
  std::vector<core::RemoteSharedStep> list_shared_steps() override { return {}; }
  std::map<std::int64_t, std::vector<core::Step>> read_shared_step_steps(const std::vector<std::int64_t>&) override {
    return {};
  }
  void create_field_values(const std::vector<core::NewFieldValue>&) override {}
  Created create_case(const std::string&, const core::CaseContent&) override { return {}; }
  std::vector<core::SearchRow> find_live_with_identities(const std::vector<std::string>&) override { return {}; }
  void delete_case(std::int64_t) override {}
  void update_case(std::int64_t, const std::string&, const core::CaseContent&, const std::vector<core::Field>&) override {}
  void replace_relations(std::int64_t, const std::vector<core::Relation>&) override {}
  void archive_case(std::int64_t) override {}
  void restore_case(std::int64_t) override {}
  std::int64_t create_shared_step(const core::CaseContent&) override { return 0; }
  void update_shared_step(std::int64_t, const core::CaseContent&, const std::vector<core::Field>&) override {}
  void archive_shared_step(std::int64_t) override {}
  void unarchive_shared_step(std::int64_t) override {}
  std::vector<core::RemoteTestPlan> read_test_plans() override { return {}; }
  std::optional<std::string> validate_query(const std::string&) override { return std::nullopt; }
  std::int64_t create_test_plan(const core::CaseContent&) override { return 0; }
  void update_test_plan(std::int64_t, const core::CaseContent&, const std::vector<core::Field>&) override {}
  void delete_test_plan(std::int64_t) override {}
  void sync_test_plan(std::int64_t) override {}
};

}  // namespace ato::test
