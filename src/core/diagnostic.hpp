#pragma once
// A problem found in user input, collected rather than thrown so that one run
// reports all of them (gcc style: `file:line:col: error: message`).
#include <string>
#include <vector>

#include "core/case.hpp"

namespace ato::core {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation where;
  std::string message;
  std::string code;  // lint name for warnings (e.g. "missing-layer"); empty for errors
  bool operator==(const Diagnostic&) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

inline bool has_errors(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace ato::core
