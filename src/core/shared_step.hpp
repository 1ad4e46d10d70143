#pragma once
// Shared steps (SPEC.md §1.3): a named list of steps that cases use with
// `- use: ID`. A shared step's content is the part of a case it stands for,
// its name and its steps, so it is held in a CaseContent whose other fields
// stay empty; `shared_step_fields()` lists the fields a shared step has.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/case.hpp"

namespace ato::core {

// A shared step as the repository wants it: the shape of a desired case
// (external id, optional allure_id pin, places), content = name and steps.
using DesiredSharedStep = DesiredCase;

// A shared step as Allure TestOps has it.
struct RemoteSharedStep {
  std::int64_t allure_id = 0;
  bool archived = false;
  int used_by = 0;                 // live cases using it (testCasesCount)
  std::int64_t last_modified = 0;  // epoch ms; every write to it moves it
  std::string last_modified_by;
  CaseContent content;             // name and steps
  bool operator==(const RemoteSharedStep&) const = default;
};

// The fields of a shared step, in the order plans list them.
std::span<const Field> shared_step_fields();

}  // namespace ato::core
