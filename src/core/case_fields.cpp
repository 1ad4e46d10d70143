#include "core/case_fields.hpp"

#include <stdexcept>

#include "core/relations.hpp"
#include "core/attachment_changes.hpp"

namespace ato::core {
namespace {

template <auto Member>
bool same_member(const CaseContent& a, const CaseContent& b) {
  return a.*Member == b.*Member;
}

template <auto Member>
bool empty_member(const CaseContent& c) {
  return (c.*Member).empty();
}

template <auto Member>
constexpr FieldSpec text_field(Field field, std::string_view name) {
  return {field, name, FieldShape::Text, WriteRoute::Patch, &same_member<Member>, &empty_member<Member>, Member};
}

template <auto Member>
constexpr FieldSpec field_of(Field field, std::string_view name, FieldShape shape, WriteRoute route) {
  return {field, name, shape, route, &same_member<Member>, &empty_member<Member>};
}

std::vector<std::string> member_items(const CaseContent& c) {
  std::vector<std::string> out;
  for (const auto& m : c.members) out.push_back(m.role + ": " + m.user);
  return out;
}

std::vector<std::string> relation_items(const CaseContent& c) {
  std::vector<std::string> out;
  for (const auto& r : c.relations)
    if (!r.mirrored) out.push_back(relation_text(r));
  return out;
}

// Mirrored relations are written along but never compared (core/relations.hpp).
bool same_relations(const CaseContent& a, const CaseContent& b) {
  return declared_relations(a.relations) == declared_relations(b.relations);
}
bool no_relations(const CaseContent& c) { return declared_relations(c.relations).empty(); }

const FieldSpec kFields[] = {
    text_field<&CaseContent::name>(Field::Name, "name"),
    text_field<&CaseContent::description>(Field::Description, "description"),
    text_field<&CaseContent::precondition>(Field::Precondition, "precondition"),
    text_field<&CaseContent::expected>(Field::Expected, "expected"),
    text_field<&CaseContent::status>(Field::Status, "status"),
    text_field<&CaseContent::layer>(Field::Layer, "layer"),
    field_of<&CaseContent::custom_fields>(Field::CustomFields, "fields", FieldShape::CustomFields,
                                          WriteRoute::CustomFieldValues),
    [] {
      auto spec = field_of<&CaseContent::tags>(Field::Tags, "tags", FieldShape::NameSet, WriteRoute::Patch);
      spec.names = &CaseContent::tags;
      return spec;
    }(),
    [] {
      auto spec = field_of<&CaseContent::issues>(Field::Issues, "issues", FieldShape::NameSet, WriteRoute::Issues);
      spec.names = &CaseContent::issues;
      return spec;
    }(),
    field_of<&CaseContent::links>(Field::Links, "links", FieldShape::Links, WriteRoute::Patch),
    [] {
      auto spec = field_of<&CaseContent::members>(Field::Members, "members", FieldShape::Items, WriteRoute::Patch);
      spec.items = &member_items;
      return spec;
    }(),
    {Field::Relations, "relations", FieldShape::Items, WriteRoute::Relations, &same_relations, &no_relations, nullptr,
     nullptr, &relation_items},
    field_of<&CaseContent::examples>(Field::Examples, "examples", FieldShape::Examples, WriteRoute::Examples),
    field_of<&CaseContent::steps>(Field::Steps, "steps", FieldShape::Steps, WriteRoute::Scenario),
    [] {
      auto spec = field_of<&CaseContent::attachments>(Field::Attachments, "attachments", FieldShape::Attachments,
                                                      WriteRoute::Attachments);
      spec.same = [](const CaseContent& a, const CaseContent& b) {
        return same_attachments(a.attachments, b.attachments);
      };
      return spec;
    }(),
    // Test plans only: kind.cpp leaves them out of a case's fields.
    text_field<&CaseContent::query>(Field::Query, "query"),
    [] {
      auto spec = field_of<&CaseContent::plan_cases>(Field::PlanCases, "cases", FieldShape::NameSet, WriteRoute::Patch);
      spec.names = &CaseContent::plan_cases;
      return spec;
    }(),
};

}  // namespace

std::span<const FieldSpec> case_fields() { return kFields; }

const FieldSpec& spec_of(Field field) {
  for (const auto& spec : kFields)
    if (spec.field == field) return spec;
  throw std::logic_error("field without a row in case_fields()");
}

std::string_view field_name(Field field) { return spec_of(field).name; }

std::optional<Field> parse_field(std::string_view name) {
  for (const auto& spec : kFields)
    if (spec.name == name) return spec.field;
  return std::nullopt;
}

std::vector<Field> changed_fields(const CaseContent& before, const CaseContent& after) {
  std::vector<Field> out;
  for (const auto& spec : kFields)
    if (!spec.same(before, after)) out.push_back(spec.field);
  return out;
}

std::vector<Field> set_fields(const CaseContent& content) {
  std::vector<Field> out;
  for (const auto& spec : kFields)
    if (!spec.empty(content)) out.push_back(spec.field);
  return out;
}

}  // namespace ato::core
