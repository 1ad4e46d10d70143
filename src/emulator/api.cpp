#include "emulator/api.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <thread>

namespace ato::emulator {
namespace {

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.is_null() ? std::string() : body.dump(), "application/json");
}

std::string reason_phrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}


// "Name: value; ..." of every header, as a proxy's error page shows them.
std::string headers_text(const httplib::Request& req) {
  std::string out;
  for (const auto& [name, value] : req.headers) out += (out.empty() ? "" : "; ") + name + ": " + value;
  return out;
}

int port_of(const sockaddr_storage& addr) {
  if (addr.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(addr).sin_port);
  if (addr.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(addr).sin6_port);
  return -1;
}

// Closes the connection a request came on, so the client gets no answer.
// httplib does not expose the socket, so find it by its two ports.
void drop_connection(const httplib::Request& req) {
  DIR* dir = opendir("/proc/self/fd");
  if (!dir) return;
  while (dirent* entry = readdir(dir)) {
    const int fd = std::atoi(entry->d_name);
    if (fd <= 2) continue;
    sockaddr_storage local{}, peer{};
    socklen_t local_len = sizeof local, peer_len = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) continue;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) continue;
    if (port_of(local) == req.local_port && port_of(peer) == req.remote_port) {
      shutdown(fd, SHUT_RDWR);
      break;
    }
  }
  closedir(dir);
}

// A body that breaks off halfway: the declared length is never reached.
void send_truncated(httplib::Response& res, int status, const json& body) {
  auto text = std::make_shared<std::string>(body.dump());
  res.status = status;
  res.set_content_provider(text->size(), "application/json",
                           [text](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                             if (offset == 0) sink.write(text->data(), text->size() / 2);
                             return false;  // and close the connection
                           });
}

// A body of `bytes` bytes, sent in chunks with no declared length.
void send_oversized(httplib::Response& res, std::int64_t bytes) {
  res.status = 200;
  auto sent = std::make_shared<std::int64_t>(0);
  res.set_chunked_content_provider("application/json", [bytes, sent](std::size_t, httplib::DataSink& sink) {
    static const std::string chunk(1 << 20, ' ');
    if (*sent >= bytes) {
      sink.done();
      return true;
    }
    const auto n = static_cast<std::size_t>(std::min<std::int64_t>(bytes - *sent, chunk.size()));
    *sent += static_cast<std::int64_t>(n);
    return sink.write(chunk.data(), n);
  });
}

std::string random_hex(std::size_t n) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(digits[rng() % 16]);
  return out;
}

}  // namespace

json error_body(int status, const std::string& message) {
  return {{"status", status}, {"error", reason_phrase(status)}, {"message", message}};
}

std::int64_t int_param(const httplib::Request& req, const std::string& name, std::int64_t fallback) {
  if (!req.has_param(name)) return fallback;
  try {
    return std::stoll(req.get_param_value(name));
  } catch (const std::exception&) {
    throw BadRequest("query parameter '" + name + "' must be a number");
  }
}

Api::Api(Options options, Store& store)
    : options_(std::move(options)), store_(store), faults_(options_.faults, options_.seed) {}

void Api::save_state() {
  if (options_.state_file.empty()) return;
  const std::string temp = options_.state_file + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << store_.to_json();
  }
  std::rename(temp.c_str(), options_.state_file.c_str());
}

std::optional<std::string> Api::authenticate(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  if (header == "Api-Token " + options_.token) return "emulator";
  const std::string bearer = "Bearer ";
  if (header.rfind(bearer, 0) == 0) {
    const std::string jwt = header.substr(bearer.size());
    std::lock_guard lock(tokens_mutex_);
    const auto it = jwts_.find(jwt);
    if (it != jwts_.end() && std::chrono::steady_clock::now() < it->second) return "emulator";
  }
  return std::nullopt;
}

Answer Api::exchange_token(const httplib::Request& req) {
  if (req.get_param_value("grant_type") != "apitoken" || req.get_param_value("token") != options_.token)
    return {401, error_body(401, "invalid API token")};
  const std::string jwt = "eyJhbGciOiJIUzI1NiJ9." + random_hex(32) + "." + random_hex(16);
  {
    std::lock_guard lock(tokens_mutex_);
    jwts_[jwt] = std::chrono::steady_clock::now() + std::chrono::seconds(options_.jwt_ttl_seconds);
  }
  return {200, {{"access_token", jwt},
                {"token_type", "bearer"},
                {"expires_in", options_.jwt_ttl_seconds},
                {"scope", "openid"},
                {"jti", random_hex(8)}}};
}

