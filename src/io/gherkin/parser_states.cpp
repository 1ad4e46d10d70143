#include "io/gherkin/parser_states.hpp"

#include <array>
#include <vector>

namespace ato::io::gherkin {
namespace {

using T = TokenType;

// What may start after an element's header, from the grammar:
//   Feature := Header Background? ScenarioDefinition* Rule*
//   Rule := Header Background? ScenarioDefinition*
//   Background := Header Step*
//   Scenario := Header Step* ExamplesDefinition*
//   Step := #StepLine (DataTable DocString? | DocString DataTable?)?
//   ExamplesDefinition := Tags? #ExamplesLine Description ExamplesTable?
// Each ends where the next Scenario (tags first) or Rule begins.
std::vector<T> what_follows(Section section) {
  switch (section) {
    case Section::Feature:
    case Section::Rule:
      return {T::BackgroundLine, T::TagLine, T::ScenarioLine, T::RuleLine};
    case Section::Background:
      return {T::StepLine, T::TagLine, T::ScenarioLine, T::RuleLine};
    case Section::Scenario:
      return {T::StepLine, T::TagLine, T::ExamplesLine, T::ScenarioLine, T::RuleLine};
    case Section::Examples:
      return {T::TableRow, T::TagLine, T::ExamplesLine, T::ScenarioLine, T::RuleLine};
  }
  return {};
}

std::vector<T> concat(std::vector<T> head, const std::vector<T>& middle, std::vector<T> tail) {
  std::vector<T> all = std::move(head);
  all.insert(all.end(), middle.begin(), middle.end());
  all.insert(all.end(), tail.begin(), tail.end());
  return all;
}

// Comments and blank lines may stand anywhere except in free text (where
// they are part of it), hence last; #Other matches any line, hence last too.
std::vector<T> compute(State state, Section section) {
  const auto next = what_follows(section);
  switch (state) {
    case State::Start:
      return {T::Eof, T::Language, T::TagLine, T::FeatureLine, T::Comment, T::Empty};
    case State::AfterLanguage:
    case State::FeatureTags:
      return {T::TagLine, T::FeatureLine, T::Comment, T::Empty};
    case State::RuleTags:
      return {T::TagLine, T::RuleLine, T::Comment, T::Empty};
    case State::ScenarioTags:
      return {T::TagLine, T::ScenarioLine, T::Comment, T::Empty};
    case State::ExamplesTags:
      return {T::TagLine, T::ExamplesLine, T::Comment, T::Empty};
    case State::Header:
      return concat({T::Eof, T::Empty, T::Comment}, next, {T::Other});
    case State::Description:
      return concat({T::Eof, T::Comment}, next, {T::Other});
    case State::DescriptionComment:
      return concat({T::Eof, T::Comment}, next, {T::Empty});
    case State::Steps:
      return concat({T::Eof, T::TableRow, T::DocStringSeparator}, next, {T::Comment, T::Empty});
    case State::StepTable:
      return concat({T::Eof, T::TableRow, T::DocStringSeparator}, next, {T::Comment, T::Empty});
    case State::DocString:
      return {T::DocStringSeparator, T::Other};
    case State::AfterDocString:
    case State::DocStringThenTable:
      return concat({T::Eof, T::TableRow}, next, {T::Comment, T::Empty});
    case State::StepArgumentsDone:
    case State::ExamplesTable:
      return concat({T::Eof}, next, {T::Comment, T::Empty});
  }
  return {};
}

constexpr std::size_t kStates = static_cast<std::size_t>(State::ExamplesTable) + 1;
constexpr std::size_t kSections = static_cast<std::size_t>(Section::Examples) + 1;

}  // namespace

std::span<const TokenType> expected_tokens(State state, Section section) {
  static const auto table = [] {
    std::array<std::array<std::vector<T>, kSections>, kStates> all;
    for (std::size_t s = 0; s < kStates; ++s)
      for (std::size_t e = 0; e < kSections; ++e) all[s][e] = compute(State(s), Section(e));
    return all;
  }();
  return table[static_cast<std::size_t>(state)][static_cast<std::size_t>(section)];
}

}  // namespace ato::io::gherkin
