#include "remote/auth.hpp"

#include <curl/curl.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "core/testops_port.hpp"
#include "remote/secrets.hpp"

namespace ato::remote {
namespace {

const char* kTokenPath = "/api/uaa/oauth/token";

std::string form_escape(const std::string& value) {
  char* escaped = curl_easy_escape(nullptr, value.c_str(), static_cast<int>(value.size()));
  std::string out = escaped ? escaped : "";
  curl_free(escaped);
  return out;
}

}  // namespace

Authenticator::Authenticator(core::AuthMode mode, std::string token, HttpTransport& transport, RetryPolicy policy)
    : mode_(mode), token_(std::move(token)), transport_(transport), policy_(policy) {
  process_secrets().add(token_);
  if (mode_ == core::AuthMode::ApiToken) header_ = "Api-Token " + token_;
  if (mode_ == core::AuthMode::Bearer) header_ = "Bearer " + token_;
}

std::string Authenticator::header() {
  std::lock_guard lock(mutex_);
  if (mode_ == core::AuthMode::Exchange && (header_.empty() || std::chrono::steady_clock::now() >= renew_at_)) exchange();
  return header_;
}

bool Authenticator::renew(const std::string& rejected) {
  if (mode_ != core::AuthMode::Exchange) return false;
  std::lock_guard lock(mutex_);
  if (header_ == rejected) exchange();
  return true;
}

void Authenticator::exchange() {
  HttpRequest request{"POST", kTokenPath, "grant_type=apitoken&scope=openid&token=" + form_escape(token_),
                      "application/x-www-form-urlencoded", {}};
  HttpResponse response;
  std::chrono::milliseconds waited{0};
  // A new token each time: safe to ask again after 5xx, 429 or no answer.
  for (int attempt = 1;; ++attempt) {
    std::string failure;
    response = {};
    try {
      response = transport_.send(request);
      if (!RetryPolicy::retryable_status(response.status)) break;
      failure = "answered " + std::to_string(response.status);
    } catch (const TransportError& e) {
      failure = std::string("failed: ") + e.what();
      if (!e.worth_retrying()) throw core::RemoteError(std::string("POST ") + kTokenPath + " " + failure);
    }
    const auto delay = policy_.next_delay(attempt, response.retry_after, 0.5, waited, std::chrono::system_clock::now());
    if (!delay)
      throw core::RemoteError(std::string("POST ") + kTokenPath + " " + failure + " (gave up after " +
                                  std::to_string(attempt) + " attempts)",
                              response.status);
    std::this_thread::sleep_for(*delay);
    waited += *delay;
  }
  if (response.status == 401 || response.status == 403 || response.status == 400)
    throw core::RemoteError(std::string("POST ") + kTokenPath + " answered " + std::to_string(response.status) +
                                ": the API token was refused; check ATO_TOKEN (or --token-file) and `auth:` in the config",
                            response.status);
  nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
  if (response.status != 200 || !body.is_object() || !body.contains("access_token") || !body["access_token"].is_string())
    throw core::RemoteError(std::string("POST ") + kTokenPath + " answered " + std::to_string(response.status) +
                                (response.content_type.empty() ? "" : " with " + response.content_type) +
                                ", not a token; is the endpoint an Allure TestOps server?",
                            response.status);
  // Whatever the exchange hands out is as secret as the token itself.
  for (const char* key : {"access_token", "refresh_token", "id_token"})
    if (body.contains(key) && body[key].is_string()) process_secrets().add(body[key].get<std::string>());
  header_ = "Bearer " + body["access_token"].get<std::string>();
  const long long expires_in = body.value("expires_in", 3600LL);
  // Renew a minute early (or at half time for short-lived tokens).
  const long long margin = std::min<long long>(60, expires_in / 2);
  renew_at_ = std::chrono::steady_clock::now() + std::chrono::seconds(expires_in - margin);
}

}  // namespace ato::remote
