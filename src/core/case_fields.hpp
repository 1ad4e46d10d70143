#pragma once
// One row per field of a case (STYLE.md: a new field is one row). The diff,
// normalisation, the views, saved plans and the adapter's writes all loop
// over this table instead of listing the fields again.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/case.hpp"

namespace ato::core {

// How a field's value looks, which decides how views show it.
enum class FieldShape {
  Text,          // one string, maybe multi-line
  NameSet,       // sorted unique names, shown as "+ a  - b"
  CustomFields,  // field name -> values
  Links,         // ordered list
  Items,         // a set of items (members, relations), shown as "+ a  - b" through `items`
  Examples,      // parameter rows, order kept
  Steps,         // the nested scenario
  Attachments,   // files by base name: "+ a (3 B)", "~ b: content changed", "- c"
};

// Which request of an update writes the field (SPEC.md §5).
// Attachments: uploads, content replacements and deletes around the scenario.
enum class WriteRoute { Patch, Scenario, Issues, CustomFieldValues, Relations, Examples, Attachments };

struct FieldSpec {
  Field field;
  std::string_view name;  // in plans, JSON and messages ("name", "fields", ...)
  FieldShape shape;
  WriteRoute route;
  bool (*same)(const CaseContent&, const CaseContent&);
  bool (*empty)(const CaseContent&);
  std::string CaseContent::*text = nullptr;                 // FieldShape::Text
  std::vector<std::string> CaseContent::*names = nullptr;   // FieldShape::NameSet
  std::vector<std::string> (*items)(const CaseContent&) = nullptr;  // FieldShape::Items: one text per item
};

// Every field, in the order plans list them.
std::span<const FieldSpec> case_fields();
const FieldSpec& spec_of(Field field);

std::string_view field_name(Field field);
std::optional<Field> parse_field(std::string_view name);

// The fields in which two normalised contents differ, in table order.
std::vector<Field> changed_fields(const CaseContent& before, const CaseContent& after);
// The fields a new case sets (everything non-empty), in table order.
std::vector<Field> set_fields(const CaseContent& content);

}  // namespace ato::core
