#pragma once
// Which remote case each desired case stands for (SPEC.md §2): its managed
// twin by identity, the case its allure_id names, or none (a create).
#include <vector>

#include "core/case.hpp"
#include "core/diagnostic.hpp"
#include "core/remote_index.hpp"

namespace ato::core {

enum class BindingKind {
  Create,    // nothing in TestOps yet
  Existing,  // the managed case with its identity
  Adopt,     // allure_id names a case without an identity tag
};

struct Binding {
  const DesiredCase* desired = nullptr;
  const RemoteCase* remote = nullptr;  // null for Create
  BindingKind kind = BindingKind::Create;
};

// Binds every case of `desired`; a case that cannot be bound (allure_id
// problems) gets an error in `errors` and no binding.
std::vector<Binding> bind_cases(const std::vector<const DesiredCase*>& desired, const RemoteIndex& index,
                                Diagnostics& errors);

}  // namespace ato::core
