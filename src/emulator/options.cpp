#include "emulator/options.hpp"

#include <stdexcept>
#include <vector>

namespace ato::emulator {

std::string usage() {
  return "Usage: ato-emulator [--port N] [--prefix /api] [--token T] [--state FILE] [--project-name NAME]\n"
         "                    [--jwt-ttl SECONDS] [--tls-cert FILE --tls-key FILE] [--threads N]\n"
         "                    [--latency-ms N] [--jitter-ms N] [--fail-rate R] [--rate-limit N]\n"
         "                    [--page-cap N] [--html-rate R] [--drop-after-write R] [--seed N]\n"
         "                    [--exit-with-stdin]\n"
         "A local stand-in for Allure TestOps. --port 0 picks a free port; the readiness line\n"
         "`ato-emulator listening on http://127.0.0.1:PORT` is printed once it accepts requests.\n"
         "At run time: GET /__emulator/stats counts requests per route; POST /__emulator/faults\n"
         "changes the faults above by their JSON names (latency_ms, fail_rate, ...) and sets\n"
         "\"rules\": scripted answers for some requests, e.g.\n"
         "  {\"rules\": [{\"method\": \"PATCH\", \"route\": \"/api/testcase/{id}\", \"action\": \"status\",\n"
         "              \"status\": 409, \"skip\": 2, \"times\": 1}]}\n"
         "  action: status (answer `status`), slow (answer after delay_ms; before: true waits\n"
         "  before doing the work), truncate (close the connection halfway through the body),\n"
         "  oversize (a body of `bytes` bytes), echo (answer `status` with the request's headers\n"
         "  in the message, as some proxies do), soft_delete (first soft-delete `count` live cases\n"
         "  that the AQL `rql` selects, lowest ids first, then answer as usual).\n"
         "  skip: matching requests let through first; times: how many get the answer (-1: all).\n";
}

Options parse_options(int argc, char** argv) {
  Options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--help" || flag == "-h") throw std::invalid_argument(usage());
    if (flag == "--exit-with-stdin") {
      o.exit_with_stdin = true;
      continue;
    }
    if (i + 1 >= args.size()) throw std::invalid_argument("flag " + flag + " needs a value\n" + usage());
    const std::string& v = args[++i];
    try {
      if (flag == "--port") o.port = std::stoi(v);
      else if (flag == "--prefix") o.prefix = v;
      else if (flag == "--token") o.token = v;
      else if (flag == "--state") o.state_file = v;
      else if (flag == "--project-name") o.project_name = v;
      else if (flag == "--jwt-ttl") o.jwt_ttl_seconds = std::stoi(v);
      else if (flag == "--tls-cert") o.tls_cert = v;
      else if (flag == "--tls-key") o.tls_key = v;
      else if (flag == "--threads") o.threads = std::stoi(v);
      else if (flag == "--latency-ms") o.faults.latency_ms = std::stoi(v);
      else if (flag == "--jitter-ms") o.faults.jitter_ms = std::stoi(v);
      else if (flag == "--fail-rate") o.faults.fail_rate = std::stod(v);
      else if (flag == "--rate-limit") o.faults.rate_limit = std::stoi(v);
      else if (flag == "--page-cap") o.faults.page_cap = std::stoi(v);
      else if (flag == "--html-rate") o.faults.html_rate = std::stod(v);
      else if (flag == "--drop-after-write") o.faults.drop_after_write = std::stod(v);
      else if (flag == "--seed") o.seed = std::stoull(v);
      else throw std::invalid_argument("unknown flag " + flag + "\n" + usage());
    } catch (const std::invalid_argument&) {
      throw;
    } catch (const std::exception&) {
      throw std::invalid_argument("bad value for " + flag + ": " + v);
    }
  }
  if (o.prefix.empty() || o.prefix.front() != '/') o.prefix.insert(0, "/");
  while (o.prefix.size() > 1 && o.prefix.back() == '/') o.prefix.pop_back();
  return o;
}

}  // namespace ato::emulator
