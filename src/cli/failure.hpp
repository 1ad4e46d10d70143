#pragma once
// How a command fails. Commands throw; run()'s one catch prints every failure
// the same way and exits 1: positioned diagnostics first, then one
// `ato-sync: error: ...` line per message, then the closing line.
#include <exception>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace ato::cli {

class CommandFailed : public std::exception {
 public:
  explicit CommandFailed(std::string message) : messages_{std::move(message)} {}
  CommandFailed(std::vector<std::string> messages, std::string closing)
      : messages_(std::move(messages)), closing_(std::move(closing)) {}
  CommandFailed(core::Diagnostics problems, std::string closing)
      : problems_(std::move(problems)), closing_(std::move(closing)) {}
  const char* what() const noexcept override { return messages_.empty() ? closing_.c_str() : messages_[0].c_str(); }

  const core::Diagnostics& problems() const { return problems_; }
  const std::vector<std::string>& messages() const { return messages_; }
  const std::string& closing() const { return closing_; }

 private:
  core::Diagnostics problems_;
  std::vector<std::string> messages_;
  std::string closing_;  // e.g. "Plan failed: 2 problems; nothing was changed in TestOps"
};

// Prints any exception as run() does; `color` for diagnostics on a terminal.
void print_failure(const std::exception& error, std::ostream& err, bool color);

}  // namespace ato::cli
