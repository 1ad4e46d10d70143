#pragma once
// The keywords of one Gherkin language (`# language: fr`), from Cucumber's
// gherkin-languages.json, which the build turns into a table
// (gherkin_languages.cmake -> languages.cpp).
#include <string>
#include <string_view>
#include <vector>

namespace ato::io::gherkin {

// What a step keyword says, as Cucumber's messages name it (keywordType).
enum class StepKeywordType { Unknown, Context, Action, Outcome, Conjunction };

struct Dialect {
  std::string code;    // "fr"
  std::string name;    // "French"
  std::string native;  // "français"
  std::vector<std::string> feature, rule, background, scenario, scenario_outline, examples;
  // Step keywords end with their separator ("Given ", "Lorsqu'"); `and` is
  // a C++ operator name, hence `and_`.
  std::vector<std::string> given, when, then, and_, but;
};

// Every language, in the order of the JSON file.
const std::vector<Dialect>& all_dialects();
// nullptr when there is no such language.
const Dialect* find_dialect(std::string_view code);
const Dialect& default_dialect();  // "en"

// Which English keyword a step keyword of `dialect` stands for.
enum class StepKind { Unknown, Given, When, Then, And, But };
// A keyword listed for several kinds (`* ` is in all five) is Unknown, as
// the reference parser has it.
StepKind step_kind(const Dialect& dialect, std::string_view keyword);
StepKeywordType keyword_type(StepKind kind);

struct StepKeyword {
  std::string_view keyword;
  StepKind kind;
};
// Every step keyword of `dialect` (one of all_dialects()) once, longest
// first: "Sipoze ke " must win over "Sipoze ", and Haitian "Lè sa a "
// (Then) over "Lè " (When).
const std::vector<StepKeyword>& step_keywords(const Dialect& dialect);

}  // namespace ato::io::gherkin
