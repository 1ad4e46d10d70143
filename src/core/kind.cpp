#include "core/kind.hpp"

#include <vector>

#include "core/case_fields.hpp"
#include "core/shared_step.hpp"
#include "core/test_plan.hpp"

namespace ato::core {

namespace {
struct KindNames {
  Kind kind;
  std::string_view name;   // JSON
  std::string_view label;  // views
};
constexpr KindNames kKindNames[] = {{Kind::SharedStep, "shared_step", "shared step"}, {Kind::Case, "case", "case"},
                                     {Kind::TestPlan, "test_plan", "test plan"}};
}  // namespace

std::string_view kind_name(Kind kind) {
  for (const auto& k : kKindNames)
    if (k.kind == kind) return k.name;
  return "";
}

std::string_view kind_label(Kind kind) {
  for (const auto& k : kKindNames)
    if (k.kind == kind) return k.label;
  return "";
}

std::optional<Kind> parse_kind(std::string_view name) {
  for (const auto& k : kKindNames)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

std::span<const Field> fields_of(Kind kind) {
  static const std::vector<Field> case_fields_in_order = [] {
    std::vector<Field> out;
    for (const auto& spec : case_fields())
      if (spec.field != Field::Query && spec.field != Field::PlanCases) out.push_back(spec.field);
    return out;
  }();
  switch (kind) {
    case Kind::SharedStep: return shared_step_fields();
    case Kind::Case: return case_fields_in_order;
    case Kind::TestPlan: return test_plan_fields();
  }
  return {};
}

}  // namespace ato::core
