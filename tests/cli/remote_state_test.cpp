#include "cli/remote_state.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace ato::cli {
namespace {

// Answers from fixed rows and records which overviews were asked for.
class FakePort final : public core::TestOpsPort {
 public:
  std::vector<core::SearchRow> rows;
  std::vector<std::int64_t> read;

  std::int64_t project_id() override { return 1; }
  core::KnownNames known_names() override { return {}; }
  std::vector<core::SearchRow> find_managed() override { return rows; }
  std::vector<core::SearchRow> find_all() override { return rows; }
  std::vector<core::RemoteCase> read_cases(const std::vector<std::int64_t>& ids) override {
    std::vector<core::RemoteCase> out;
    for (const auto id : ids) {
      read.push_back(id);
      core::RemoteCase c;
      c.allure_id = id;
      c.content.name = "details of " + std::to_string(id);
      out.push_back(c);
    }
    return out;
  }
  void create_field_values(const std::vector<core::NewFieldValue>&) override {}
  Created create_case(const std::string&, const core::CaseContent&) override { return {}; }
  std::vector<core::SearchRow> find_live_with_identities(const std::vector<std::string>&) override {
    return {};
  }
  void delete_case(std::int64_t) override {}
  void update_case(std::int64_t, const std::string&, const core::CaseContent&, const std::vector<core::Field>&) override {}
  void replace_relations(std::int64_t, const std::vector<core::Relation>&) override {}
  void archive_case(std::int64_t) override {}
  void restore_case(std::int64_t) override {}
  std::vector<core::RemoteSharedStep> read_shared_steps() override { return {}; }
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

core::SearchRow row(std::int64_t id, const std::string& external_id, const std::string& status = "Active") {
  core::SearchRow r;
  r.allure_id = id;
  r.external_id = external_id;
  r.last_modified = 100 + id;
  r.name = "row " + std::to_string(id);
  r.status = status;
  return r;
}

core::DesiredCase wants(const std::string& id, std::optional<std::int64_t> allure_id = {}) {
  core::DesiredCase d;
  d.external_id = id;
  d.allure_id = allure_id;
  return d;
}

const core::RemoteCase& find(const RemoteState& state, std::int64_t id) {
  const auto it = std::find_if(state.cases.begin(), state.cases.end(), [&](const auto& c) { return c.allure_id == id; });
  EXPECT_NE(it, state.cases.end());
  return *it;
}

TEST(RemoteState, ReadsDetailsOnlyForCasesTheRepositoryNames) {
  FakePort port;
  port.rows = {row(1, "a"), row(2, "gone")};
  const auto state = read_remote_state(port, 1, {}, {wants("a")}, {});
  EXPECT_EQ(port.read, std::vector<std::int64_t>{1});
  EXPECT_EQ(state.fetched, 1u);
  ASSERT_EQ(state.cases.size(), 2u);
  EXPECT_EQ(find(state, 1).content.name, "details of 1");
  EXPECT_EQ(find(state, 2).content.name, "row 2");
  // Relations were read for the one only: the other's empty list says nothing.
  EXPECT_TRUE(find(state, 1).detailed);
  EXPECT_FALSE(find(state, 2).detailed);
}

TEST(RemoteState, ACaseKnownFromItsRowKeepsItsStatusAndIdentities) {
  // With archive-by-status the status is how a plan knows a case is archived.
  FakePort port;
  auto twice = row(3, "b", "Outdated");
  twice.other_identities = {"c"};
  port.rows = {twice};
  const auto state = read_remote_state(port, 1, {}, {}, {});
  ASSERT_EQ(state.cases.size(), 1u);
  EXPECT_EQ(state.cases[0].content.status, "Outdated");
  EXPECT_EQ(state.cases[0].other_identities, std::vector<std::string>{"c"});
  EXPECT_TRUE(port.read.empty());
}

TEST(RemoteState, BoundCasesAreReadOnceAndTargetsLimitTheDetails) {
  FakePort port;
  port.rows = {row(1, "a"), row(2, "b")};
  FetchOptions options;
  options.targets = {"b*"};
  const auto state = read_remote_state(port, 1, {}, {wants("a"), wants("b"), wants("c", 7), wants("b2", 7)}, options);
  EXPECT_EQ(port.read, (std::vector<std::int64_t>{2, 7}));  // a and c are not targeted; b2 binds 7
  EXPECT_EQ(state.cases.size(), 3u);
}

}  // namespace
}  // namespace ato::cli
