// ato-sync on a real terminal: a pseudo-terminal made by script(1) carries
// the confirmation prompt, colours and the progress lines (SPEC.md §6).
#include <gtest/gtest.h>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

class Terminal : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  void SetUp() override {
    repo.write("cases/a.yaml", case_yaml("a", "A"));
    repo.write("cases/b.yaml", case_yaml("b", "B"));
  }

  // Runs `ato-sync args` with stdin, stdout and stderr on one terminal;
  // `typed` is what the user types.
  ProcessResult on_terminal(const std::string& args, const std::string& typed, bool no_color = false) {
    auto options = emulator.ato_options(repo.dir());
    options.stdin_text = typed;
    if (no_color) options.env["NO_COLOR"] = "1";
    else options.unset_env.push_back("NO_COLOR");
    return run_process({"/usr/bin/script", "--quiet", "--return", "--command",
                        std::string(ATO_SYNC_BINARY) + " " + args, "/dev/null"},
                       options);
  }
};

TEST_F(Terminal, ApplyAsksAndAppliesOnYesWithProgressAndColour) {
  const auto result = on_terminal("apply", "yes\n");
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_TRUE(contains(result.out, "Only 'yes' will be accepted to approve.")) << result.out;
  EXPECT_TRUE(contains(result.out, "\033[")) << "no colour on a terminal";
  EXPECT_TRUE(contains(result.out, "applying 2/2: ")) << result.out;
  EXPECT_TRUE(contains(result.out, "Apply complete! 2 created")) << result.out;
  EXPECT_EQ(emulator.cases_with_tag("ato-sync:a").size(), 1u);
}

TEST_F(Terminal, AnythingButYesCancelsAndWritesNothing) {
  const auto result = on_terminal("apply", "y\n");
  EXPECT_EQ(result.exit_code, 1) << result.out;
  EXPECT_TRUE(contains(result.out, "Apply cancelled; nothing was changed.")) << result.out;
  EXPECT_EQ(emulator.count("POST /api/testcase"), 0);
}

TEST_F(Terminal, NoColorTurnsColoursOff) {
  const auto result = on_terminal("plan", "", true);
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_TRUE(contains(result.out, "Plan: 2 to create")) << result.out;
  EXPECT_FALSE(contains(result.out, "\033[")) << result.out;
}

TEST_F(Terminal, DiagnosticsAreColouredUnlessNoColor) {
  repo.write("cases/c.yaml", "id: c\n");
  const auto coloured = on_terminal("validate", "");
  EXPECT_EQ(coloured.exit_code, 1);
  EXPECT_TRUE(contains(coloured.out, "missing required key 'name'")) << coloured.out;
  EXPECT_TRUE(contains(coloured.out, "\033[")) << coloured.out;
  const auto plain = on_terminal("validate", "", true);
  EXPECT_TRUE(contains(plain.out, "missing required key 'name'")) << plain.out;
  EXPECT_FALSE(contains(plain.out, "\033[")) << plain.out;
}

TEST_F(Terminal, PlanShowsFetchProgressForManagedCases) {
  repo.expect(0, {"apply", "--auto-approve"});
  const auto result = on_terminal("plan --refresh=full", "");
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_TRUE(contains(result.out, "fetching 2/2")) << result.out;
}

}  // namespace
}  // namespace ato::test
