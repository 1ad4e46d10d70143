#pragma once
// One HTTP exchange, behind an interface so the layers above can be tested
// with a fake. The curl implementation is the only code that includes curl.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ato::remote {

// One file of a multipart/form-data body, streamed from disk as it is sent.
struct FilePart {
  std::string field = "file";  // the part's name
  std::string filename;        // its Content-Disposition filename
  std::string content_type;
  std::string path;            // where the bytes are read from
};

struct HttpRequest {
  std::string method;  // GET, POST, PATCH, DELETE
  std::string target;  // path and query, e.g. /api/testcase/1/overview
  std::string body;
  std::string content_type;  // of the body
  std::vector<std::pair<std::string, std::string>> headers;
  // Not safe to send twice: use a fresh connection, because curl silently
  // re-sends a request whose kept-alive connection died without an answer.
  bool fresh_connection = false;
  std::vector<FilePart> files{};  // not empty: a multipart/form-data body of these, instead of `body`
  std::string accept = "application/json";
};

struct HttpResponse {
  int status = 0;
  std::string body;
  std::string content_type;
  std::string retry_after;
};

// No (whole) answer came back. The kind says whether the server can have
// seen the request and whether sending it again can help: errors that
// retrying cannot fix are reported at once (SPEC.md §5).
class TransportError : public std::runtime_error {
 public:
  enum class Kind {
    NotSent,     // no connection (refused, unreachable, reset before the request): may work soon
    Unresolved,  // the host name does not resolve: not sent, and sending again won't help
    Untrusted,   // TLS verification or the TLS handshake failed: not sent, and sending again won't help
    Unusable,    // the URL or the answer's protocol cannot work (an https server on http://)
    Dropped,     // the connection broke: the server may have acted on it
    TimedOut,    // no answer in time: the server may still be acting on it
    TooLarge,    // the answer passed the size limit: sending again won't help
  };
  TransportError(const std::string& message, Kind kind) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }
  bool maybe_sent() const { return kind_ == Kind::Dropped || kind_ == Kind::TimedOut || kind_ == Kind::TooLarge; }
  bool worth_retrying() const { return kind_ == Kind::NotSent || kind_ == Kind::Dropped || kind_ == Kind::TimedOut; }

 private:
  Kind kind_;
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
  std::int64_t max_response_bytes = 64 << 20;  // larger answers are refused
};

// Thread-safe: each thread gets its own kept-alive connection.
std::unique_ptr<HttpTransport> make_curl_transport(const CurlOptions& options);

}  // namespace ato::remote
