// Attachments as code against the emulator (SPEC.md §1.4, §5, §8): one
// multipart upload per case, PUT for a changed file, DELETE for a removed
// one, the scenario only when its attachment steps changed, and an unchanged
// file never uploaded again. Request counts from the emulator's stats.
#include <gtest/gtest.h>

#include <filesystem>

#include "integration/workspace.hpp"

namespace ato::test {
namespace {

const std::string kPngBytes = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02", 26);
const char* kAttachmentsMatch = "No changes. Allure TestOps matches the cases.\n";

std::string case_with_files(const std::string& step_files) {
  return "id: a\nname: A\nlayer: UI\nattachments: [files/cart.png, files/empty.txt]\nsteps:\n"
         "  - given: a start\n" +
         (step_files.empty() ? "" : "    attachments: [" + step_files + "]\n") + "  - then: an end\n";
}

class Attachments : public ::testing::Test {
 protected:
  Emulator emulator;
  Workspace repo{emulator};

  void SetUp() override {
    repo.write("cases/files/cart.png", kPngBytes);
    repo.write("cases/files/empty.txt", "");
    repo.write("cases/files/form.txt", "hello");
    repo.write("cases/files/other.txt", "other file");
    repo.write("cases/a.yaml", case_with_files("files/form.txt"));
  }
  void apply_all() { repo.expect(0, {"apply", "--auto-approve"}); }
  void apply_counted() {
    emulator.reset_stats();
    apply_all();
  }
  std::int64_t writes_of_attachments() {
    return emulator.count("POST /api/testcase/attachment") +
           emulator.count("PUT /api/testcase/attachment/{id}/content") +
           emulator.count("DELETE /api/testcase/attachment/{id}");
  }
  nlohmann::json overview() {
    const auto id = emulator.cases_with_tag("ato-sync:a").at(0)["id"].get<std::int64_t>();
    return emulator.get("/api/testcase/" + std::to_string(id) + "/overview");
  }
};

TEST_F(Attachments, ACreateUploadsItsFilesInOneRequestThenWritesTheScenario) {
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_NE(plan.out.find("+ attachments: cart.png (26 B), empty.txt (0 B), form.txt (5 B)"),
            std::string::npos)
      << plan.out;
  EXPECT_NE(plan.out.find("+  attachment: form.txt"), std::string::npos) << plan.out;
  apply_counted();
  EXPECT_EQ(emulator.count("POST /api/testcase"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/attachment"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 1);
  const auto o = overview();
  ASSERT_EQ(o["scenario"]["attachments"].size(), 3u);
  EXPECT_EQ(o["scenario"]["attachments"][0]["contentType"], "image/png");
  EXPECT_EQ(o["scenario"]["steps"][0]["attachments"][0]["name"], "form.txt");
  EXPECT_TRUE(o["scenario"]["steps"][1]["attachments"].empty());
  const auto png = emulator.get("/api/testcase/attachment?testCaseId=" + std::to_string(o["id"].get<int>()));
  EXPECT_EQ(png["totalElements"], 3);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kAttachmentsMatch);
}

TEST_F(Attachments, TheSecondApplyUploadsNothing) {
  apply_all();
  apply_counted();
  EXPECT_EQ(writes_of_attachments(), 0);
  EXPECT_EQ(emulator.count("GET /api/testcase/attachment/{id}/content"), 0);
}

TEST_F(Attachments, AWarmPlanMakesNoPerCaseRequests) {
  apply_all();
  repo.expect(0, {"plan"});  // reads the case its apply wrote
  emulator.reset_stats();
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kAttachmentsMatch);
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/overview"), 0);
  EXPECT_EQ(emulator.count("GET /api/testcase/attachment/{id}/content"), 0);
}

TEST_F(Attachments, AChangedFileOfTheSameSizeIsOnePutOfItsContent) {
  apply_all();
  repo.write("cases/files/form.txt", "HELLO");
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_NE(plan.out.find("~ attachments: ~ form.txt (content changed: 5 B -> 5 B)"), std::string::npos)
      << plan.out;
  EXPECT_EQ(plan.out.find("~ steps"), std::string::npos) << plan.out;
  apply_counted();
  EXPECT_EQ(emulator.count("PUT /api/testcase/attachment/{id}/content"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/attachment"), 0);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 0);
  EXPECT_EQ(emulator.count("PATCH /api/testcase/{id}"), 0);
  // The replaced content does not move lastModifiedDate: the next plan still sees it.
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kAttachmentsMatch);
}

TEST_F(Attachments, ARemovedFileIsDeletedAfterTheScenarioStopsShowingIt) {
  apply_all();
  repo.write("cases/a.yaml", case_with_files(""));
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_NE(plan.out.find("~ attachments: - form.txt (5 B)"), std::string::npos) << plan.out;
  apply_counted();
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 1);
  EXPECT_EQ(emulator.count("DELETE /api/testcase/attachment/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/testcase/attachment"), 0);
  EXPECT_EQ(overview()["scenario"]["attachments"].size(), 2u);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kAttachmentsMatch);
}

TEST_F(Attachments, MovingAStepAttachmentToAnotherStepRewritesOnlyTheScenario) {
  apply_all();
  repo.write("cases/a.yaml",
             "id: a\nname: A\nlayer: UI\nattachments: [files/cart.png, files/empty.txt]\nsteps:\n"
             "  - given: a start\n  - then: an end\n    attachments: [files/form.txt]\n");
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_EQ(plan.out.find("~ attachments"), std::string::npos) << plan.out;
  apply_counted();
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 1);
  EXPECT_EQ(writes_of_attachments(), 0);
  EXPECT_EQ(overview()["scenario"]["steps"][1]["attachments"][0]["name"], "form.txt");
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kAttachmentsMatch);
}

