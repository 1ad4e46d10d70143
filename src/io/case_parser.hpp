#pragma once
// Turns one YAML document into a DesiredCase (SPEC.md §1.2), reporting every
// problem with its position.
#include <optional>

#include "core/case.hpp"
#include "core/config.hpp"
#include "io/yaml_support.hpp"

namespace ato::io {

inline constexpr int kMaxStepDepth = 8;
// Nodes visited per document before giving up: stops alias bombs.
inline constexpr std::size_t kMaxNodesPerDocument = 200000;

std::optional<core::DesiredCase> parse_case(YamlNode document, const core::Config& config,
                                            DiagnosticSink& sink);

// A shared step document (SPEC.md §1.3): id, name, allure_id and steps,
// without `use` (no shared step inside a shared step).
std::optional<core::DesiredCase> parse_shared_step(YamlNode document, const core::Config& config,
                                                   DiagnosticSink& sink);

bool is_valid_case_id(const std::string& id);

}  // namespace ato::io
