#pragma once
// What makes two automated results runs of the same test, which run is the
// latest, and which status is worse. Allure itself keys a test's history by
// `historyId`; adapters that parametrize a test (pytest, JUnit, Jest's
// `test.each`, Cucumber's Examples) give every row the same `fullName` and
// tell the rows apart by their parameters, so the name alone merges rows.
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ato::core {

// One entry of a result's `parameters`.
struct ResultParameter {
  std::string name;
  std::string value;
  bool excluded = false;  // left out of the test's identity (Allure's `excluded: true`)
  bool hidden = false;    // `mode: hidden`: not shown in reports
  bool masked = false;    // `mode: masked`: shown as ******
  bool operator==(const ResultParameter&) const = default;
};

// The key that groups the runs of one test (one parameter row): the
// historyId when the writer gave one, else the name (full name, else name)
// with the non-excluded parameters in name order.
std::string test_identity(std::string_view history_id, std::string_view name,
                          const std::vector<ResultParameter>& parameters);

// A parameter as reports show it.
struct ShownParameter {
  std::string name;
  std::string value;
  auto operator<=>(const ShownParameter&) const = default;
};

// The parameters a report shows, in the result's order: hidden ones are left
// out, masked ones read "******".
std::vector<ShownParameter> shown_parameters(const std::vector<ResultParameter>& parameters);

// When a run happened, for ordering: its stop, else its start (allure-jest
// writes skipped tests with a start only), else 0 (unknown, the oldest).
std::int64_t run_time(std::int64_t start, std::int64_t stop);

// Lower is worse: failed, broken, unknown (and anything unrecognised),
// skipped, passed. A case is as good as its worst latest row.
int status_rank(std::string_view status);

}  // namespace ato::core
