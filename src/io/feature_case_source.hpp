#pragma once
// Feature files as case sources (SPEC.md §1.6): one case per Scenario and
// Scenario Outline of a `.feature` file, read by the Gherkin reader
// (io/gherkin/) and mapped to the same DesiredCase as a YAML case.
#include <string>
#include <string_view>
#include <vector>

#include "core/case.hpp"
#include "core/config.hpp"
#include "core/diagnostic.hpp"

namespace ato::io {

// An outline's Examples as parameters: the names of the first table's
// header, in order, and the rows of all its tables, in order.
using CaseParameters = core::Examples;

// What a scenario says beside its CaseContent: its examples and its
// @owner. The loader (io/case_loader) puts them into the case's `examples`
// and `members`.
struct FeatureCaseExtras {
  CaseParameters examples;  // empty for a plain scenario
  std::string owner;        // @owner:NAME; empty = none
  bool operator==(const FeatureCaseExtras&) const = default;
};

struct FeatureCases {
  std::vector<core::DesiredCase> cases;   // in file order
  std::vector<FeatureCaseExtras> extras;  // one per case, same order
  core::Diagnostics diagnostics;
};

// `file` names the file in the diagnostics and the cases' places. A file
// with a syntax error gives no cases.
FeatureCases parse_feature_file(std::string_view text, const std::string& file, const core::Config& config);

}  // namespace ato::io
