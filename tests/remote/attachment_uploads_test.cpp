// The adapter's attachment requests over a fake transport: multipart parts
// with the file's name and type, batches that stay under the server's body
// limit, and an upload whose answer was lost taken from the case's list
// instead of being sent again.
#include <gtest/gtest.h>

#include <mutex>

#include "remote/testops_adapter.hpp"

namespace ato::remote {
namespace {

using namespace std::chrono_literals;

class AttachmentServer final : public HttpTransport {
 public:
  std::vector<HttpRequest> requests;
  bool drop_first_upload = false;
  std::vector<json> stored;

  HttpResponse send(const HttpRequest& request) override {
    std::lock_guard lock(mutex_);
    requests.push_back(request);
    if (request.method == "GET")
      return {200, json{{"content", stored}, {"last", true}}.dump(), "application/json", ""};
    json rows = json::array();
    for (const auto& part : request.files) {
      stored.push_back(
          {{"id", 100 + static_cast<int>(stored.size())}, {"name", part.filename}, {"contentLength", 5}});
      rows.push_back(stored.back());
    }
    if (drop_first_upload && request.method == "POST") {
      drop_first_upload = false;
      throw TransportError("connection reset", TransportError::Kind::Dropped);
    }
    return {200, rows.dump(), "application/json", ""};
  }

 private:
  std::mutex mutex_;
};

struct Fixture {
  AttachmentServer* server = nullptr;
  std::unique_ptr<TestOpsAdapter> adapter;
};

Fixture adapter() {
  auto owned = std::make_unique<AttachmentServer>();
  Fixture f;
  f.server = owned.get();
  RetryPolicy policy;
  policy.base_delay = 1ms;
  policy.max_delay = 2ms;
  core::Config config;
  config.auth = core::AuthMode::ApiToken;
  f.adapter = std::make_unique<TestOpsAdapter>(
      config,
      std::make_unique<ApiClient>(std::move(owned), "/api", core::AuthMode::ApiToken, "t", policy, nullptr));
  return f;
}

core::Attachment file(const std::string& name, std::int64_t size) {
  return {name, size, "x", "/files/" + name, 0, ""};
}

TEST(AttachmentUploads, OneMultipartRequestNamesEachFileWithItsType) {
  auto f = adapter();
  const auto ids = f.adapter->upload_attachments(7, {file("cart.png", 5), file("notes", 5)});
  ASSERT_EQ(f.server->requests.size(), 1u);
  const auto& request = f.server->requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/api/testcase/attachment?testCaseId=7");
  ASSERT_EQ(request.files.size(), 2u);
  EXPECT_EQ(request.files[0].field, "file");
  EXPECT_EQ(request.files[0].filename, "cart.png");
  EXPECT_EQ(request.files[0].content_type, "image/png");
  EXPECT_EQ(request.files[0].path, "/files/cart.png");
  EXPECT_EQ(request.files[1].content_type, "application/octet-stream");
  EXPECT_EQ(ids, (std::map<std::string, std::int64_t>{{"cart.png", 100}, {"notes", 101}}));
}

TEST(AttachmentUploads, FilesThatTogetherPassTenMebibytesGoInSeveralRequests) {
  auto f = adapter();
  const auto ids =
      f.adapter->upload_attachments(7, {file("a.bin", 6 << 20), file("b.bin", 6 << 20), file("c.bin", 1)});
  ASSERT_EQ(f.server->requests.size(), 2u);
  EXPECT_EQ(f.server->requests[0].files.size(), 1u);
  EXPECT_EQ(f.server->requests[1].files.size(), 2u);
  EXPECT_EQ(ids.size(), 3u);
}

TEST(AttachmentUploads, ALostAnswerIsReadFromTheCasesListNotSentAgain) {
  auto f = adapter();
  f.server->drop_first_upload = true;
  const auto ids = f.adapter->upload_attachments(7, {file("cart.png", 5)});
  ASSERT_EQ(f.server->requests.size(), 2u);
  EXPECT_EQ(f.server->requests[1].method, "GET");
  EXPECT_EQ(f.server->stored.size(), 1u);
  EXPECT_EQ(ids, (std::map<std::string, std::int64_t>{{"cart.png", 100}}));
}

TEST(AttachmentUploads, ReplacingContentIsOnePutOfOnePart) {
  auto f = adapter();
  f.adapter->replace_attachment(55, file("cart.png", 5));
  ASSERT_EQ(f.server->requests.size(), 1u);
  EXPECT_EQ(f.server->requests[0].method, "PUT");
  EXPECT_EQ(f.server->requests[0].target, "/api/testcase/attachment/55/content");
  EXPECT_EQ(f.server->requests[0].files.size(), 1u);
}

}  // namespace
}  // namespace ato::remote
