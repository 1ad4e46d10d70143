#pragma once
// The Authorization header for each auth mode (API-NOTES.md): an exchanged
// JWT renewed before it expires and once on a 401, an Api-Token, or a bearer
// token as given. The token, and every secret the exchange gives for it, is
// added to process_secrets(): no message that leaves the process shows them.
#include <chrono>
#include <mutex>
#include <string>

#include "core/config.hpp"
#include "remote/http_transport.hpp"
#include "remote/retry_policy.hpp"

namespace ato::remote {

class Authenticator {
 public:
  Authenticator(core::AuthMode mode, std::string token, HttpTransport& transport, RetryPolicy policy = {});

  // Thread-safe; exchanges the token first when needed. Throws core::RemoteError.
  std::string header();
  // The server said 401 to `rejected`: renew, unless another thread already did.
  // Returns false when renewing cannot help (api-token and bearer modes).
  bool renew(const std::string& rejected);

 private:
  void exchange();  // with mutex_ held

  core::AuthMode mode_;
  std::string token_;
  HttpTransport& transport_;
  RetryPolicy policy_;
  std::mutex mutex_;
  std::string header_;
  std::chrono::steady_clock::time_point renew_at_{};
};

}  // namespace ato::remote
