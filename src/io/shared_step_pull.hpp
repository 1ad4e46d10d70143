#pragma once
// Writes a shared step's TestOps content (its name, its steps) into its
// YAML document in place, for `ato-sync pull` (SPEC.md §1.3, §3), through
// io/document_pull.
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/config.hpp"
#include "core/shared_step.hpp"
#include "io/document_pull.hpp"

namespace ato::io {

// §1.3's key order: where `pull` adds a key and how `fmt` sorts a shared step.
std::vector<std::string> shared_step_key_order();

// As pull_case, for a shared step: `fields` are of core::shared_step_fields().
PulledCase pull_shared_step(const std::string& text, const std::string& file,
                            const core::DesiredSharedStep& desired, const core::CaseContent& remote,
                            const std::vector<core::Field>& fields, const core::Config& config);

}  // namespace ato::io
