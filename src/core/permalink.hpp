#pragma once
#include <cstdint>
#include <string>

namespace ato::core {

// Where a case opens in the TestOps UI (SPEC.md §3):
// `<endpoint>/project/<projectId>/test-cases/<id>`.
inline std::string case_permalink(const std::string& endpoint, std::int64_t project_id, std::int64_t allure_id) {
  return endpoint + "/project/" + std::to_string(project_id) + "/test-cases/" + std::to_string(allure_id);
}

}  // namespace ato::core
