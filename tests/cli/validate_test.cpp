// `ato-sync validate` as users run it: golden diagnostics, exit codes,
// --strict, lints turned off, and the project's own cases.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "support/process.hpp"

namespace ato::test {
namespace {

const std::string kFixtures = ATO_SOURCE_DIR "/tests/cli/fixtures";

// Compares with a golden file; UPDATE_GOLDEN=1 rewrites it instead.
void expect_golden(const std::string& actual, const std::string& golden) {
  if (std::getenv("UPDATE_GOLDEN")) write_file(golden, actual);
  EXPECT_EQ(actual, read_file(golden)) << "golden: " << golden;
}

ProcessResult validate(const std::string& cwd, std::vector<std::string> args = {}) {
  args.insert(args.begin(), "validate");
  ProcessOptions options;
  options.cwd = cwd;
  return run_ato_sync(args, options);
}

std::string repo_with(const std::string& config, const std::string& case_text) {
  const auto dir = make_temp_dir();
  write_file(dir + "/ato-sync.yaml", config);
  write_file(dir + "/cases/a.yaml", case_text);
  return dir;
}

TEST(Validate, HumanDiagnosticsMatchTheGoldenFile) {
  const auto result = validate(kFixtures + "/broken");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  expect_golden(result.err, kFixtures + "/broken/expected-human.txt");
}

TEST(Validate, JsonDiagnosticsMatchTheGoldenFile) {
  const auto result = validate(kFixtures + "/broken", {"--json"});
  EXPECT_EQ(result.exit_code, 1);
  expect_golden(result.out, kFixtures + "/broken/expected.json");
}

TEST(Validate, CleanRepositoryExitsZero) {
  const auto dir = repo_with("endpoint: https://a\nproject: 1\n", "id: a\nname: A\nlayer: UI\nsteps: [do it]\n");
  const auto result = validate(dir);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "0 errors, 0 warnings in 1 file (1 case): ok\n");
}

// With `cases: .` the config lies in the cases folder: it is the config, not
// a case file, and the count names case files only.
TEST(Validate, ConfigInTheCasesFolderIsNotACaseFile) {
  const auto dir = make_temp_dir();
  write_file(dir + "/ato-sync.yaml", "endpoint: https://a\nproject: 1\ncases: .\n");
  write_file(dir + "/a.yaml", "id: a\nname: A\nlayer: UI\nsteps: [do it]\n");
  const auto result = validate(dir);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "0 errors, 0 warnings in 1 file (1 case): ok\n");
}

TEST(Validate, WarningsFailOnlyWithStrict) {
  const auto dir = repo_with("endpoint: https://a\nproject: 1\n", "id: a\nname: A\nsteps: [do it]\n");
  EXPECT_EQ(validate(dir).exit_code, 0);
  const auto strict = validate(dir, {"--strict"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("cases/a.yaml:1:1: warning: case \"a\" has no layer"), std::string::npos) << strict.err;
}

TEST(Validate, LintsCanBeTurnedOff) {
  const auto dir = repo_with("endpoint: https://a\nproject: 1\nlints: [missing-layer]\n", "id: a\nname: A\nsteps: [do it]\n");
  EXPECT_EQ(validate(dir, {"--strict"}).exit_code, 0);
}

TEST(Validate, NeedsNoServerAndNoToken) {
  const auto dir = repo_with("cases: cases\n", "id: a\nname: A\nlayer: UI\nsteps: [do it]\n");
  EXPECT_EQ(validate(dir).exit_code, 0);
}

TEST(Validate, MissingConfigSaysHowToMakeOne) {
  const auto result = validate(make_temp_dir());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("ato-sync.yaml: error: cannot read the config file: No such file or directory (create one with `ato-sync init`"),
            std::string::npos)
      << result.err;
}

TEST(Validate, ExamplesAndOwnCasesPassStrict) {
  EXPECT_EQ(validate(ATO_SOURCE_DIR "/examples/quickstart", {"--strict"}).exit_code, 0);
  const auto own = validate(ATO_SOURCE_DIR, {"--strict", "--config", "cases/ato-sync.yaml"});
  EXPECT_EQ(own.exit_code, 0) << own.err;
}

// What the pre-commit recipe asks of every repository, ato-sync's own first.
TEST(Validate, OwnCasesAndExamplesAreInTheCanonicalLayout) {
  ProcessOptions options;
  options.cwd = ATO_SOURCE_DIR;
  const auto own = run_ato_sync({"--config", "cases/ato-sync.yaml", "fmt", "--check"}, options);
  EXPECT_EQ(own.exit_code, 0) << own.out << own.err;
  options.cwd = ATO_SOURCE_DIR "/examples/quickstart";
  const auto quickstart = run_ato_sync({"fmt", "--check"}, options);
  EXPECT_EQ(quickstart.exit_code, 0) << quickstart.out << quickstart.err;
}

TEST(Cli, UnknownCommandAndFlagGetADidYouMean) {
  auto result = run_ato_sync({"plna"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "ato-sync: error: unknown command 'plna' (did you mean 'plan'?); see 'ato-sync --help'\n");
  result = run_ato_sync({"validate", "--jsn"});
  EXPECT_EQ(result.err, "ato-sync: error: unknown flag '--jsn' (did you mean '--json'?)\n");
}

TEST(Cli, AFlagValueThatLooksLikeAFlagIsAnError) {
  const auto dir = make_temp_dir();
  ProcessOptions options;
  options.cwd = dir;
  auto result = run_ato_sync({"plan", "-out", "--json"}, options);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "ato-sync: error: flag '-out' needs a value (FILE), but '--json' is a flag; for a value "
                        "that starts with '-', write -out=--json\n");
  result = run_ato_sync({"--config", "--verbose", "validate"}, options);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "ato-sync: error: flag '--config' needs a value, but '--verbose' is a flag; for a value "
                        "that starts with '-', write --config=--verbose\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/--json"));
}

TEST(Cli, EveryCommandHasHelpWithExamples) {
  for (const char* command : {"validate", "plan", "apply", "show", "import", "ids", "coverage", "init"}) {
    const auto result = run_ato_sync({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_NE(result.out.find("Usage: ato-sync " + std::string(command)), std::string::npos) << command;
    EXPECT_NE(result.out.find("Examples:"), std::string::npos) << command;
  }
}

TEST(Cli, VersionIsPrinted) {
  const auto result = run_ato_sync({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.rfind("ato-sync ", 0), 0u);
}

}  // namespace
}  // namespace ato::test
