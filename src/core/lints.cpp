#include "core/lints.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "util/glob.hpp"

namespace ato::core {
namespace {

constexpr std::size_t kFlatStepsMin = 5;    // a list this long without nesting...
constexpr std::size_t kRepeatedPrefixMin = 3;  // ...where this many steps in a row share a first word

const std::set<std::string> kSeverityWords = {"blocker", "critical", "major", "normal", "minor", "trivial"};
const std::set<std::string> kPriorityWords = {"p0", "p1", "p2", "p3", "p4", "highest", "high", "medium", "low", "lowest"};

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// Lower case, letters and digits only: "Smoke test" ~ "smoke-test" ~ "SmokeTest".
std::string fold(const std::string& s) {
  std::string out;
  for (char ch : s)
    if (std::isalnum(static_cast<unsigned char>(ch))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  return out;
}

std::string first_word(const std::string& text) { return lower(text.substr(0, text.find(' '))); }

class Linter {
 public:
  Linter(const std::vector<std::string>& disabled, Diagnostics& out) : disabled_(disabled), out_(out) {}

  void warn(const std::string& code, const SourceLocation& where, const std::string& message) {
    if (std::find(disabled_.begin(), disabled_.end(), code) != disabled_.end()) return;
    out_.push_back({Severity::Warning, where, message + " [" + code + "]", code});
  }

  void check_case(const DesiredCase& c) {
    const auto at = [&](Field field) { return c.place_of(field); };
    const auto& content = c.content;
    const bool gherkin = c.format == SourceFormat::Gherkin;
    if (content.layer.empty())
      warn("missing-layer", c.source, "case \"" + c.external_id + "\" has no layer, so coverage loses the UI/API/Unit split; fix: add " +
                                          std::string(gherkin ? "the tag `@layer:UI`" : "`layer: UI`") + " (or API, Unit, ...)");
    if (content.steps.empty())
      warn("no-steps", c.source, "case \"" + c.external_id + "\" has no steps; fix: add " +
                                     std::string(gherkin ? "Given/When/Then steps" : "`steps:`") + " with what the tester does");
    for (const auto& tag : content.tags) {
      const auto word = lower(tag);
      if (kSeverityWords.count(word))
        warn("bare-severity-tag", at(Field::Tags), "tag \"" + tag + "\" is a severity without the convention; fix: write " +
                                                 (gherkin ? "`@severity:" + word + "`" : "`severity: " + word + "`") + " instead");
      else if (kPriorityWords.count(word))
        warn("bare-severity-tag", at(Field::Tags), "tag \"" + tag + "\" is a priority without the convention; fix: write " +
                                                 (gherkin ? "`@priority:" + word + "`" : "`priority: " + word + "`") + " instead");
    }
    if (!gherkin) check_flat_steps(content.steps, at(Field::Steps));  // Gherkin cannot nest steps
    check_placeholders(c);
    if (!content.description.empty() && fold(content.description) == fold(content.name))
      warn("description-repeats-name", at(Field::Description), "the description only repeats the name; fix: say what the case covers and why, or drop it");
  }

  void check_flat_steps(const std::vector<Step>& steps, const SourceLocation& where) {
    if (steps.size() < kFlatStepsMin) return;
    if (std::any_of(steps.begin(), steps.end(), [](const Step& s) { return !s.steps.empty(); })) return;
    std::size_t run = 1;
    for (std::size_t i = 1; i < steps.size(); ++i) {
      const auto word = first_word(steps[i].text);
      run = (!word.empty() && word == first_word(steps[i - 1].text)) ? run + 1 : 1;
      if (run == kRepeatedPrefixMin) {
        warn("flat-steps", where, std::to_string(steps.size()) + " flat steps, several starting with \"" + steps[i].text.substr(0, steps[i].text.find(' ')) +
                                      "\"; fix: nest them as sub-steps (`steps:`) under one step");
        return;
      }
    }
  }

  // In a case with examples, `<name>` in a step must name one of its parameters.
  void check_placeholders(const DesiredCase& c) {
    const auto& names = c.content.examples.names;
    if (c.content.examples.empty()) return;
    std::set<std::string> reported;
    const auto scan = [&](const std::string& text) {
      for (std::size_t open = text.find('<'); open != std::string::npos; open = text.find('<', open + 1)) {
        const auto close = text.find('>', open + 1);
        if (close == std::string::npos) return;
        const std::string name = text.substr(open + 1, close - open - 1);
        if (name.empty() || name.find_first_of("<> \t\n") != std::string::npos) continue;
        if (std::find(names.begin(), names.end(), name) == names.end() && reported.insert(name).second) {
          std::string known;
          for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
          warn("unknown-placeholder", c.place_of(Field::Steps),
               "placeholder <" + name + "> names none of the case's parameters (" + known +
                   "); fix: add it to `examples` or correct its name");
        }
      }
    };
    const auto walk = [&](const std::vector<Step>& steps, auto&& self) -> void {
      for (const auto& step : steps) {
        scan(step.text);
        scan(step.expected);
        self(step.steps, self);
      }
    };
    walk(c.content.steps, walk);
  }

  // Tags that differ only in case or spacing, across the whole repository.
  static constexpr std::size_t kPlacesShown = 3;
  void check_tag_spellings(const std::vector<DesiredCase>& cases) {
    std::map<std::string, std::map<std::string, std::vector<SourceLocation>>> spellings;  // folded -> tag -> places
    for (const auto& c : cases) {
      const SourceLocation& at = c.place_of(Field::Tags);
      for (const auto& tag : c.content.tags) spellings[fold(tag)][tag].push_back(at);
    }
    for (const auto& [folded, variants] : spellings) {
      if (folded.empty() || variants.size() < 2) continue;
      for (const auto& [tag, places] : variants) {
        std::string others;
        for (const auto& [other, other_places] : variants) {
          if (other == tag) continue;
          others += (others.empty() ? "" : "; ") + std::string("\"") + other + "\" at ";
          // A few places each: with thousands of cases the message must stay one line.
          const std::size_t shown = std::min<std::size_t>(other_places.size(), kPlacesShown);
          for (std::size_t i = 0; i < shown; ++i) others += (i ? ", " : "") + format_place(other_places[i]);
          if (other_places.size() > shown) others += " and " + std::to_string(other_places.size() - shown) + " more";
        }
        for (const auto& at : places)
          warn("tag-case-mismatch", at, "tag \"" + tag + "\" differs only in case or spacing from " + others + "; fix: pick one spelling");
      }
    }
  }

  void check_shared_step_use(const std::vector<DesiredCase>& cases, const std::vector<DesiredSharedStep>& shared_steps) {
    std::set<std::string> used;
    for (const auto& c : cases)
      for (const auto& use : c.shared_step_uses) used.insert(use.shared_step);
    for (const auto& s : shared_steps)
      if (!used.count(s.external_id))
        warn("unused-shared-step", s.source, "shared step \"" + s.external_id + "\" is used by no case; fix: use it with `- use: " +
                                                 s.external_id + "`, or remove it");
  }

  // A `cases:` glob of a test plan that selects no case of the repository.
  void check_test_plan_globs(const std::vector<DesiredCase>& cases, const std::vector<DesiredTestPlan>& plans) {
    for (const auto& p : plans)
      for (const auto& glob : p.cases) {
        const bool any = std::any_of(cases.begin(), cases.end(),
                                     [&](const DesiredCase& c) { return util::selected_by({glob}, c.external_id); });
        if (!any)
          warn("unmatched-cases", p.cases_place, "test plan \"" + p.name + "\": `" + glob +
                                                     "` matches no case; fix: correct the id or glob, or remove it");
      }
  }

 private:
  const std::vector<std::string>& disabled_;
  Diagnostics& out_;
};

}  // namespace

const std::vector<std::string>& lint_names() {
  static const std::vector<std::string> names = {"missing-layer", "bare-severity-tag", "tag-case-mismatch",
                                                 "flat-steps",    "no-steps",          "description-repeats-name",
                                                 "unknown-placeholder", "unused-shared-step", "unmatched-cases"};
  return names;
}

Diagnostics run_lints(const std::vector<DesiredCase>& cases, const std::vector<std::string>& disabled,
                      const std::vector<DesiredSharedStep>& shared_steps,
                      const std::vector<DesiredTestPlan>& test_plans) {
  Diagnostics out;
  Linter linter(disabled, out);
  for (const auto& c : cases) linter.check_case(c);
  linter.check_tag_spellings(cases);
  linter.check_shared_step_use(cases, shared_steps);
  linter.check_test_plan_globs(cases, test_plans);
  return out;
}

}  // namespace ato::core
