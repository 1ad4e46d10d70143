#include "remote/api_client.hpp"

#include <ostream>
#include <thread>

namespace ato::remote {
namespace {

bool is_json(const std::string& content_type) { return content_type.find("json") != std::string::npos; }

std::string describe_status(const HttpRequest& request, const HttpResponse& response) {
  return request.method + " " + path_of(request.target) + " answered " + std::to_string(response.status);
}

}  // namespace

std::string path_of(const std::string& target) { return target.substr(0, target.find('?')); }

std::string server_message(const std::string& body) {
  const json parsed = json::parse(body, nullptr, false);
  if (!parsed.is_object()) return {};
  for (const char* key : {"message", "errorMessage", "error"})
    if (parsed.contains(key) && parsed[key].is_string()) return parsed[key].get<std::string>();
  return {};
}

ApiClient::ApiClient(std::unique_ptr<HttpTransport> transport, std::string prefix, core::AuthMode mode,
                     std::string token, RetryPolicy policy, std::ostream* log)
    : transport_(std::move(transport)),
      prefix_(std::move(prefix)),
      auth_(mode, std::move(token), *transport_, policy),
      policy_(policy),
      log_(log) {}

double ApiClient::jitter() {
  std::lock_guard lock(mutex_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
}

void ApiClient::log(const HttpRequest& request, const std::string& outcome,
                    std::chrono::steady_clock::time_point start) {
  if (!log_) return;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  std::lock_guard lock(mutex_);
  *log_ << "ato-sync: " << request.method << " " << request.target << " -> " << outcome << " (" << ms.count()
        << " ms)\n";
}

HttpResponse ApiClient::exchange(const HttpRequest& base, Retry retry) {
  std::chrono::milliseconds waited{0};
  bool renewed = false;
  for (int attempt = 1;; ++attempt) {
    HttpRequest request = base;
    const std::string authorization = auth_.header();
    request.headers.emplace_back("Authorization", authorization);
    const auto start = std::chrono::steady_clock::now();
    std::string retry_after;
    std::string failure;
    try {
      HttpResponse response = transport_->send(request);
      log(request, std::to_string(response.status), start);
      if (response.status == 401 && !renewed && auth_.renew(authorization)) {
        renewed = true;
        --attempt;
        continue;
      }
      if (!RetryPolicy::retryable_status(response.status)) return response;
      // A gateway error or a proxy's 408 may hide a request the server did process.
      if (retry == Retry::NotBlindly && (response.status == 408 || response.status == 502 || response.status == 504))
        throw UnknownOutcome(describe_status(request, response), response.status);
      retry_after = response.retry_after;
      failure = describe_status(request, response);
      if (const auto message = server_message(response.body); !message.empty()) failure += ": " + message;
    } catch (const TransportError& e) {
      log(request, std::string("no answer: ") + e.what(), start);
      failure = request.method + " " + path_of(request.target) + " failed: " + e.what();
      if (!e.worth_retrying()) throw core::RemoteError(failure);
      if (e.maybe_sent() && retry == Retry::NotBlindly)
        throw UnknownOutcome(failure, 0, e.kind() == TransportError::Kind::TimedOut);
    }
    const auto delay = policy_.next_delay(attempt, retry_after, jitter(), waited, std::chrono::system_clock::now());
    if (!delay) throw core::RemoteError(failure + " (gave up after " + std::to_string(attempt) + " attempts)");
    std::this_thread::sleep_for(*delay);
    waited += *delay;
  }
}

json ApiClient::get(const std::string& target) { return send("GET", target, nullptr); }

json ApiClient::send(const std::string& method, const std::string& target, const json& body, Retry retry) {
  HttpRequest request{method, prefix_ + target, body.is_null() ? std::string() : body.dump(),
                      body.is_null() ? std::string() : "application/json", {}, retry == Retry::NotBlindly};
  return parsed_answer(request, checked(request, retry));
}

json ApiClient::send_files(const std::string& method, const std::string& target, std::vector<FilePart> files,
                           Retry retry) {
  HttpRequest request{method, prefix_ + target, {}, {}, {}, retry == Retry::NotBlindly};
  request.files = std::move(files);
  return parsed_answer(request, checked(request, retry));
}

std::string ApiClient::download(const std::string& target) {
  HttpRequest request{"GET", prefix_ + target, {}, {}, {}, false};
  request.accept = "*/*";
  return checked(request, Retry::Always).body;
}

HttpResponse ApiClient::checked(const HttpRequest& request, Retry retry) {
  HttpResponse response = exchange(request, retry);
  const std::string what = describe_status(request, response);
  const bool answer_is_json = is_json(response.content_type);
  if (response.status == 401)
    throw core::RemoteError(what + ": authentication failed; check ATO_TOKEN (or --token-file) and `auth:` in the config", 401);
  if (response.status == 403)
    throw core::RemoteError(what + ": forbidden; the token's user has no rights on this project", 403);
  if (response.status >= 300) {
    std::string message = answer_is_json ? server_message(response.body) : "";
    if (message.empty() && !response.content_type.empty() && !answer_is_json)
      message = "the answer is " + response.content_type + ", not JSON (a proxy or a login page?)";
    throw core::RemoteError(what + (message.empty() ? "" : ": " + message), response.status);
  }
  return response;
}

json ApiClient::parsed_answer(const HttpRequest& request, const HttpResponse& response) {
  const std::string what = describe_status(request, response);
  if (response.body.empty()) return nullptr;
  if (!is_json(response.content_type))
    throw core::RemoteError(what + " with " + (response.content_type.empty() ? "no content type" : response.content_type) +
                                ", not JSON (a login page or a proxy? check endpoint and api_prefix)",
                            response.status);
  json parsed = json::parse(response.body, nullptr, false);
  if (parsed.is_discarded()) throw core::RemoteError(what + " with malformed JSON", response.status);
  return parsed;
}

}  // namespace ato::remote
