// The emulator's attachment routes, in the shapes of API-NOTES.md "Test case
// attachments": multipart uploads, the nested and normalized read forms,
// content replacement and the delete that a scenario step blocks.
#include <gtest/gtest.h>
#include <httplib.h>

#include "support/emulator.hpp"

namespace ato::test {
namespace {

using json = nlohmann::json;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n\0\x01\x02", 11);

class EmulatorAttachments : public ::testing::Test {
 protected:
  Emulator e;
  httplib::Client client{"127.0.0.1", e.port()};
  std::int64_t case_id = 0;

  void SetUp() override {
    client.set_default_headers({{"Authorization", std::string("Api-Token ") + Emulator::kToken}});
    case_id = e.post("/api/testcase", {{"projectId", 1}, {"name", "X"}})["id"].get<std::int64_t>();
  }
  httplib::Result upload(const httplib::MultipartFormDataItems& items) {
    return client.Post(("/api/testcase/attachment?testCaseId=" + std::to_string(case_id)).c_str(), items);
  }
  std::string case_path() const { return "/api/testcase/" + std::to_string(case_id); }
};

TEST_F(EmulatorAttachments, OneRowPerPartWithNameTypeAndLength) {
  const auto res = upload({{"file", kPng, "cart.png", "image/png"}, {"file", "", "empty.txt", ""}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const auto rows = json::parse(res->body);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["name"], "cart.png");
  EXPECT_EQ(rows[0]["contentType"], "image/png");
  EXPECT_EQ(rows[0]["contentLength"], 11);
  EXPECT_EQ(rows[0]["entity"], "test_case");
  EXPECT_EQ(rows[1]["contentType"], "application/octet-stream");
  EXPECT_EQ(rows[1]["contentLength"], 0);
  const auto content = client.Get(
      ("/api/testcase/attachment/" + std::to_string(rows[0]["id"].get<int>()) + "/content").c_str());
  ASSERT_TRUE(content);
  EXPECT_EQ(content->body, kPng);
  EXPECT_EQ(content->get_header_value("Content-Type"), "image/png");
  EXPECT_NE(content->get_header_value("Content-Disposition").find("cart.png"), std::string::npos);
}

TEST_F(EmulatorAttachments, BadUploadsAreRefused) {
  EXPECT_EQ(
      e.status_of("POST", "/api/testcase/attachment?testCaseId=" + std::to_string(case_id), json::object()),
      415);
  EXPECT_EQ(upload({{"other", "x", "a.txt", ""}})->status, 400);
  EXPECT_EQ(upload({{"file", "x", "", ""}})->status, 400);
  EXPECT_EQ(upload({{"file", std::string((10 << 20) + 1, 'x'), "big.bin", ""}})->status, 413);
}

TEST_F(EmulatorAttachments, StepsShowAttachmentsInTheNestedAndNormalizedForms) {
  const auto rows = json::parse(upload({{"file", kPng, "cart.png", "image/png"}})->body);
  const auto id = rows[0]["id"].get<std::int64_t>();
  e.post(case_path() + "/scenario", {{"steps",
                                      {{{"type", "body"},
                                        {"body", "Given x"},
                                        {"steps", {{{"type", "attachment"}, {"attachmentId", id}}}}}}}});
  const auto overview = e.get(case_path() + "/overview");
  EXPECT_EQ(overview["scenario"]["attachments"][0]["name"], "cart.png");
  const auto& step = overview["scenario"]["steps"][0];
  EXPECT_TRUE(step["steps"].empty());
  EXPECT_EQ(step["attachments"][0]["id"], id);
  const auto flat = e.get(case_path() + "/step");
  EXPECT_EQ(flat["attachments"][std::to_string(id)]["name"], "cart.png");
  bool found = false;
  for (const auto& [key, s] : flat["scenarioSteps"].items())
    found = found || s.value("attachmentId", 0) == id;
  EXPECT_TRUE(found);
}

TEST_F(EmulatorAttachments, AScenarioMayNameOnlyTheCasesOwnAttachments) {
  const auto other = e.post("/api/testcase", {{"projectId", 1}, {"name", "Y"}})["id"].get<std::int64_t>();
  const auto res = client.Post(("/api/testcase/attachment?testCaseId=" + std::to_string(other)).c_str(),
                               httplib::MultipartFormDataItems{{"file", "x", "a.txt", ""}});
  const auto foreign = json::parse(res->body)[0]["id"].get<std::int64_t>();
  EXPECT_EQ(e.status_of("POST", case_path() + "/scenario",
                        {{"steps", {{{"type", "attachment"}, {"attachmentId", foreign}}}}}),
            400);
}

TEST_F(EmulatorAttachments, DeleteIsRefusedWhileAStepShowsTheFile) {
  const auto id =
      json::parse(upload({{"file", kPng, "cart.png", "image/png"}})->body)[0]["id"].get<std::int64_t>();
  e.post(
      case_path() + "/scenario",
      {{"steps",
        {{{"type", "body"}, {"body", "x"}, {"steps", {{{"type", "attachment"}, {"attachmentId", id}}}}}}}});
  const std::string one = "/api/testcase/attachment/" + std::to_string(id);
  EXPECT_EQ(e.status_of("DELETE", one), 409);
  e.post(case_path() + "/scenario", {{"steps", json::array()}});
  EXPECT_EQ(e.status_of("DELETE", one), 200);
  EXPECT_TRUE(e.get(case_path() + "/overview")["scenario"]["attachments"].empty());
}

TEST_F(EmulatorAttachments, UploadAndDeleteMoveLastModifiedButReplacingContentDoesNot) {
  const auto before = e.get(case_path())["lastModifiedDate"].get<std::int64_t>();
  const auto id =
      json::parse(upload({{"file", "abc", "a.txt", "text/plain"}})->body)[0]["id"].get<std::int64_t>();
  const auto uploaded = e.get(case_path())["lastModifiedDate"].get<std::int64_t>();
  EXPECT_GT(uploaded, before);
  const auto put = client.Put(("/api/testcase/attachment/" + std::to_string(id) + "/content").c_str(),
                              httplib::MultipartFormDataItems{{"file", "abcd", "ignored.txt", ""}});
  ASSERT_EQ(put->status, 200);
  EXPECT_EQ(json::parse(put->body)["contentLength"], 4);
  EXPECT_EQ(json::parse(put->body)["name"], "a.txt");
  EXPECT_EQ(e.get(case_path())["lastModifiedDate"].get<std::int64_t>(), uploaded);
}

TEST(EmulatorAttachmentState, BinaryContentPersistsAcrossRestarts) {
  const std::string state = make_temp_dir() + "/state.json";
  std::int64_t id = 0;
  {
    Emulator e({"--state", state});
    const auto c = e.post("/api/testcase", {{"projectId", 1}, {"name", "X"}})["id"].get<std::int64_t>();
    httplib::Client client("127.0.0.1", e.port());
    client.set_default_headers({{"Authorization", std::string("Api-Token ") + Emulator::kToken}});
    const auto res = client.Post(("/api/testcase/attachment?testCaseId=" + std::to_string(c)).c_str(),
                                 httplib::MultipartFormDataItems{{"file", kPng, "cart.png", "image/png"}});
    id = json::parse(res->body)[0]["id"].get<std::int64_t>();
  }
  Emulator again({"--state", state});
  httplib::Client client("127.0.0.1", again.port());
  client.set_default_headers({{"Authorization", std::string("Api-Token ") + Emulator::kToken}});
  const auto content = client.Get(("/api/testcase/attachment/" + std::to_string(id) + "/content").c_str());
  ASSERT_TRUE(content);
  EXPECT_EQ(content->body, kPng);
}

}  // namespace
}  // namespace ato::test
