#pragma once
// The saved plan (`plan -out FILE`) and the `--json` view: one versioned
// document that apply executes exactly.
#include <cstdint>
#include <string>

#include "core/plan.hpp"

namespace ato::io {

inline constexpr const char* kPlanFormatVersion = "1.2";  // reads 1.0 and 1.1 too

struct SavedPlan {
  std::string tool_version;
  std::string endpoint;
  std::int64_t project_id = 0;
  std::string created_at;  // ISO 8601 UTC, from the caller (the core has no clock)
  core::Plan plan;
};

std::string encode_plan(const SavedPlan& saved);
// Throws std::runtime_error naming `path` and what is wrong.
SavedPlan decode_plan(const std::string& text, const std::string& path);

}  // namespace ato::io
