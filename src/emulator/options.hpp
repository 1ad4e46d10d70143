#pragma once
#include <cstdint>
#include <string>

#include "emulator/faults.hpp"

namespace ato::emulator {

struct Options {
  int port = 8080;
  std::string prefix = "/api";
  std::string token = "emulator-token";
  std::string state_file;
  std::string project_name = "Demo";
  int jwt_ttl_seconds = 3600;
  std::string tls_cert, tls_key;
  FaultSettings faults;
  std::uint64_t seed = 42;
  int threads = 64;
  bool exit_with_stdin = false;  // stop when stdin closes (the parent process is gone)
};

// Throws std::invalid_argument with a usage message.
Options parse_options(int argc, char** argv);
std::string usage();

}  // namespace ato::emulator
