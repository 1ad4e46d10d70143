#include "io/gherkin/dialect.hpp"

#include <algorithm>

namespace ato::io::gherkin {
namespace {

bool contains(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

const Dialect* find_dialect(std::string_view code) {
  for (const auto& dialect : all_dialects())
    if (dialect.code == code) return &dialect;
  return nullptr;
}

const Dialect& default_dialect() {
  static const Dialect& english = *find_dialect("en");
  return english;
}

StepKind step_kind(const Dialect& dialect, std::string_view keyword) {
  const std::pair<const std::vector<std::string>*, StepKind> lists[] = {{&dialect.given, StepKind::Given},
                                                                        {&dialect.when, StepKind::When},
                                                                        {&dialect.then, StepKind::Then},
                                                                        {&dialect.and_, StepKind::And},
                                                                        {&dialect.but, StepKind::But}};
  StepKind kind = StepKind::Unknown;
  int found = 0;
  for (const auto& [words, list_kind] : lists) {
    if (contains(*words, keyword)) {
      kind = list_kind;
      ++found;
    }
  }
  return found == 1 ? kind : StepKind::Unknown;
}

const std::vector<StepKeyword>& step_keywords(const Dialect& dialect) {
  static const auto per_dialect = [] {
    std::vector<std::vector<StepKeyword>> all;
    for (const auto& d : all_dialects()) {
      std::vector<StepKeyword> keywords;
      for (const auto* list : {&d.given, &d.when, &d.then, &d.and_, &d.but})
        for (const auto& keyword : *list)
          if (std::none_of(keywords.begin(), keywords.end(),
                           [&](const StepKeyword& k) { return k.keyword == keyword; }))
            keywords.push_back({keyword, step_kind(d, keyword)});
      std::stable_sort(keywords.begin(), keywords.end(), [](const StepKeyword& a, const StepKeyword& b) {
        return a.keyword.size() > b.keyword.size();
      });
      all.push_back(std::move(keywords));
    }
    return all;
  }();
  return per_dialect[static_cast<std::size_t>(&dialect - all_dialects().data())];
}

StepKeywordType keyword_type(StepKind kind) {
  switch (kind) {
    case StepKind::Given:
      return StepKeywordType::Context;
    case StepKind::When:
      return StepKeywordType::Action;
    case StepKind::Then:
      return StepKeywordType::Outcome;
    case StepKind::And:
    case StepKind::But:
      return StepKeywordType::Conjunction;
    case StepKind::Unknown:
      break;
  }
  return StepKeywordType::Unknown;
}

}  // namespace ato::io::gherkin