void Api::route(httplib::Server& server, const std::string& method, const std::string& pattern, bool write,
                Handler handler) {
  auto wrapped = [this, write, handler](const httplib::Request& req, httplib::Response& res) {
    stats_.count(req.method, req.path);
    stats_.begin();
    struct InFlight {
      Stats& stats;
      ~InFlight() { stats.end(); }
    } in_flight{stats_};
    std::this_thread::sleep_for(faults_.delay());
    const auto rule = faults_.take_rule(req.method, route_template(req.path));
    using Action = Rule::Action;
    if (rule && rule->action == Action::Status)
      return send_json(res, rule->status, error_body(rule->status, "injected by the emulator's fault rules"));
    if (rule && rule->action == Action::Echo)
      return send_json(res, rule->status, error_body(rule->status, "request headers: " + headers_text(req)));
    if (rule && rule->action == Action::Slow && rule->before)
      std::this_thread::sleep_for(std::chrono::milliseconds(rule->delay_ms));
    switch (faults_.decide()) {
      case FaultDecision::RateLimited:
        res.set_header("Retry-After", "1");
        return send_json(res, 429, error_body(429, "rate limit exceeded"));
      case FaultDecision::ServiceUnavailable:
        return send_json(res, 503, error_body(503, "service temporarily unavailable"));
      case FaultDecision::Html:
        res.status = 200;
        return res.set_content("<!DOCTYPE html><html><body><form>Sign in</form></body></html>", "text/html");
      case FaultDecision::None:
        break;
    }
    const bool is_token_route = req.path == "/api/uaa/oauth/token";
    if (!is_token_route && !authenticate(req))
      return send_json(res, 401, error_body(401, "full authentication is required"));
    Answer answer;
    try {
      std::lock_guard lock(store_.mutex);
      const bool deleted = rule && rule->action == Action::SoftDelete && soft_delete_cases(rule->rql, rule->count);
      answer = is_token_route ? exchange_token(req) : handler(req);
      if ((write && answer.status < 300) || deleted) save_state();
    } catch (const BadRequest& e) {
      answer = {400, error_body(400, e.what())};
    } catch (const NotFound& e) {
      answer = {404, error_body(404, e.what())};
    } catch (const Conflict& e) {
      answer = {409, error_body(409, e.what())};
    } catch (const json::exception& e) {
      answer = {400, error_body(400, std::string("malformed JSON: ") + e.what())};
    }
    if (write && answer.status < 300 && faults_.drop_write()) return drop_connection(req);
    if (rule && rule->action == Action::Slow && !rule->before)
      std::this_thread::sleep_for(std::chrono::milliseconds(rule->delay_ms));
    if (rule && rule->action == Action::Truncate) return send_truncated(res, answer.status, answer.body);
    if (rule && rule->action == Action::Oversize) return send_oversized(res, rule->bytes);
    if (!answer.raw_type.empty()) {
      res.status = answer.status;
      for (const auto& [name, value] : answer.headers) res.set_header(name, value);
      return res.set_content(answer.raw, answer.raw_type);
    }
    send_json(res, answer.status, answer.body);
  };
  if (method == "GET") server.Get(pattern, wrapped);
  else if (method == "POST") server.Post(pattern, wrapped);
  else if (method == "PATCH") server.Patch(pattern, wrapped);
  else if (method == "DELETE") server.Delete(pattern, wrapped);
  else if (method == "PUT") server.Put(pattern, wrapped);
}

void Api::register_routes(httplib::Server& server) {
  route(server, "POST", "/api/uaa/oauth/token", false, [](const httplib::Request&) { return Answer{}; });
  register_reference_routes(server);
  register_case_routes(server);
  register_case_extra_routes(server);
  register_shared_step_routes(server);
  register_test_plan_routes(server);
  register_attachment_routes(server);
  register_admin_routes(server);
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.status == 404 && res.body.empty())
      send_json(res, 404, error_body(404, "no route " + req.method + " " + req.path));
  });
}

void Api::register_admin_routes(httplib::Server& server) {
  server.Get("/__emulator/stats", [this](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, stats_.to_json());
  });
  server.Post("/__emulator/stats/reset", [this](const httplib::Request&, httplib::Response& res) {
    stats_.reset();
    send_json(res, 200, stats_.to_json());
  });
  server.Get("/__emulator/faults", [this](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, faults_.settings().to_json());
  });
  server.Post("/__emulator/faults", [this](const httplib::Request& req, httplib::Response& res) {
    try {
      faults_.update(json::parse(req.body));
      send_json(res, 200, faults_.settings().to_json());
    } catch (const json::exception& e) {
      send_json(res, 400, error_body(400, e.what()));
    }
  });
}

}  // namespace ato::emulator
