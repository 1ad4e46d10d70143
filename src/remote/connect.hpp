#pragma once
// Builds the real Allure TestOps adapter behind core::TestOpsPort.
#include <iosfwd>
#include <memory>
#include <string>

#include "core/config.hpp"
#include "core/testops_port.hpp"

namespace ato::remote {

struct ConnectOptions {
  std::string token;        // API token or JWT; never printed
  std::ostream* log = nullptr;  // --verbose request log (method, path, status, time), else nullptr
};

std::unique_ptr<core::TestOpsPort> connect(const core::Config& config, const ConnectOptions& options);

}  // namespace ato::remote
