#pragma once
// Names a desired case uses must exist in TestOps (SPEC.md §4): layers,
// statuses, custom fields, integrations. A custom field value that does not
// exist yet is not an error: it is collected, and apply creates it first.
#include <set>

#include "core/case.hpp"
#include "core/diagnostic.hpp"
#include "core/plan.hpp"

namespace ato::core {

void check_references(const DesiredCase& c, const KnownNames& known, Diagnostics& errors,
                      std::set<NewFieldValue>& new_values);

}  // namespace ato::core
