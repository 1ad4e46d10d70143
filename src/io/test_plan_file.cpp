#include "io/test_plan_file.hpp"

#include "io/yaml_documents.hpp"

namespace ato::io {
namespace {

std::optional<core::DesiredTestPlan> read_test_plan(YamlNode doc, DiagnosticSink& sink) {
  if (!doc.IsMap()) {
    sink.error(doc, "a test plan is a mapping with `name` and `query` or `cases`, not " + describe(doc));
    return std::nullopt;
  }
  check_keys(doc, {"name", "allure_id", "query", "cases"}, "a test plan", sink);
  core::DesiredTestPlan p;
  p.source = sink.at(doc);
  bool ok = true;
  // A value that was read and is acceptable lands in `out`; else an error at
  // it (unless reading reported one already), and no test plan.
  const auto keep = [&](YamlNode at, auto read, auto acceptable, const char* message, auto& out) {
    if (read && acceptable(*read)) {
      out = *read;
      return;
    }
    if (read) sink.error(at, message);
    ok = false;
  };
  for (const auto& entry : doc) {
    const std::string key = entry.first.Scalar();
    const YamlNode v = entry.second;
    if (key == "name") {
      p.name_place = sink.at(v);
      if (auto name = read_name(v, "name", "give the test plan a name", sink)) {
        if (check_name_length(v, "name", *name, sink)) p.name = *name;
        else ok = false;
      } else {
        ok = false;
      }
    } else if (key == "allure_id") {
      p.allure_id_place = sink.at(v);
      keep(v, read_integer(v, "allure_id", sink), [](long long n) { return n > 0; },
           "allure_id must be a positive Allure TestOps id", p.allure_id);
    } else if (key == "query") {
      p.query_place = sink.at(v);
      keep(v, read_string(v, "query", sink), [](const std::string& q) { return !q.empty(); },
           "query is empty; write the AQL the plan selects, or use `cases`", p.query);
    } else if (key == "cases") {
      p.cases_place = sink.at(v);
      keep(v, read_string_list(v, "cases", sink), [](const std::vector<std::string>& g) { return !g.empty(); },
           "cases is empty; list case ids or globs, or use `query`", p.cases);
    }
  }
  if (!doc["name"]) {
    sink.error(doc, "a test plan needs a `name`");
    ok = false;
  }
  const bool has_query = static_cast<bool>(doc["query"]), has_cases = static_cast<bool>(doc["cases"]);
  if (has_query == has_cases) {
    sink.error(has_cases ? sink.at(doc["cases"]) : sink.at(doc),
               "a test plan has exactly one of `query` and `cases`" +
                   std::string(has_query ? ", not both" : ""));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return p;
}

}  // namespace

FileTestPlans parse_test_plan_file(std::string text, const std::string& file) {
  FileTestPlans result;
  result.diagnostics = read_yaml_documents(std::move(text), file, result.plans, read_test_plan);
  return result;
}

}  // namespace ato::io
