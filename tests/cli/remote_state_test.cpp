#include "cli/remote_state.hpp"

#include <gtest/gtest.h>

#include "support/quiet_port.hpp"

#include <algorithm>
#include <filesystem>
#include <unistd.h>

namespace ato::cli {
namespace {

// Answers from fixed rows and records which overviews were asked for.
class FakePort final : public test::QuietPort {
 public:
  std::vector<core::SearchRow> rows;
  std::vector<std::int64_t> read;
  std::vector<core::RemoteSharedStep> shared_steps;  // the listings' rows, without steps
  std::map<std::int64_t, std::int64_t> modified;     // what the steps read show
  std::vector<std::int64_t> steps_read;
  std::int64_t gone = 0;  // a shared step deleted after it was listed

  std::int64_t project_id() override { return 1; }
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
  std::vector<core::SearchRow> find_live_with_identities(const std::vector<std::string>&) override {
    return {};
  }
  std::vector<core::RemoteSharedStep> list_shared_steps() override { return shared_steps; }
  std::map<std::int64_t, std::vector<core::Step>> read_shared_step_steps(const std::vector<std::int64_t>& ids) override {
    std::map<std::int64_t, std::vector<core::Step>> out;
    for (const auto id : ids) {
      steps_read.push_back(id);
      if (id == gone) continue;
      core::Step step;
      step.text = "step of " + std::to_string(id) + " at " + std::to_string(modified.count(id) ? modified[id] : 0);
      out[id] = {step};
    }
    return out;
  }
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

core::RemoteSharedStep listed(std::int64_t id, const std::string& name, std::int64_t last_modified = 500) {
  core::RemoteSharedStep s;
  s.allure_id = id;
  s.content.name = name;
  s.last_modified = last_modified;
  return s;
}

core::DesiredSharedStep shared(const std::string& id, const std::string& name,
                               std::optional<std::int64_t> allure_id = {}) {
  core::DesiredSharedStep d;
  d.external_id = id;
  d.content.name = name;
  d.allure_id = allure_id;
  return d;
}

const core::RemoteSharedStep& shared_in(const RemoteState& state, std::int64_t id) {
  const auto it = std::find_if(state.shared_steps.begin(), state.shared_steps.end(),
                               [&](const auto& s) { return s.allure_id == id; });
  EXPECT_NE(it, state.shared_steps.end());
  return *it;
}

// A cache folder of its own, removed after the test.
struct SharedStepCacheDir : ::testing::Test {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("ato-shared-step-cache-" + std::to_string(::getpid()) + "-" +
                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  FetchOptions options;
  core::Config config;
  void SetUp() override {
    std::filesystem::remove_all(dir);
    options.cache_dir = dir.string();
    config.endpoint = "http://127.0.0.1:1";
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
};

TEST(RemoteState, ReadsStepsOnlyOfTheSharedStepsTheRepositoryBinds) {
  FakePort port;
  port.shared_steps = {listed(4, "Log in"), listed(5, "Log out"), listed(6, "Pay")};
  const auto state =
      read_remote_state(port, 1, {}, {}, {}, {shared("auth/login", "Log in"), shared("pay", "Renamed", 6)});
  EXPECT_EQ(port.steps_read, (std::vector<std::int64_t>{4, 6}));  // by name, by allure_id; 5 is bound by none
  ASSERT_EQ(state.shared_steps.size(), 3u);
  EXPECT_EQ(shared_in(state, 4).content.steps.size(), 1u);
  EXPECT_TRUE(shared_in(state, 5).content.steps.empty());
  EXPECT_EQ(shared_in(state, 5).content.name, "Log out");
  EXPECT_EQ(state.shared_steps_fetched, 2u);
}

TEST(RemoteState, NoSharedStepInTheRepositoryReadsNoSteps) {
  FakePort port;
  port.shared_steps = {listed(4, "Log in")};
  const auto state = read_remote_state(port, 1, {}, {}, {});
  EXPECT_TRUE(port.steps_read.empty());
  EXPECT_EQ(state.shared_steps.size(), 1u);
}

TEST(RemoteState, ASharedStepDeletedAfterItWasListedIsLeftOut) {
  FakePort port;
  port.shared_steps = {listed(4, "Log in"), listed(5, "Log out")};
  port.gone = 5;
  const auto state =
      read_remote_state(port, 1, {}, {}, {}, {shared("login", "Log in"), shared("logout", "Log out")});
  ASSERT_EQ(state.shared_steps.size(), 1u);
  EXPECT_EQ(state.shared_steps[0].allure_id, 4);
}

TEST_F(SharedStepCacheDir, AWarmReadTakesUnchangedSharedStepsFromTheCache) {
  FakePort port;
  port.shared_steps = {listed(4, "Log in", 500), listed(6, "Pay", 600)};
  const std::vector<core::DesiredSharedStep> repository = {shared("login", "Log in"), shared("pay", "Pay")};
  port.modified = {{4, 500}, {6, 600}};
  const auto cold = read_remote_state(port, 1, config, {}, options, repository);
  EXPECT_EQ(port.steps_read, (std::vector<std::int64_t>{4, 6}));

  port.steps_read.clear();
  const auto warm = read_remote_state(port, 1, config, {}, options, repository);
  EXPECT_TRUE(port.steps_read.empty());
  EXPECT_EQ(warm.shared_steps_from_cache, 2u);
  EXPECT_EQ(warm.shared_steps, cold.shared_steps) << "the cache gives back what was read";

  port.shared_steps[1].last_modified = 601;  // a write to it moves it
  port.modified[6] = 601;
  const auto edited = read_remote_state(port, 1, config, {}, options, repository);
  EXPECT_EQ(port.steps_read, std::vector<std::int64_t>{6});
  EXPECT_EQ(shared_in(edited, 6).content.steps[0].text, "step of 6 at 601");
  EXPECT_EQ(shared_in(edited, 4).content.steps[0].text, "step of 4 at 500");
}

TEST_F(SharedStepCacheDir, RefreshFullReadsEverySharedStepAgain) {
  FakePort port;
  port.shared_steps = {listed(4, "Log in")};
  read_remote_state(port, 1, config, {}, options, {shared("login", "Log in")});
  options.refresh_full = true;
  read_remote_state(port, 1, config, {}, options, {shared("login", "Log in")});
  EXPECT_EQ(port.steps_read, (std::vector<std::int64_t>{4, 4}));
}

TEST_F(SharedStepCacheDir, TheCacheIsKeptPerEndpoint) {
  FakePort port;
  port.shared_steps = {listed(4, "Log in")};
  read_remote_state(port, 1, config, {}, options, {shared("login", "Log in")});
  config.endpoint = "http://127.0.0.1:2";
  read_remote_state(port, 1, config, {}, options, {shared("login", "Log in")});
  EXPECT_EQ(port.steps_read, (std::vector<std::int64_t>{4, 4}));
}

}  // namespace
}  // namespace ato::cli
