#include "core/shared_step.hpp"

namespace ato::core {

std::span<const Field> shared_step_fields() {
  static constexpr Field kFields[] = {Field::Name, Field::Steps};
  return kFields;
}

}  // namespace ato::core
