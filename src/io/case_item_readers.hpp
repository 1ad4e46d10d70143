#pragma once
// The case keys that hold items of their own (SPEC.md §1.2): `owner` and
// `members` (role -> users), `relations` (type -> targets), `examples`
// (parameter rows). Each reports its problems at their place and records
// where roles and relation targets are written, for the checks that come
// later (roles in the plan, targets across the repository).
#include "core/case.hpp"
#include "io/yaml_support.hpp"

namespace ato::io {

// The role `owner:` stands for.
inline constexpr const char* kOwnerRole = "Owner";

void read_owner(YamlNode key, YamlNode value, core::DesiredCase& c, DiagnosticSink& sink);
void read_members(YamlNode value, core::DesiredCase& c, DiagnosticSink& sink);
void read_relations(YamlNode value, core::DesiredCase& c, DiagnosticSink& sink);
void read_examples(YamlNode value, core::DesiredCase& c, DiagnosticSink& sink);

}  // namespace ato::io
