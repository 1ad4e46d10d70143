#include "core/plan.hpp"

namespace ato::core {

PlanResult compute_plan(const std::vector<DesiredCase>&, const std::vector<RemoteCase>&, const PlanOptions&) {
  return {};
}

}  // namespace ato::core
