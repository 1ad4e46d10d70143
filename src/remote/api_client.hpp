#pragma once
// JSON over HTTP to Allure TestOps: auth header, retries, content checks and
// errors that name the method, the path and the status (never the token).
#include <iosfwd>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "core/testops_port.hpp"
#include "remote/auth.hpp"
#include "remote/http_transport.hpp"
#include "remote/retry_policy.hpp"

namespace ato::remote {

using json = nlohmann::json;

// The request may or may not have been processed (no answer came back).
// `still_running`: it timed out, so the server may still be working on it.
class UnknownOutcome : public core::RemoteError {
 public:
  UnknownOutcome(const std::string& message, int status, bool still_running = false)
      : core::RemoteError(message, status), still_running_(still_running) {}
  bool still_running() const { return still_running_; }

 private:
  bool still_running_;
};

enum class Retry {
  Always,      // reads and replace-style writes: safe to send again
  NotBlindly,  // creates: an unknown outcome throws UnknownOutcome instead
};

class ApiClient {
 public:
  // Targets are relative to `prefix` (config api_prefix, e.g. "/api").
  ApiClient(std::unique_ptr<HttpTransport> transport, std::string prefix, core::AuthMode mode, std::string token,
            RetryPolicy policy, std::ostream* log);

  json get(const std::string& target);
  // `body` null: no body. Returns the parsed answer (null for an empty one).
  json send(const std::string& method, const std::string& target, const json& body, Retry retry = Retry::Always);
  // A multipart/form-data body of `files` (streamed from disk); the answer parsed as JSON.
  json send_files(const std::string& method, const std::string& target, std::vector<FilePart> files,
                  Retry retry = Retry::Always);
  // The answer's bytes, whatever their type (an attachment's content).
  std::string download(const std::string& target);

 private:
  HttpResponse exchange(const HttpRequest& request, Retry retry);
  // The answer, or RemoteError for an error status (401, 403, >= 300).
  HttpResponse checked(const HttpRequest& request, Retry retry);
  json parsed_answer(const HttpRequest& request, const HttpResponse& response);
  double jitter();
  void log(const HttpRequest& request, const std::string& outcome, std::chrono::steady_clock::time_point start);

  std::unique_ptr<HttpTransport> transport_;
  std::string prefix_;
  Authenticator auth_;
  RetryPolicy policy_;
  std::ostream* log_;
  std::mutex mutex_;  // guards rng_ and log_
  std::mt19937_64 rng_{std::random_device{}()};
};

// "/api/testcase/1?x=y" -> "/api/testcase/1"
std::string path_of(const std::string& target);
// The server's `message` (or `error`, `errorMessage`) from an error body.
std::string server_message(const std::string& body);

}  // namespace ato::remote
