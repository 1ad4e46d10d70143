// Shared step files and `use:` (SPEC.md §1.3): loading, and every problem
// with its exact position.
#include <gtest/gtest.h>

#include "core/lints.hpp"
#include "io/case_loader.hpp"
#include "support/process.hpp"

namespace ato::io {
namespace {

struct Repository {
  RepositoryResult result;
  std::string dir;
};

Repository load_repo(const std::map<std::string, std::string>& files) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/cases/.keep", "");
  for (const auto& [name, content] : files) test::write_file(dir + "/" + name, content);
  core::Config config;
  return {load_repository(dir + "/cases", dir + "/shared-steps", config), dir};
}

std::vector<std::string> where_and_what(const core::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics)
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message);
  return out;
}

constexpr const char* kLogin = R"(id: auth/login
name: Log in as a customer
allure_id: 812
steps:
  - given: User opens /login
  - when: User enters valid credentials
    expected: The dashboard is shown
)";

TEST(SharedStepLoader, ReadsTheSpecExampleAndTheCaseThatUsesIt) {
  const auto repo = load_repo({{"shared-steps/auth.yaml", kLogin},
                               {"cases/a.yaml", "id: a\nname: A\nsteps:\n  - use: auth/login\n  - then: done\n"}});
  ASSERT_TRUE(repo.result.diagnostics.empty()) << where_and_what(repo.result.diagnostics)[0];
  ASSERT_EQ(repo.result.desired.shared_steps.size(), 1u);
  const auto& s = repo.result.desired.shared_steps[0];
  EXPECT_EQ(s.external_id, "auth/login");
  EXPECT_EQ(s.allure_id, 812);
  EXPECT_EQ(s.content.name, "Log in as a customer");
  ASSERT_EQ(s.content.steps.size(), 2u);
  EXPECT_EQ(s.content.steps[1].expected, "The dashboard is shown");
  EXPECT_TRUE(s.content.status.empty());  // a shared step has no status: the case default is not applied

  ASSERT_EQ(repo.result.desired.cases.size(), 1u);
  const auto& c = repo.result.desired.cases[0];
  ASSERT_EQ(c.content.steps.size(), 2u);
  EXPECT_EQ(c.content.steps[0].shared_step, "auth/login");
  EXPECT_TRUE(c.content.steps[0].text.empty());
  ASSERT_EQ(c.shared_step_uses.size(), 1u);
  EXPECT_EQ(c.shared_step_uses[0].at.line, 4);
  EXPECT_EQ(c.shared_step_uses[0].at.column, 10);
}

TEST(SharedStepLoader, NoFolderMeansNoSharedSteps) {
  const auto repo = load_repo({{"cases/a.yaml", "id: a\nname: A\n"}});
  EXPECT_TRUE(repo.result.diagnostics.empty());
  EXPECT_TRUE(repo.result.desired.shared_steps.empty());
}

TEST(SharedStepLoader, AnUnknownUseIsAnErrorWithADidYouMean) {
  const auto repo = load_repo({{"shared-steps/auth.yaml", kLogin},
                               {"cases/a.yaml", "id: a\nname: A\nsteps:\n  - given: x\n    steps:\n      - use: auth/logn\n"}});
  ASSERT_EQ(repo.result.diagnostics.size(), 1u);
  EXPECT_EQ(where_and_what(repo.result.diagnostics)[0],
            "6:14: unknown shared step \"auth/logn\" (did you mean 'auth/login'?)");
}

TEST(SharedStepLoader, UseInsideASharedStepIsAnError) {
  const auto repo = load_repo({{"shared-steps/auth.yaml", kLogin},
                               {"shared-steps/b.yaml", "id: b\nname: B\nsteps:\n  - use: auth/login\n"}});
  ASSERT_EQ(repo.result.diagnostics.size(), 1u);
  EXPECT_NE(where_and_what(repo.result.diagnostics)[0].find("4:10: steps[0] uses a shared step, but a shared step cannot"),
            std::string::npos)
      << where_and_what(repo.result.diagnostics)[0];
}

TEST(SharedStepLoader, AUseStepTakesNoOtherKey) {
  const auto repo = load_repo({{"shared-steps/auth.yaml", kLogin},
                               {"cases/a.yaml", "id: a\nname: A\nsteps:\n  - use: auth/login\n    expected: x\n"}});
  ASSERT_EQ(repo.result.diagnostics.size(), 1u);
  EXPECT_NE(where_and_what(repo.result.diagnostics)[0].find("5:5: steps[0] uses a shared step, so it takes no other key"),
            std::string::npos)
      << where_and_what(repo.result.diagnostics)[0];
}

TEST(SharedStepLoader, CaseKeysAreUnknownInASharedStep) {
  const auto repo = load_repo({{"shared-steps/a.yaml", "id: a\nname: A\ntags: [x]\n"}});
  ASSERT_EQ(repo.result.diagnostics.size(), 1u);
  EXPECT_NE(where_and_what(repo.result.diagnostics)[0].find("3:1: unknown key 'tags'"), std::string::npos)
      << where_and_what(repo.result.diagnostics)[0];
}

TEST(SharedStepLoader, AttachmentsOnASharedStepsStepsAreAnErrorNeverDropped) {
  const auto repo = load_repo({{"shared-steps/a.yaml", "id: a\nname: A\nsteps:\n  - given: x\n    attachments: [f.png]\n"}});
  ASSERT_EQ(repo.result.diagnostics.size(), 1u);
  EXPECT_NE(where_and_what(repo.result.diagnostics)[0].find("5:18: steps[0].attachments: a shared step's steps cannot"),
            std::string::npos)
      << where_and_what(repo.result.diagnostics)[0];
}

TEST(SharedStepLoader, DuplicateIdsAreErrorsNamingTheFirstPlace) {
  const auto repo = load_repo({{"shared-steps/a.yaml", "id: x\nname: A\n---\nid: x\nname: B\n"}});
  ASSERT_EQ(repo.result.diagnostics.size(), 1u);
  EXPECT_NE(where_and_what(repo.result.diagnostics)[0].find("duplicate id \"x\""), std::string::npos);
}

TEST(SharedStepLoader, AnUnusedSharedStepIsALintWarning) {
  const auto repo = load_repo({{"shared-steps/auth.yaml", kLogin}, {"cases/a.yaml", "id: a\nname: A\nlayer: UI\nsteps: [x]\n"}});
  ASSERT_TRUE(repo.result.diagnostics.empty());
  const auto lints = core::run_lints(repo.result.desired.cases, {}, repo.result.desired.shared_steps);
  ASSERT_EQ(lints.size(), 1u);
  EXPECT_EQ(lints[0].code, "unused-shared-step");
  EXPECT_EQ(lints[0].where.line, 1);
  EXPECT_TRUE(core::run_lints(repo.result.desired.cases, {"unused-shared-step"}, repo.result.desired.shared_steps).empty());
}

}  // namespace
}  // namespace ato::io
