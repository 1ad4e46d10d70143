#pragma once
// Test plan files (SPEC.md §1.5): `test-plans/**/*.yaml`, each document one
// test plan with `name`, optional `allure_id`, and exactly one of `query`
// and `cases`.
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/diagnostic.hpp"
#include "core/test_plan.hpp"

namespace ato::io {

struct FileTestPlans {
  std::vector<core::DesiredTestPlan> plans;  // in file order
  core::Diagnostics diagnostics;
};
FileTestPlans parse_test_plan_file(std::string text, const std::string& file);

}  // namespace ato::io
