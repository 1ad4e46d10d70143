#include <curl/curl.h>

#include <array>
#include <mutex>
#include <vector>

#include "remote/curl_errors.hpp"
#include "remote/http_transport.hpp"

namespace ato::remote {
namespace {

std::once_flag curl_init;

// The body so far, and where it must stop.
struct BodySink {
  std::string* body;
  std::int64_t limit;
  bool too_large = false;
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
  auto& sink = *static_cast<BodySink*>(out);
  if (static_cast<std::int64_t>(sink.body->size() + size * count) > sink.limit) {
    sink.too_large = true;
    return 0;  // curl stops with CURLE_WRITE_ERROR
  }
  sink.body->append(data, size * count);
  return size * count;
}

std::size_t read_header(char* data, std::size_t size, std::size_t count, void* out) {
  std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (name == "retry-after") {
      std::string value = line.substr(colon + 1);
      const auto first = value.find_first_not_of(" \t");
      const auto last = value.find_last_not_of(" \t\r\n");
      *static_cast<std::string*>(out) = first == std::string::npos ? "" : value.substr(first, last - first + 1);
    }
  }
  return size * count;
}

class CurlTransport final : public HttpTransport {
 public:
  explicit CurlTransport(CurlOptions options) : options_(std::move(options)) {
    std::call_once(curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    // Every handle shares one DNS cache and the TLS sessions: a new
    // connection (each create has one) resumes a session instead of a full
    // handshake, and the host is looked up once.
    share_ = curl_share_init();
    curl_share_setopt(share_, CURLSHOPT_LOCKFUNC, lock_shared);
    curl_share_setopt(share_, CURLSHOPT_UNLOCKFUNC, unlock_shared);
    curl_share_setopt(share_, CURLSHOPT_USERDATA, this);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }

  ~CurlTransport() override {
    {
      std::lock_guard lock(mutex_);
      for (CURL* handle : idle_) curl_easy_cleanup(handle);
    }
    curl_share_cleanup(share_);
  }

  HttpResponse send(const HttpRequest& request) override {
    Handle handle(*this);
    CURL* curl = handle.get();
    curl_easy_reset(curl);
    HttpResponse response;
    const std::string url = options_.base_url + request.target;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_SHARE, share_);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, options_.total_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.cacert.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options_.cacert.c_str());
    curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
    // gzip only: cheap for a server to make (brotli at its default quality is not).
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    if (request.fresh_connection) {
      curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
      curl_easy_setopt(curl, CURLOPT_FORBID_REUSE, 1L);  // and close it after: no idle connection left behind
    }
    BodySink body{&response.body, options_.max_response_bytes};
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_response_bytes));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.retry_after);

    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, ("Accept: " + request.accept).c_str());
    for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    if (!request.content_type.empty() && request.files.empty())
      headers = curl_slist_append(headers, ("Content-Type: " + request.content_type).c_str());
    if (!request.files.empty()) headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    curl_mime* mime = nullptr;
    if (request.method == "GET") {
      curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else if (!request.files.empty()) {
      // libcurl reads each file as it sends it: never the whole body in memory.
      mime = curl_mime_init(curl);
      for (const auto& file : request.files) {
        curl_mimepart* part = curl_mime_addpart(mime);
        curl_mime_name(part, file.field.c_str());
        if (curl_mime_filedata(part, file.path.c_str()) != CURLE_OK) {
          curl_mime_free(mime);
          curl_slist_free_all(headers);
          throw TransportError("cannot read " + file.path, TransportError::Kind::Unusable);
        }
        curl_mime_filename(part, file.filename.c_str());
        curl_mime_type(part, file.content_type.c_str());
      }
      curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    } else {
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
      curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    }
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (mime) {
      curl_easy_setopt(curl, CURLOPT_MIMEPOST, nullptr);
      curl_mime_free(mime);
    }
    if (code != CURLE_OK) {
      CurlFailure failure{code, 0, error[0] ? error : curl_easy_strerror(code), body.too_large};
      curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &failure.os_errno);
      if (failure.too_large || code == CURLE_FILESIZE_EXCEEDED)
        failure.detail = "the answer is larger than " + std::to_string(options_.max_response_bytes >> 20) + " MiB; refused";
      throw transport_error(failure);
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    const char* type = nullptr;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
    response.status = static_cast<int>(status);
    response.content_type = type ? type : "";
    return response;
  }

 private:
  // An easy handle borrowed from the pool for one request: each keeps its
  // connection alive, so at most `parallelism` connections are ever open.
  class Handle {
   public:
    explicit Handle(CurlTransport& owner) : owner_(owner) {
      std::lock_guard lock(owner_.mutex_);
      if (!owner_.idle_.empty()) {
        curl_ = owner_.idle_.back();
        owner_.idle_.pop_back();
      }
      if (!curl_) curl_ = curl_easy_init();
    }
    ~Handle() {
      std::lock_guard lock(owner_.mutex_);
      owner_.idle_.push_back(curl_);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    CURL* get() const { return curl_; }

   private:
    CurlTransport& owner_;
    CURL* curl_ = nullptr;
  };

  static void lock_shared(CURL*, curl_lock_data data, curl_lock_access, void* self) {
    static_cast<CurlTransport*>(self)->shared_mutex(data).lock();
  }
  static void unlock_shared(CURL*, curl_lock_data data, void* self) {
    static_cast<CurlTransport*>(self)->shared_mutex(data).unlock();
  }
  std::mutex& shared_mutex(curl_lock_data data) {
    return shared_mutexes_[static_cast<std::size_t>(data) % shared_mutexes_.size()];
  }

  CurlOptions options_;
  std::mutex mutex_;
  std::vector<CURL*> idle_;
  CURLSH* share_ = nullptr;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> shared_mutexes_;
};

}  // namespace

std::unique_ptr<HttpTransport> make_curl_transport(const CurlOptions& options) {
  return std::make_unique<CurlTransport>(options);
}

}  // namespace ato::remote
