// remote/api_client on its own: what a request carries, what an answer
// becomes (JSON, nothing, or an error that names method, path, status and
// the server's message), and the checks that stop a web page passing for
// JSON. The transport is a fake that records every request.
#include "remote/api_client.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <sstream>

namespace ato::remote {
namespace {

using namespace std::chrono_literals;

// Answers from a queue (the last answer repeats) and records every request.
class QueueTransport final : public HttpTransport {
 public:
  explicit QueueTransport(std::deque<HttpResponse> answers) : answers_(std::move(answers)) {}
  HttpResponse send(const HttpRequest& request) override {
    requests.push_back(request);
    HttpResponse answer = answers_.front();
    if (answers_.size() > 1) answers_.pop_front();
    return answer;
  }
  std::vector<HttpRequest> requests;

 private:
  std::deque<HttpResponse> answers_;
};

HttpResponse json_answer(int status, const std::string& body) { return {status, body, "application/json", ""}; }

struct RecordedClient {
  QueueTransport* transport = nullptr;
  std::unique_ptr<ApiClient> api;
  std::ostringstream log;
};

std::unique_ptr<RecordedClient> recorded_client(std::deque<HttpResponse> answers, core::AuthMode mode = core::AuthMode::ApiToken) {
  auto c = std::make_unique<RecordedClient>();
  auto owned = std::make_unique<QueueTransport>(std::move(answers));
  c->transport = owned.get();
  RetryPolicy policy;
  policy.max_attempts = 3;
  policy.base_delay = 1ms;
  policy.max_delay = 1ms;
  c->api = std::make_unique<ApiClient>(std::move(owned), "/api", mode, "s3cret-token", policy, &c->log);
  return c;
}

std::string header(const HttpRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.headers)
    if (key == name) return value;
  return "";
}

std::string error_of(const std::function<void()>& call, int* status = nullptr) {
  try {
    call();
  } catch (const core::RemoteError& e) {
    if (status) *status = e.status();
    return e.what();
  }
  return "";
}

TEST(ApiClient, ARequestCarriesThePrefixTheAuthorizationAndAJsonBody) {
  auto c = recorded_client({json_answer(200, R"({"id": 7})")});
  const auto answer = c->api->send("PATCH", "/testcase/7", json{{"name", "A"}});
  EXPECT_EQ(answer["id"], 7);
  ASSERT_EQ(c->transport->requests.size(), 1u);
  const auto& request = c->transport->requests[0];
  EXPECT_EQ(request.method, "PATCH");
  EXPECT_EQ(request.target, "/api/testcase/7");
  EXPECT_EQ(request.body, R"({"name":"A"})");
  EXPECT_EQ(request.content_type, "application/json");
  EXPECT_EQ(request.accept, "application/json");
  EXPECT_EQ(header(request, "Authorization"), "Api-Token s3cret-token");
  EXPECT_FALSE(request.fresh_connection);
}

TEST(ApiClient, AGetHasNoBodyAndAnEmptyAnswerIsNull) {
  auto c = recorded_client({{202, "", "", ""}});
  EXPECT_TRUE(c->api->get("/testcase/1").is_null());
  EXPECT_TRUE(c->transport->requests[0].body.empty());
  EXPECT_TRUE(c->transport->requests[0].content_type.empty());
}

TEST(ApiClient, ACreateGoesOnAFreshConnection) {
  auto c = recorded_client({json_answer(200, R"({"id": 1})")});
  c->api->send("POST", "/testcase", json{{"name", "A"}}, Retry::NotBlindly);
  EXPECT_TRUE(c->transport->requests[0].fresh_connection);
}

TEST(ApiClient, AnErrorNamesMethodPathStatusAndTheServersMessageButNotTheQuery) {
  auto c = recorded_client({json_answer(400, R"({"message": "name must not be blank"})")});
  int status = 0;
  const auto error = error_of([&] { c->api->send("POST", "/testcase?projectId=1", json::object()); }, &status);
  EXPECT_EQ(status, 400);
  EXPECT_NE(error.find("POST /api/testcase"), std::string::npos) << error;
  EXPECT_NE(error.find("400"), std::string::npos) << error;
  EXPECT_NE(error.find("name must not be blank"), std::string::npos) << error;
  EXPECT_EQ(c->transport->requests.size(), 1u) << "a 400 is not retried";
}

TEST(ApiClient, ALoginPageInsteadOfJsonIsAClearErrorNeverAParse) {
  auto c = recorded_client({{200, "<html><body>Sign in</body></html>", "text/html;charset=UTF-8", ""}});
  const auto error = error_of([&] { c->api->get("/testcase/1/overview"); });
  EXPECT_NE(error.find("GET /api/testcase/1/overview"), std::string::npos) << error;
  EXPECT_NE(error.find("text/html"), std::string::npos) << error;
  EXPECT_NE(error.find("not JSON"), std::string::npos) << error;
}

TEST(ApiClient, AnHtmlErrorPageSaysItIsNotJson) {
  auto c = recorded_client({{404, "<html>Not Found</html>", "text/html", ""}});
  int status = 0;
  const auto error = error_of([&] { c->api->get("/testcase/1"); }, &status);
  EXPECT_EQ(status, 404);
  EXPECT_NE(error.find("the answer is text/html, not JSON"), std::string::npos) << error;
}

TEST(ApiClient, MalformedJsonIsAnError) {
  auto c = recorded_client({json_answer(200, "{\"id\": ")});
  EXPECT_NE(error_of([&] { c->api->get("/testcase/1"); }).find("malformed JSON"), std::string::npos);
}

TEST(ApiClient, UnauthorizedAndForbiddenSayWhatToCheck) {
  auto c = recorded_client({json_answer(401, "{}")});
  EXPECT_NE(error_of([&] { c->api->get("/project/1"); }).find("check ATO_TOKEN"), std::string::npos);
  auto d = recorded_client({json_answer(403, "{}")});
  EXPECT_NE(error_of([&] { d->api->get("/project/1"); }).find("no rights on this project"), std::string::npos);
}

TEST(ApiClient, AServiceUnavailableIsRetriedAndThenTheAnswerCounts) {
  auto c = recorded_client({json_answer(503, R"({"message": "busy"})"), json_answer(200, R"({"ok": true})")});
  EXPECT_EQ(c->api->get("/testcase/1")["ok"], true);
  EXPECT_EQ(c->transport->requests.size(), 2u);
}

TEST(ApiClient, AGatewayTimeoutOnACreateIsAnUnknownOutcomeNotARetry) {
  auto c = recorded_client({json_answer(504, "{}"), json_answer(200, R"({"id": 1})")});
  EXPECT_THROW(c->api->send("POST", "/testcase", json{{"name", "A"}}, Retry::NotBlindly), UnknownOutcome);
  EXPECT_EQ(c->transport->requests.size(), 1u);
}

TEST(ApiClient, ADownloadKeepsTheBytesWhateverTheirType) {
  const std::string png("\x89PNG\r\n\x1a\n\0\xff", 10);
  auto c = recorded_client({{200, png, "image/png", ""}});
  EXPECT_EQ(c->api->download("/testcase/attachment/5/content"), png);
  EXPECT_EQ(c->transport->requests[0].accept, "*/*");
}

TEST(ApiClient, TheLogNamesEachRequestAndNeverTheToken) {
  auto c = recorded_client({json_answer(200, "{}")});
  c->api->get("/testcase/1");
  EXPECT_NE(c->log.str().find("ato-sync: GET /api/testcase/1 -> 200"), std::string::npos) << c->log.str();
  EXPECT_EQ(c->log.str().find("s3cret-token"), std::string::npos);
}

TEST(ApiClientHelpers, PathOfDropsTheQueryAndServerMessageReadsEachKnownKey) {
  EXPECT_EQ(path_of("/api/testcase/1?x=y&z=1"), "/api/testcase/1");
  EXPECT_EQ(path_of("/api/testcase"), "/api/testcase");
  EXPECT_EQ(server_message(R"({"message": "a"})"), "a");
  EXPECT_EQ(server_message(R"({"error": "b"})"), "b");
  EXPECT_EQ(server_message(R"({"errorMessage": "c"})"), "c");
  EXPECT_EQ(server_message("<html>"), "");
}

}  // namespace
}  // namespace ato::remote
