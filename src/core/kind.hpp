#pragma once
// The kinds of resource a plan holds (SPEC.md §4), in the order views list
// them and apply runs them (§5), each with the fields it has.
#include <optional>
#include <span>
#include <string_view>

#include "core/case.hpp"

namespace ato::core {

enum class Kind { SharedStep, Case, TestPlan };
inline constexpr Kind kAllKinds[] = {Kind::SharedStep, Kind::Case, Kind::TestPlan};
std::string_view kind_name(Kind kind);   // "shared_step", "case", "test_plan" (JSON)
std::string_view kind_label(Kind kind);  // "shared step", "case", "test plan" (views)
std::optional<Kind> parse_kind(std::string_view name);

// The fields a resource of `kind` has, in table order (core/case_fields).
std::span<const Field> fields_of(Kind kind);

}  // namespace ato::core
