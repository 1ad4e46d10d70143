// `attachments:` on cases and steps (SPEC.md §1.4): checked offline, every
// problem at the list item that names the file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "io/case_loader.hpp"
#include "support/process.hpp"
#include "util/sha256.hpp"

namespace ato::io {
namespace {

namespace fs = std::filesystem;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01", 20);

class AttachmentLoader : public ::testing::Test {
 protected:
  std::string dir = test::make_temp_dir();
  core::Config config;

  void SetUp() override {
    config.config_path = dir + "/ato-sync.yaml";
    test::write_file(dir + "/cases/files/cart.png", kPng);
    test::write_file(dir + "/cases/files/empty.txt", "");
    test::write_file(dir + "/cases/files/form.txt", "hello");
  }
  CasesResult load(const std::string& yaml) {
    test::write_file(dir + "/cases/a.yaml", yaml);
    return load_cases(dir + "/cases", config);
  }
  // "line:col: message" of every diagnostic.
  static std::vector<std::string> problems(const CasesResult& result) {
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics)
      out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message);
    return out;
  }
};

TEST_F(AttachmentLoader, CaseAndStepFilesWithNameSizeAndDigest) {
  const auto result = load(
      "id: a\nname: A\nattachments: [files/cart.png, files/empty.txt]\n"
      "steps:\n  - when: pays\n    attachments: [files/form.txt]\n");
  ASSERT_TRUE(result.diagnostics.empty()) << problems(result)[0];
  const auto& c = result.cases.at(0).content;
  ASSERT_EQ(c.attachments.size(), 3u);
  EXPECT_EQ(c.attachments[0].name, "cart.png");
  EXPECT_EQ(c.attachments[0].size, 20);
  EXPECT_EQ(c.attachments[0].sha256, util::sha256_hex(kPng));
  EXPECT_EQ(c.attachments[1].name, "empty.txt");
  EXPECT_EQ(c.attachments[1].size, 0);
  EXPECT_EQ(c.attachments[1].sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(c.steps.at(0).attachments, (std::vector<std::string>{"form.txt"}));
  EXPECT_TRUE(fs::exists(c.attachments[2].path));
}

TEST_F(AttachmentLoader, PathsMayClimbButNotLeaveTheRepository) {
  test::write_file(dir + "/shared/logo.png", kPng);
  EXPECT_TRUE(load("id: a\nname: A\nattachments: [../shared/logo.png]\n").diagnostics.empty());
  const auto result = load("id: a\nname: A\nattachments: [../../outside.png]\n");
  ASSERT_EQ(problems(result).size(), 1u);
  EXPECT_NE(problems(result)[0].find("3:15: attachments[0] \"../../outside.png\" leaves the repository"),
            std::string::npos)
      << problems(result)[0];
}

TEST_F(AttachmentLoader, AbsolutePathsMissingFilesAndFoldersAreErrorsAtTheirItem) {
  const auto result = load("id: a\nname: A\nattachments:\n  - /etc/passwd\n  - files/nope.png\n  - files\n");
  const auto p = problems(result);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NE(p[0].find("4:5: attachments[0] \"/etc/passwd\" is an absolute path"), std::string::npos) << p[0];
  EXPECT_NE(p[1].find("5:5: attachments[1] \"files/nope.png\": no such file"), std::string::npos) << p[1];
  EXPECT_NE(p[2].find("6:5: attachments[2] \"files\" is a folder"), std::string::npos) << p[2];
}

TEST_F(AttachmentLoader, AFileOverTheLimitIsAnError) {
  config.attachments.max_bytes = 19;
  const auto p = problems(load("id: a\nname: A\nattachments: [files/cart.png]\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("3:15: attachments[0] \"files/cart.png\" is 20 B, over attachments.max_bytes (19 B)"),
            std::string::npos)
      << p[0];
}

TEST_F(AttachmentLoader, BaseNamesAreUniqueWithinACaseStepsIncluded) {
  test::write_file(dir + "/cases/other/cart.png", "x");
  const auto p =
      problems(load("id: a\nname: A\nattachments: [files/cart.png]\nsteps:\n  - given: x\n    attachments: "
                    "[other/cart.png]\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("6:19: steps[0].attachments[0]: a second attachment named \"cart.png\" in this case "
                      "(the first is at "),
            std::string::npos)
      << p[0];
}

TEST_F(AttachmentLoader, TheSameFileInTwoCasesIsFine) {
  const auto result = load(
      "id: a\nname: A\nattachments: [files/cart.png]\n---\nid: b\nname: B\nattachments: [files/cart.png]\n");
  EXPECT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(result.cases.size(), 2u);
}

TEST_F(AttachmentLoader, ASymlinkOutOfTheRepositoryIsAnError) {
  const auto outside = test::make_temp_dir() + "/secret.png";
  test::write_file(outside, "x");
  ASSERT_EQ(symlink(outside.c_str(), (dir + "/cases/files/link.png").c_str()), 0);
  const auto p = problems(load("id: a\nname: A\nattachments: [files/link.png]\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("is a symlink that leaves the repository"), std::string::npos) << p[0];
}

TEST_F(AttachmentLoader, ANonUtf8PathIsRejectedAtItsByte) {
  const auto p = problems(load("id: a\nname: A\nattachments: [files/caf\xe9.png]\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("3:"), std::string::npos) << p[0];
  EXPECT_NE(p[0].find("UTF-8"), std::string::npos) << p[0];
}

TEST_F(AttachmentLoader, AUtf8NameIsAFileLikeAnyOther) {
  test::write_file(dir + "/cases/files/\xd1\x87\xd0\xb5\xd0\xba.png", kPng);  // "чек.png"
  const auto result = load("id: a\nname: A\nattachments: [\"files/\xd1\x87\xd0\xb5\xd0\xba.png\"]\n");
  ASSERT_TRUE(result.diagnostics.empty()) << problems(result)[0];
  EXPECT_EQ(result.cases.at(0).content.attachments.at(0).name, "\xd1\x87\xd0\xb5\xd0\xba.png");
}

TEST_F(AttachmentLoader, AttachmentsMustBeAListOfPaths) {
  const auto p = problems(load("id: a\nname: A\nattachments: files/cart.png\n"));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_NE(p[0].find("3:14: attachments"), std::string::npos) << p[0];
}

}  // namespace
}  // namespace ato::io
