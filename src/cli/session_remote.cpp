#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "cli/session.hpp"
#include "io/file_io.hpp"
#include "remote/connect.hpp"

namespace ato::cli {

std::string read_token(const GlobalOptions& global) {
  if (!global.token_file.empty()) {
    const io::FileText file = io::read_whole_file(global.token_file, 64u << 10);
    if (!file.ok()) throw std::runtime_error("cannot read the token file " + global.token_file + ": " + file.error);
    std::string token = file.text;
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (token.empty()) throw std::runtime_error("the token file " + global.token_file + " is empty");
    return token;
  }
  for (const char* name : {"ATO_TOKEN", "ALLURE_TOKEN"})
    if (const char* value = std::getenv(name); value && *value) return value;
  throw std::runtime_error("no API token: set ATO_TOKEN (or ALLURE_TOKEN), or pass --token-file PATH");
}

std::unique_ptr<core::TestOpsPort> connect_testops(const core::Config& config, const GlobalOptions& global) {
  remote::ConnectOptions options;
  options.token = read_token(global);
  options.log = global.verbose ? &std::cerr : nullptr;
  core::Config effective = config;
  if (!global.cacert.empty()) effective.cacert = global.cacert;
  return remote::connect(effective, options);
}


}  // namespace ato::cli
