#include "core/field_diff.hpp"

namespace ato::core {
namespace {

bool same(Field field, const CaseContent& a, const CaseContent& b) {
  switch (field) {
    case Field::Name: return a.name == b.name;
    case Field::Description: return a.description == b.description;
    case Field::Precondition: return a.precondition == b.precondition;
    case Field::Expected: return a.expected == b.expected;
    case Field::Status: return a.status == b.status;
    case Field::Layer: return a.layer == b.layer;
    case Field::CustomFields: return a.custom_fields == b.custom_fields;
    case Field::Tags: return a.tags == b.tags;
    case Field::Issues: return a.issues == b.issues;
    case Field::Links: return a.links == b.links;
    case Field::Steps: return a.steps == b.steps;
  }
  return true;
}

}  // namespace

std::vector<Field> changed_fields(const CaseContent& before, const CaseContent& after) {
  std::vector<Field> out;
  for (const Field f : kAllFields)
    if (!same(f, before, after)) out.push_back(f);
  return out;
}

std::vector<Field> set_fields(const CaseContent& content) { return changed_fields(CaseContent{}, content); }

}  // namespace ato::core
