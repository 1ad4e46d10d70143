#include "core/coverage.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace ato::core {
namespace {

std::string lowercase_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim_spaces(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::optional<std::int64_t> parse_allure_id(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string test_name(const AutomatedResult& result) {
  return result.full_name.empty() ? result.name : result.full_name;
}

// Later runs compare greater; `order` (position in the input) breaks ties.
using RunTime = std::tuple<std::int64_t, std::int64_t, std::size_t>;

struct TestRuns {
  int runs = 0;
  RunTime latest{};
  const AutomatedResult* latest_result = nullptr;
};

LinkedTest linked_test(const TestRuns& runs) {
  const AutomatedResult& latest = *runs.latest_result;
  return {test_name(latest), shown_parameters(latest.parameters),
          latest.status.empty() ? "unknown" : latest.status, runs.runs};
}

}  // namespace

std::string CaseCoverage::status() const {
  std::string worst;
  for (const auto& test : tests)
    if (worst.empty() || status_rank(test.latest_status) < status_rank(worst)) worst = test.latest_status;
  return worst;
}

bool is_case_id_label(std::string_view label_name) {
  const std::string name = lowercase_ascii(label_name);
  return name == "as_id" || name == "allure_id";
}

int CoverageReport::automated_cases() const {
  return static_cast<int>(
      std::count_if(cases.begin(), cases.end(), [](const CaseCoverage& c) { return c.automated(); }));
}

double CoverageReport::percent() const {
  if (cases.empty()) return 0.0;
  return 100.0 * automated_cases() / static_cast<double>(cases.size());
}

CoverageReport compute_coverage(const std::vector<CaseIdentity>& cases,
                                const std::vector<AutomatedResult>& results) {
  std::map<std::int64_t, std::size_t> by_allure_id;
  std::map<std::string, std::size_t> by_external_id;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    by_allure_id.emplace(cases[i].allure_id, i);
    by_external_id.emplace(cases[i].external_id, i);
  }

  std::vector<std::map<std::string, TestRuns>> tests_per_case(cases.size());
  std::map<std::string, std::set<std::string>> unknown;
  CoverageReport report;
  for (std::size_t order = 0; order < results.size(); ++order) {
    const AutomatedResult& result = results[order];
    ++report.results;
    std::set<std::size_t> linked;  // a result naming a case twice counts once
    bool names_a_case = false;
    for (const auto& raw_id : result.case_ids) {
      const std::string_view id = trim_spaces(raw_id);
      if (id.empty()) continue;
      names_a_case = true;
      std::optional<std::size_t> index;
      if (const auto number = parse_allure_id(id)) {
        if (const auto it = by_allure_id.find(*number); it != by_allure_id.end()) index = it->second;
      } else if (const auto it = by_external_id.find(std::string(id)); it != by_external_id.end()) {
        index = it->second;
      }
      if (index)
        linked.insert(*index);
      else
        unknown[std::string(id)].insert(test_name(result));
    }
    if (!names_a_case) ++report.results_without_case_id;
    const std::string identity = test_identity(result.history_id, test_name(result), result.parameters);
    const RunTime when{run_time(result.start, result.stop), result.start, order};
    for (const std::size_t index : linked) {
      TestRuns& runs = tests_per_case[index][identity];
      if (runs.runs == 0 || when > runs.latest) {
        runs.latest = when;
        runs.latest_result = &result;
      }
      ++runs.runs;
    }
  }

  for (std::size_t i = 0; i < cases.size(); ++i) {
    CaseCoverage coverage{cases[i], {}};
    for (const auto& [identity, runs] : tests_per_case[i]) coverage.tests.push_back(linked_test(runs));
    // Rows with the same name and parameters (hidden ones differ) keep their identity order.
    std::stable_sort(coverage.tests.begin(), coverage.tests.end(),
                     [](const LinkedTest& a, const LinkedTest& b) {
                       return std::tie(a.name, a.parameters) < std::tie(b.name, b.parameters);
                     });
    report.cases.push_back(std::move(coverage));
  }
  std::sort(report.cases.begin(), report.cases.end(), [](const CaseCoverage& a, const CaseCoverage& b) {
    return std::tie(a.identity.external_id, a.identity.allure_id) <
           std::tie(b.identity.external_id, b.identity.allure_id);
  });
  for (auto& [id, tests] : unknown) report.unknown.push_back({id, {tests.begin(), tests.end()}});
  // Allure IDs in numeric order, then anything else.
  const auto order_key = [](const UnknownCaseId& u) {
    const auto number = parse_allure_id(u.id);
    return std::make_tuple(!number.has_value(), number.value_or(0), u.id);
  };
  std::sort(report.unknown.begin(), report.unknown.end(),
            [&](const UnknownCaseId& a, const UnknownCaseId& b) { return order_key(a) < order_key(b); });
  return report;
}

}  // namespace ato::core
