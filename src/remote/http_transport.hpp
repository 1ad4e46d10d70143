#pragma once
// One HTTP exchange, behind an interface so the layers above can be tested
// with a fake. The curl implementation is the only code that includes curl.
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ato::remote {

struct HttpRequest {
  std::string method;  // GET, POST, PATCH, DELETE
  std::string target;  // path and query, e.g. /api/testcase/1/overview
  std::string body;
  std::string content_type;  // of the body
  std::vector<std::pair<std::string, std::string>> headers;
  // Not safe to send twice: use a fresh connection, because curl silently
  // re-sends a request whose kept-alive connection died without an answer.
  bool fresh_connection = false;
};

struct HttpResponse {
  int status = 0;
  std::string body;
  std::string content_type;
  std::string retry_after;
};

// No answer. `maybe_sent`: the request may have reached the server (a
// timeout or a dropped connection), so a non-idempotent write may have
// happened.
class TransportError : public std::runtime_error {
 public:
  TransportError(const std::string& message, bool maybe_sent) : std::runtime_error(message), maybe_sent_(maybe_sent) {}
  bool maybe_sent() const { return maybe_sent_; }

 private:
  bool maybe_sent_;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual HttpResponse send(const HttpRequest& request) = 0;  // throws TransportError
};

struct CurlOptions {
  std::string base_url;  // scheme://host[:port], no trailing slash
  std::string cacert;    // extra CA bundle; verification is always on
  std::string user_agent;
  long connect_timeout_ms = 10000;
  long total_timeout_ms = 60000;
};

// Thread-safe: each thread gets its own kept-alive connection.
std::unique_ptr<HttpTransport> make_curl_transport(const CurlOptions& options);

}  // namespace ato::remote
