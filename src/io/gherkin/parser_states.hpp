#pragma once
// Where the parser is in the grammar, and the kinds of line it accepts there,
// in the order it tries them (which is also the order the reference parser
// lists them in its "expected:" messages).
#include <span>

#include "io/gherkin/token_matcher.hpp"

namespace ato::io::gherkin {

enum class State {
  Start,  // before anything: `# language:`, tags or Feature
  AfterLanguage,
  FeatureTags,
  RuleTags,
  ScenarioTags,
  ExamplesTags,
  Header,              // right after a keyword line (Feature:, Rule:, Background:, Scenario:, Examples:)
  Description,         // in the free text under it
  DescriptionComment,  // a comment ended the description
  Steps,               // after a step
  StepTable,           // in a step's DataTable (a DocString may follow)
  DocString,           // in a step's DocString
  AfterDocString,      // after a step's DocString (a DataTable may follow)
  DocStringThenTable,  // in a DataTable after the DocString
  StepArgumentsDone,   // a step has both its DataTable and its DocString
  ExamplesTable,
};

// The element the parser is in: decides what may follow.
enum class Section { Feature, Rule, Background, Scenario, Examples };

std::span<const TokenType> expected_tokens(State state, Section section);

}  // namespace ato::io::gherkin