TEST_F(Attachments, MovingACaseAttachmentIntoAStepUploadsNothing) {
  apply_all();
  repo.write("cases/a.yaml",
             "id: a\nname: A\nlayer: UI\nattachments: [files/empty.txt]\nsteps:\n"
             "  - given: a start\n    attachments: [files/form.txt, files/cart.png]\n  - then: an end\n");
  apply_counted();
  EXPECT_EQ(writes_of_attachments(), 0);
  EXPECT_EQ(emulator.count("POST /api/testcase/{id}/scenario"), 1);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kAttachmentsMatch);
}

TEST_F(Attachments, AColdCacheDownloadsOnlyTheSameSizeCandidatesOnce) {
  apply_all();
  std::filesystem::remove_all(repo.dir() + "/.ato-sync");
  repo.write("cases/files/form.txt", "a longer text");  // another size: changed without a download
  emulator.reset_stats();
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_NE(plan.out.find("~ form.txt (content changed: 5 B -> 13 B)"), std::string::npos) << plan.out;
  EXPECT_EQ(emulator.count("GET /api/testcase/attachment/{id}/content"),
            1);  // cart.png; empty.txt needs none
  emulator.reset_stats();
  repo.expect(0, {"plan"});
  EXPECT_EQ(emulator.count("GET /api/testcase/attachment/{id}/content"), 0);
}

TEST_F(Attachments, AFileOverTheLimitFailsWithItsPlaceAndWritesNothing) {
  repo.write("ato-sync.yaml", std::string(kDefaultConfig) + "attachments: {max_bytes: 20}\n");
  const auto validate = repo.expect(1, {"validate"});
  EXPECT_NE((validate.out + validate.err)
                .find("cases/a.yaml:4:15: error: attachments[0] \"files/cart.png\" is 26 B, over "
                      "attachments.max_bytes (20 B)"),
            std::string::npos)
      << validate.out << validate.err;
  emulator.reset_stats();
  repo.expect(1, {"apply", "--auto-approve"});
  EXPECT_EQ(emulator.count("POST /api/testcase"), 0);
  EXPECT_EQ(writes_of_attachments(), 0);
}

TEST_F(Attachments, AnUploadWhoseAnswerIsLostIsNotSentTwice) {
  emulator.set_faults({{"rules",
                        {{{"method", "POST"},
                          {"route", "/api/testcase/attachment"},
                          {"action", "truncate"},
                          {"times", 1}}}}});
  apply_all();
  EXPECT_EQ(emulator.count("POST /api/testcase/attachment"), 1);
  EXPECT_EQ(emulator.count("GET /api/testcase/attachment"),
            1);  // what arrived, read instead of sending again
  EXPECT_EQ(overview()["scenario"]["attachments"].size(), 3u);
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kAttachmentsMatch);
}

TEST_F(Attachments, ImportDownloadsBesideTheYamlAndTheRoundTripShowsNoChanges) {
  apply_all();
  // Make the case unmanaged, as if it had been made in the UI.
  const auto id = emulator.cases_with_tag("ato-sync:a").at(0)["id"].get<std::int64_t>();
  emulator.post("/api/testcase/" + std::to_string(id) + "/tag", nlohmann::json::array());
  std::filesystem::remove_all(repo.dir() + "/cases");
  std::filesystem::remove_all(repo.dir() + "/.ato-sync");
  repo.expect(0, {"import", "--all"});
  const std::string stem = repo.dir() + "/cases/imported/a";
  EXPECT_EQ(read_file(stem + ".files/cart.png"), kPngBytes);
  EXPECT_EQ(read_file(stem + ".files/empty.txt"), "");
  const auto yaml = repo.read("cases/imported/a.yaml");
  EXPECT_NE(yaml.find("attachments: [a.files/cart.png, a.files/empty.txt]"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("attachments: [a.files/form.txt]"), std::string::npos) << yaml;
  emulator.reset_stats();
  const auto plan = repo.expect(0, {"plan"});
  EXPECT_NE(plan.out.find("a will be adopted"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find("~ tags: + identity tag\n\nPlan:"), std::string::npos) << plan.out;
  EXPECT_EQ(emulator.count("GET /api/testcase/attachment/{id}/content"), 0);  // the import's digests
}

TEST_F(Attachments, ASavedPlanIsStaleWhenAFileItUploadsChangedSince) {
  repo.expect(0, {"plan", "-out", "plan.json"});
  repo.write("cases/files/form.txt", "HELLO");
  emulator.reset_stats();
  const auto apply = repo.expect(1, {"apply", "plan.json"});
  EXPECT_NE(apply.err.find("Saved plan is stale: attachment files changed"), std::string::npos) << apply.err;
  EXPECT_NE(apply.err.find("form.txt changed since the plan"), std::string::npos) << apply.err;
  EXPECT_EQ(emulator.count("POST /api/testcase"), 0);
  repo.write("cases/files/form.txt", "hello");
  repo.expect(0, {"apply", "plan.json"});
  EXPECT_EQ(repo.expect(0, {"plan"}).out, kAttachmentsMatch);
}

}  // namespace
}  // namespace ato::test
