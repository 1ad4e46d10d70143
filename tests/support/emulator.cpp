#include "support/emulator.hpp"

#include <httplib.h>
#include <signal.h>

#include <stdexcept>

namespace ato::test {

Emulator::Emulator(const std::vector<std::string>& extra_args) {
  std::vector<std::string> argv{ATO_EMULATOR_BINARY, "--port", "0", "--exit-with-stdin"};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  process_ = std::make_unique<ChildProcess>(argv);
  const auto line = process_->wait_for_line("ato-emulator listening on ");
  if (!line) throw std::runtime_error("ato-emulator did not start");
  port_ = std::stoi(line->substr(line->rfind(':') + 1));
}

Emulator::~Emulator() {
  process_->kill(SIGTERM);
  process_->wait();
}

nlohmann::json Emulator::request(const std::string& method, const std::string& target, const nlohmann::json& body) {
  httplib::Client client("127.0.0.1", port_);
  client.set_read_timeout(30, 0);
  httplib::Headers headers{{"Authorization", std::string("Api-Token ") + kToken}};
  const std::string text = body.is_null() ? "" : body.dump();
  httplib::Result result = method == "GET"     ? client.Get(target, headers)
                           : method == "POST"  ? client.Post(target, headers, text, "application/json")
                           : method == "PATCH" ? client.Patch(target, headers, text, "application/json")
                                               : client.Delete(target, headers);
  if (!result) throw std::runtime_error(method + " " + target + ": no answer");
  if (result->status >= 300)
    throw std::runtime_error(method + " " + target + " answered " + std::to_string(result->status) + ": " + result->body);
  return result->body.empty() ? nlohmann::json() : nlohmann::json::parse(result->body);
}

int Emulator::status_of(const std::string& method, const std::string& target, const nlohmann::json& body,
                        const std::string& authorization) {
  httplib::Client client("127.0.0.1", port_);
  httplib::Headers headers;
  if (!authorization.empty()) headers.emplace("Authorization", authorization);
  const std::string text = body.is_null() ? "" : body.dump();
  httplib::Result result = method == "GET"    ? client.Get(target, headers)
                           : method == "POST" ? client.Post(target, headers, text, "application/json")
                           : method == "PATCH" ? client.Patch(target, headers, text, "application/json")
                                               : client.Delete(target, headers);
  return result ? result->status : 0;
}

nlohmann::json Emulator::get(const std::string& target) { return request("GET", target, nullptr); }
nlohmann::json Emulator::post(const std::string& target, const nlohmann::json& body) { return request("POST", target, body); }
nlohmann::json Emulator::patch(const std::string& target, const nlohmann::json& body) { return request("PATCH", target, body); }

nlohmann::json Emulator::stats() { return request("GET", "/__emulator/stats", nullptr); }

std::int64_t Emulator::count(const std::string& route) {
  const auto s = stats();
  return s["routes"].value(route, std::int64_t{0});
}

void Emulator::reset_stats() { request("POST", "/__emulator/stats/reset", nlohmann::json::object()); }
void Emulator::set_faults(const nlohmann::json& faults) { request("POST", "/__emulator/faults", faults); }

std::string Emulator::exchange_token() {
  httplib::Client client("127.0.0.1", port_);
  const auto result = client.Post("/api/uaa/oauth/token",
                                  std::string("grant_type=apitoken&scope=openid&token=") + kToken,
                                  "application/x-www-form-urlencoded");
  if (!result || result->status != 200) throw std::runtime_error("token exchange failed");
  return nlohmann::json::parse(result->body)["access_token"].get<std::string>();
}

std::vector<nlohmann::json> Emulator::cases_with_tag(const std::string& tag, bool deleted) {
  const std::string rql = httplib::detail::encode_query_param("tag = \"" + tag + "\"");
  const auto page = get("/api/testcase/__search?projectId=1&size=1000&deleted=" + std::string(deleted ? "true" : "false") +
                        "&rql=" + rql);
  return page["content"].get<std::vector<nlohmann::json>>();
}

ProcessOptions Emulator::ato_options(const std::string& cwd) const {
  ProcessOptions options;
  options.cwd = cwd;
  options.env = {{"ATO_BASE", base_url()}, {"ATO_PROJECT_ID", "1"}, {"ATO_TOKEN", kToken}};
  return options;
}

}  // namespace ato::test
