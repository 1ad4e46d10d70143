#include "io/case_item_readers.hpp"

#include <algorithm>
#include <set>

#include "core/relations.hpp"
#include "io/yaml_core_schema.hpp"

namespace ato::io {
namespace {

void add_member(const std::string& role, const std::string& user, core::DesiredCase& c) {
  c.content.members.push_back({role, user});
}

// One name or a list of names: `owner: alice`, `Reviewer: [bob, carol]`.
std::vector<std::pair<YamlNode, std::string>> names_of(YamlNode v, const std::string& what, DiagnosticSink& sink) {
  std::vector<std::pair<YamlNode, std::string>> out;
  if (v.IsNull()) return out;
  if (v.IsSequence()) {
    for (std::size_t i = 0; i < v.size(); ++i)
      if (auto s = read_name(v[i], what + "[" + std::to_string(i) + "]", "remove it from the list", sink))
        out.push_back({v[i], *s});
    return out;
  }
  if (auto s = read_name(v, what, "remove the key for none", sink)) out.push_back({v, *s});
  return out;
}

// A relation target: a bare whole number is an Allure ID, else an external id.
std::optional<core::Relation> read_target(YamlNode v, core::RelationType type, const std::string& what,
                                          DiagnosticSink& sink) {
  core::Relation r;
  r.type = type;
  if (v.IsScalar() && v.IsPlainScalar() && core_schema_type(v.Scalar()) == PlainScalarType::Integer) {
    const auto n = read_integer(v, what, sink);
    if (!n) return std::nullopt;
    if (*n <= 0) {
      sink.error(v, what + " must be a positive Allure ID or a case's external id");
      return std::nullopt;
    }
    r.target_allure_id = *n;
    return r;
  }
  auto s = read_name(v, what, "write a case's external id, or its Allure ID as a number", sink);
  if (!s) return std::nullopt;
  r.target_id = *s;
  return r;
}

}  // namespace

void read_owner(YamlNode key, YamlNode value, core::DesiredCase& c, DiagnosticSink& sink) {
  if (value.IsNull()) return;
  if (auto s = read_name(value, "owner", "remove the key for no owner", sink)) {
    add_member(kOwnerRole, *s, c);
    c.role_places.emplace(kOwnerRole, sink.at(key));
  }
}

void read_members(YamlNode v, core::DesiredCase& c, DiagnosticSink& sink) {
  if (v.IsNull()) return;
  if (!v.IsMap()) {
    sink.error(v, "members must be a mapping of role name to user names ({Reviewer: [bob]}), not " + describe(v));
    return;
  }
  for (const auto& entry : v) {
    const auto role = read_name(entry.first, "a member role", "write the role's name", sink);
    if (!role) continue;
    c.role_places.emplace(*role, sink.at(entry.first));
    std::set<std::string> seen;
    for (const auto& [node, user] : names_of(entry.second, "members." + *role, sink)) {
      if (!seen.insert(user).second) sink.error(node, "duplicate member \"" + user + "\" in role " + *role);
      else add_member(*role, user, c);
    }
  }
}

void read_relations(YamlNode v, core::DesiredCase& c, DiagnosticSink& sink) {
  if (v.IsNull()) return;
  if (!v.IsMap()) {
    sink.error(v, "relations must be a mapping of relation type to cases ({related_to: [a/b, 4711]}), not " +
                      describe(v));
    return;
  }
  check_keys(v, core::relation_keys(), "relations", sink);
  for (const auto& entry : v) {
    if (!entry.first.IsScalar()) continue;
    const auto type = core::parse_relation_key(entry.first.Scalar());
    if (!type) continue;  // reported by check_keys
    const std::string what = "relations." + entry.first.Scalar();
    std::vector<YamlNode> targets;
    if (entry.second.IsSequence())
      for (std::size_t i = 0; i < entry.second.size(); ++i) targets.push_back(entry.second[i]);
    else if (!entry.second.IsNull())
      targets.push_back(entry.second);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const std::string item = entry.second.IsSequence() ? what + "[" + std::to_string(i) + "]" : what;
      auto r = read_target(targets[i], *type, item, sink);
      if (!r) continue;
      const auto same = [&](const core::Relation& o) { return o == *r; };
      if (std::any_of(c.content.relations.begin(), c.content.relations.end(), same)) {
        sink.error(targets[i], "duplicate relation " + core::relation_text(*r));
        continue;
      }
      if (!r->target_id.empty()) c.relation_places.emplace(r->target_id, sink.at(targets[i]));
      c.content.relations.push_back(std::move(*r));
    }
  }
}

void read_examples(YamlNode v, core::DesiredCase& c, DiagnosticSink& sink) {
  if (v.IsNull()) return;
  if (!v.IsSequence()) {
    sink.error(v, "examples must be a list of rows ({name: value, ...}), not " + describe(v));
    return;
  }
  auto& examples = c.content.examples;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const YamlNode row = v[i];
    const std::string what = "examples[" + std::to_string(i) + "]";
    if (!row.IsMap() || row.size() == 0) {
      sink.error(row, what + " must be a mapping of parameter name to value, not " + describe(row));
      continue;
    }
    std::vector<std::string> names, values;
    bool ok = true;
    for (const auto& entry : row) {
      const auto name = read_name(entry.first, what + " parameter name", "name the parameter", sink);
      const auto value = name ? read_string(entry.second, what + "." + *name, sink) : std::nullopt;
      if (!name || !value) {
        ok = false;
        continue;
      }
      names.push_back(*name);
      values.push_back(*value);
    }
    if (!ok) continue;
    if (examples.names.empty() && examples.rows.empty()) {
      examples.names = names;
    } else if (names != examples.names) {
      std::string expected;
      for (const auto& n : examples.names) expected += (expected.empty() ? "" : ", ") + n;
      sink.error(row, what + " must have the parameters of the first row, in its order: " + expected);
      continue;
    }
    examples.rows.push_back(std::move(values));
  }
}

}  // namespace ato::io
