// Errors that retrying cannot fix are reported at once, the others are
// retried (SPEC.md §5), class by class. The fake transport fails the way
// libcurl does, by its codes: no request leaves the process and no host
// name is ever resolved.
#include <curl/curl.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <functional>

#include "remote/api_client.hpp"
#include "remote/curl_errors.hpp"

namespace ato::remote {
namespace {

using namespace std::chrono_literals;
using Answer = std::function<HttpResponse()>;

// Every request gets the same answer (or failure); counts the attempts.
class ScriptedTransport final : public HttpTransport {
 public:
  explicit ScriptedTransport(Answer answer) : answer_(std::move(answer)) {}
  HttpResponse send(const HttpRequest&) override {
    ++attempts;
    return answer_();
  }
  std::atomic<int> attempts{0};

 private:
  Answer answer_;
};

Answer curl_fails(int code, long os_errno = 0, const std::string& detail = "curl's message") {
  return [=]() -> HttpResponse { throw transport_error({code, os_errno, detail, false}); };
}

Answer answers(int status) {
  return [=] { return HttpResponse{status, R"({"message":"the server's message"})", "application/json", ""}; };
}

struct Outcome {
  int attempts = 0;
  std::string error;  // empty: it succeeded
  int status = 0;
  bool unknown = false;  // UnknownOutcome: a create that is not sent again blindly
};

enum class Request { Read, Create };

Outcome run(Answer answer, Request request = Request::Read, core::AuthMode mode = core::AuthMode::ApiToken) {
  auto owned = std::make_unique<ScriptedTransport>(std::move(answer));
  auto* transport = owned.get();
  RetryPolicy policy;
  policy.max_attempts = 4;
  policy.base_delay = 1ms;
  policy.max_delay = 2ms;
  ApiClient client(std::move(owned), "/api", mode, "t0ken", policy, nullptr);
  Outcome out;
  try {
    if (request == Request::Read) client.get("/testcase/1/overview");
    else client.send("POST", "/testcase", json{{"name", "x"}}, Retry::NotBlindly);
  } catch (const UnknownOutcome& e) {
    out.unknown = true;
    out.error = e.what();
  } catch (const core::RemoteError& e) {
    out.error = e.what();
    out.status = e.status();
  }
  out.attempts = transport->attempts;
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(ErrorClasses, HostNameThatDoesNotResolveIsReportedAtOnceWithWhatToCheck) {
  const auto out = run(curl_fails(CURLE_COULDNT_RESOLVE_HOST, 0, "Could not resolve host: testops.exmaple.com"));
  EXPECT_EQ(out.attempts, 1);
  EXPECT_TRUE(contains(out.error, "GET /api/testcase/1/overview failed: Could not resolve host: testops.exmaple.com"))
      << out.error;
  EXPECT_TRUE(contains(out.error, "does not resolve: check `endpoint`")) << out.error;
  EXPECT_FALSE(contains(out.error, "gave up")) << out.error;
}

TEST(ErrorClasses, ProxyThatDoesNotResolveIsReportedAtOnce) {
  const auto out = run(curl_fails(CURLE_COULDNT_RESOLVE_PROXY, 0, "Could not resolve proxy: proxy.corp"));
  EXPECT_EQ(out.attempts, 1);
  EXPECT_TRUE(contains(out.error, "HTTPS_PROXY")) << out.error;
}

TEST(ErrorClasses, HostNameThatDoesNotResolveFailsTheTokenExchangeAtOnce) {
  const auto out = run(curl_fails(CURLE_COULDNT_RESOLVE_HOST), Request::Read, core::AuthMode::Exchange);
  EXPECT_EQ(out.attempts, 1);
  EXPECT_TRUE(contains(out.error, "POST /api/uaa/oauth/token failed: ")) << out.error;
}

TEST(ErrorClasses, ConnectionRefusedIsRetried) {
  const auto out = run(curl_fails(CURLE_COULDNT_CONNECT, ECONNREFUSED, "Failed to connect to 127.0.0.1 port 1"));
  EXPECT_EQ(out.attempts, 4);
  EXPECT_TRUE(contains(out.error, "(gave up after 4 attempts)")) << out.error;
}

TEST(ErrorClasses, RefusedCreateIsSentAgainBecauseItNeverArrived) {
  const auto out = run(curl_fails(CURLE_COULDNT_CONNECT, ECONNREFUSED), Request::Create);
  EXPECT_EQ(out.attempts, 4);
  EXPECT_FALSE(out.unknown);
}

TEST(ErrorClasses, ConnectionResetOrClosedIsRetried) {
  EXPECT_EQ(run(curl_fails(CURLE_RECV_ERROR, ECONNRESET, "Recv failure: Connection reset by peer")).attempts, 4);
  EXPECT_EQ(run(curl_fails(CURLE_GOT_NOTHING, 0, "Empty reply from server")).attempts, 4);
  EXPECT_EQ(run(curl_fails(CURLE_SEND_ERROR, EPIPE)).attempts, 4);
}

TEST(ErrorClasses, CreateWhoseConnectionBrokeIsNotSentAgainBlindly) {
  const auto out = run(curl_fails(CURLE_RECV_ERROR, ECONNRESET), Request::Create);
  EXPECT_EQ(out.attempts, 1);
  EXPECT_TRUE(out.unknown);
}

TEST(ErrorClasses, TlsVerificationFailureIsReportedAtOnceWithWhatToCheck) {
  const auto out = run(curl_fails(CURLE_PEER_FAILED_VERIFICATION, 0, "SSL certificate problem: self-signed certificate"));
  EXPECT_EQ(out.attempts, 1);
  EXPECT_TRUE(contains(out.error, "self-signed certificate")) << out.error;
  EXPECT_TRUE(contains(out.error, "--cacert")) << out.error;
}

TEST(ErrorClasses, PlainHttpServerOnAnHttpsUrlIsReportedAtOnce) {
  // What curl 7.88 with OpenSSL 3 says when the server answers in plain HTTP.
  const auto out = run(curl_fails(CURLE_SSL_CONNECT_ERROR, 0,
                                  "OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number"));
  EXPECT_EQ(out.attempts, 1);
  EXPECT_TRUE(contains(out.error, "does the server speak https on that port?")) << out.error;
}

TEST(ErrorClasses, TlsHandshakeThatTheNetworkBrokeOffIsRetried) {
  EXPECT_EQ(run(curl_fails(CURLE_SSL_CONNECT_ERROR, ECONNRESET, "Recv failure: Connection reset by peer")).attempts, 4);
  EXPECT_EQ(run(curl_fails(CURLE_SSL_CONNECT_ERROR, 0,
                           "OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to 127.0.0.1:443"))
                .attempts,
            4);
}

TEST(ErrorClasses, EndpointThatCurlCannotUseIsReportedAtOnce) {
  EXPECT_EQ(run(curl_fails(CURLE_UNSUPPORTED_PROTOCOL, 0, "Received HTTP/0.9 when not allowed")).attempts, 1);
  EXPECT_EQ(run(curl_fails(CURLE_URL_MALFORMAT)).attempts, 1);
}

TEST(ErrorClasses, ClientErrorsAreReportedAtOnce) {
  for (int status : {400, 404, 405, 409, 413, 422}) {
    const auto out = run(answers(status));
    EXPECT_EQ(out.attempts, 1) << status;
    EXPECT_EQ(out.status, status);
    EXPECT_TRUE(contains(out.error, "answered " + std::to_string(status) + ": the server's message")) << out.error;
  }
  EXPECT_EQ(run(answers(401)).attempts, 1);  // api-token mode: nothing to renew
  EXPECT_EQ(run(answers(403)).attempts, 1);
}

TEST(ErrorClasses, RequestTimeoutAndTooManyRequestsAreRetried) {
  for (int status : {408, 429}) {
    const auto out = run(answers(status));
    EXPECT_EQ(out.attempts, 4) << status;
    EXPECT_TRUE(contains(out.error, "(gave up after 4 attempts)")) << out.error;
  }
}

TEST(ErrorClasses, CreateAnswered408IsNotSentAgainBlindly) {
  const auto out = run(answers(408), Request::Create);
  EXPECT_EQ(out.attempts, 1);
  EXPECT_TRUE(out.unknown);
}

TEST(ErrorClasses, UnavailableServerAndGatewayErrorsAreRetried) {
  for (int status : {502, 503, 504}) EXPECT_EQ(run(answers(status)).attempts, 4) << status;
}

TEST(ErrorClasses, ServerErrorOutsideTheRetryListIsReportedAtOnce) {
  EXPECT_EQ(run(answers(500)).attempts, 1);
}

TEST(ErrorClasses, ReadThatTimedOutIsRetried) {
  EXPECT_EQ(run(curl_fails(CURLE_OPERATION_TIMEDOUT, 0, "Operation timed out after 60000 milliseconds")).attempts, 4);
}

TEST(ErrorClasses, CreateThatTimedOutIsNeverSentAgain) {
  const auto out = run(curl_fails(CURLE_OPERATION_TIMEDOUT), Request::Create);
  EXPECT_EQ(out.attempts, 1);
  EXPECT_TRUE(out.unknown);
}

TEST(ErrorClasses, AnswerPastTheSizeLimitIsNotFetchedAgain) {
  EXPECT_EQ(run([]() -> HttpResponse { throw transport_error({CURLE_WRITE_ERROR, 0, "too large", true}); }).attempts, 1);
}

}  // namespace
}  // namespace ato::remote
