#include "remote/auth.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/testops_port.hpp"

namespace ato::remote {
namespace {

// Hands out a new JWT per exchange and records every request.
class TokenServer final : public HttpTransport {
 public:
  int status = 200;
  long long expires_in = 3599;
  std::vector<HttpRequest> requests;

  HttpResponse send(const HttpRequest& request) override {
    requests.push_back(request);
    if (status != 200) return {status, R"({"message":"no"})", "application/json", ""};
    const std::string jwt = "jwt-number-" + std::to_string(requests.size());
    return {200, nlohmann::json{{"access_token", jwt}, {"token_type", "bearer"}, {"expires_in", expires_in}}.dump(),
            "application/json", ""};
  }
};

TEST(Authenticator, ExchangesTheTokenOnceAndSendsTheJwt) {
  TokenServer server;
  Authenticator auth(core::AuthMode::Exchange, "secret token+1", server);
  EXPECT_EQ(auth.header(), "Bearer jwt-number-1");
  EXPECT_EQ(auth.header(), "Bearer jwt-number-1");
  ASSERT_EQ(server.requests.size(), 1u);
  EXPECT_EQ(server.requests[0].method, "POST");
  EXPECT_EQ(server.requests[0].target, "/api/uaa/oauth/token");  // never under the prefix
  EXPECT_EQ(server.requests[0].content_type, "application/x-www-form-urlencoded");
  EXPECT_EQ(server.requests[0].body, "grant_type=apitoken&scope=openid&token=secret%20token%2B1");
}

TEST(Authenticator, RenewsOnceOnA401EvenWhenManyRequestsSawIt) {
  TokenServer server;
  Authenticator auth(core::AuthMode::Exchange, "secret-token", server);
  const auto first = auth.header();
  EXPECT_TRUE(auth.renew(first));
  EXPECT_TRUE(auth.renew(first));  // another request rejected with the same JWT: already renewed
  EXPECT_EQ(server.requests.size(), 2u);
  EXPECT_EQ(auth.header(), "Bearer jwt-number-2");
}

TEST(Authenticator, AShortLivedJwtIsRenewedBeforeItRunsOut) {
  TokenServer server;
  server.expires_in = 0;  // renew at once
  Authenticator auth(core::AuthMode::Exchange, "secret-token", server);
  auth.header();
  auth.header();
  EXPECT_EQ(server.requests.size(), 2u);
}

TEST(Authenticator, ARefusedTokenSaysWhatToCheck) {
  TokenServer server;
  server.status = 401;
  Authenticator auth(core::AuthMode::Exchange, "secret-token", server);
  try {
    auth.header();
    FAIL() << "no error";
  } catch (const core::RemoteError& e) {
    EXPECT_EQ(e.status(), 401);
    EXPECT_NE(std::string(e.what()).find("the API token was refused"), std::string::npos);
    EXPECT_EQ(std::string(e.what()).find("secret-token"), std::string::npos);
  }
}

TEST(Authenticator, ApiTokenAndBearerModesSendTheTokenAndCannotRenew) {
  TokenServer server;
  Authenticator api(core::AuthMode::ApiToken, "secret-token", server);
  EXPECT_EQ(api.header(), "Api-Token secret-token");
  EXPECT_FALSE(api.renew(api.header()));
  Authenticator bearer(core::AuthMode::Bearer, "given.jwt.value", server);
  EXPECT_EQ(bearer.header(), "Bearer given.jwt.value");
  EXPECT_FALSE(bearer.renew(bearer.header()));
  EXPECT_TRUE(server.requests.empty());
}

}  // namespace
}  // namespace ato::remote
