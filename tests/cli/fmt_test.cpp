// `ato-sync fmt` (SPEC.md §3): the real binary on a throwaway repository.
#include <gtest/gtest.h>

#include "support/process.hpp"

namespace ato::test {
namespace {

const char* kUnformatted = "# the login case\nname:   User logs in   # beside\nid: account/login\nsteps:\n    - do it\n";
const char* kFormatted = "# the login case\nid: account/login\nname: User logs in  # beside\nsteps:\n  - do it\n";

std::string fmt_repo() {
  const auto dir = make_temp_dir();
  write_file(dir + "/ato-sync.yaml", "endpoint: https://a\nproject: 1\n");
  write_file(dir + "/cases/login.yaml", kUnformatted);
  write_file(dir + "/cases/done.yaml", "id: done\nname: Done\n");
  return dir;
}

ProcessResult fmt(const std::string& cwd, std::vector<std::string> args = {}) {
  args.insert(args.begin(), "fmt");
  ProcessOptions options;
  options.cwd = cwd;
  return run_ato_sync(args, options);
}

TEST(Fmt, RewritesTheFilesThatAreNotFormattedAndNamesThem) {
  const auto dir = fmt_repo();
  const auto result = fmt(dir);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "cases/login.yaml\n");
  EXPECT_EQ(read_file(dir + "/cases/login.yaml"), kFormatted);
  EXPECT_EQ(read_file(dir + "/cases/done.yaml"), "id: done\nname: Done\n");
  EXPECT_EQ(fmt(dir, {"--check"}).exit_code, 0);
}

TEST(Fmt, CheckExitsOneNamingTheFilesAndWritesNothing) {
  const auto dir = fmt_repo();
  const auto result = fmt(dir, {"--check"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "cases/login.yaml\n");
  EXPECT_NE(result.err.find("1 file is not in the canonical layout"), std::string::npos) << result.err;
  EXPECT_EQ(read_file(dir + "/cases/login.yaml"), kUnformatted);
}

TEST(Fmt, DiffPrintsAUnifiedDiff) {
  const auto dir = fmt_repo();
  const auto result = fmt(dir, {"--check", "--diff"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("--- a/cases/login.yaml\n+++ b/cases/login.yaml\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("-name:   User logs in   # beside\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("+  - do it\n"), std::string::npos) << result.out;
}

TEST(Fmt, PathsNameFilesOrFoldersAndNeedNoConfig) {
  const auto dir = make_temp_dir();
  write_file(dir + "/a/one.yaml", kUnformatted);
  write_file(dir + "/two.yml", kUnformatted);
  write_file(dir + "/notes.txt", kUnformatted);
  const auto result = fmt(dir, {"a", "two.yml"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(dir + "/a/one.yaml"), kFormatted);
  EXPECT_EQ(read_file(dir + "/two.yml"), kFormatted);
  EXPECT_EQ(read_file(dir + "/notes.txt"), kUnformatted);
}

TEST(Fmt, ASyntaxErrorIsReportedWithItsPlaceAndOtherFilesAreStillFormatted) {
  const auto dir = fmt_repo();
  write_file(dir + "/cases/broken.yaml", "id: a\nname: [b\n");
  const auto result = fmt(dir);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cases/broken.yaml:3:1: error: YAML syntax error"), std::string::npos) << result.err;
  EXPECT_EQ(read_file(dir + "/cases/broken.yaml"), "id: a\nname: [b\n");
  EXPECT_EQ(read_file(dir + "/cases/login.yaml"), kFormatted);
}

TEST(Fmt, AFileFmtCannotLayOutIsKeptWithANote) {
  const auto dir = fmt_repo();
  const std::string kept = "id: kept\nname: Kept\ntags: [a, # why\n  b]\n";
  write_file(dir + "/cases/kept.yaml", kept);
  const auto result = fmt(dir, {"--check"});
  EXPECT_NE(result.err.find("note: cases/kept.yaml: kept as it is: a comment inside [..] or {..}"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.out, "cases/login.yaml\n");
  EXPECT_EQ(read_file(dir + "/cases/kept.yaml"), kept);
}

// The shared steps' folder is the config's, and their keys take §1.3's order.
TEST(Fmt, SharedStepFilesInTheConfiguredFolderTakeTheirKeyOrder) {
  const auto dir = fmt_repo();
  write_file(dir + "/ato-sync.yaml", "endpoint: https://a\nproject: 1\nshared_steps: common/steps\n");
  write_file(
      dir + "/common/steps/auth.yaml",
      "# log in first\nsteps:\n    - given: User opens /login   # the page\nallure_id: 5\nname: Log in\n"
      "id: auth/login\n");
  const auto result = fmt(dir);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "cases/login.yaml\ncommon/steps/auth.yaml\n");
  EXPECT_EQ(read_file(dir + "/common/steps/auth.yaml"),
            "# log in first\nid: auth/login\nname: Log in\nallure_id: 5\nsteps:\n  - given: User opens "
            "/login  # the page\n");
  EXPECT_EQ(fmt(dir, {"--check"}).exit_code, 0);
  EXPECT_EQ(fmt(dir, {"--check", "common/steps/auth.yaml"}).exit_code, 0);
}

}  // namespace
}  // namespace ato::test
