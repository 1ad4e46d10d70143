#pragma once
// Automation coverage: which managed cases automated results link to.
// Allure results carry the case's Allure ID in a label (`AS_ID`, `ALLURE_ID`,
// or `as_id` from allure-python); compute_coverage() matches them to the
// managed cases. Pure: io/ reads the results, the CLI prints the report.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_identity.hpp"

namespace ato::core {

// One `*-result.json`, reduced to what coverage needs.
struct AutomatedResult {
  std::string file;  // where it was read from, for messages
  std::string name;
  std::string full_name;   // may be empty
  std::string history_id;  // Allure's identity of the test (one parameter row); may be empty
  std::vector<ResultParameter> parameters;
  std::string status;                 // passed | failed | broken | skipped | unknown
  std::int64_t start = 0;             // epoch ms; 0 = unknown
  std::int64_t stop = 0;              // epoch ms; 0 = unknown
  std::vector<std::string> case_ids;  // values of the case id labels, as written
};

// True for the label names that link a result to a case.
bool is_case_id_label(std::string_view label_name);

// A managed case, as `ato-sync ids` lists it.
struct CaseIdentity {
  std::string external_id;
  std::int64_t allure_id = 0;
  std::string permalink;
  bool operator==(const CaseIdentity&) const = default;
};

// One test, or one parameter row of a parametrized test (all results with
// the same test_identity()), and its latest run.
struct LinkedTest {
  std::string name;                        // full name when known, else name
  std::vector<ShownParameter> parameters;  // shown_parameters() of its latest run; empty when none
  std::string latest_status;
  int runs = 0;  // results of this test linked to the case (retries and reruns)
  bool operator==(const LinkedTest&) const = default;
};

struct CaseCoverage {
  CaseIdentity identity;
  std::vector<LinkedTest> tests;  // sorted by name, then parameters; empty = not linked to automation
  bool automated() const { return !tests.empty(); }
  // The worst latest status of its tests (status_rank); empty when not automated.
  std::string status() const;
};

// A case id written in results that no managed case has.
struct UnknownCaseId {
  std::string id;
  std::vector<std::string> tests;  // test names, sorted, unique
};

struct CoverageReport {
  std::vector<CaseCoverage> cases;     // sorted by external id
  std::vector<UnknownCaseId> unknown;  // Allure IDs in numeric order, then other ids
  int results = 0;                     // results considered
  int results_without_case_id = 0;     // automated results that link to no case at all
  int automated_cases() const;
  double percent() const;  // automated cases / cases * 100; 0 when there are no cases
};

// Links each result to the cases its labels name. A label value is an Allure
// ID ("1234"); a value that is no number may name a case by its external id
// instead. The latest run of a test is the one that ended last (run_time:
// stop, else start), then started last, then was read last.
CoverageReport compute_coverage(const std::vector<CaseIdentity>& cases,
                                const std::vector<AutomatedResult>& results);

}  // namespace ato::core
