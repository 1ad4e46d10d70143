#include "core/test_identity.hpp"

#include <algorithm>

namespace ato::core {

std::string test_identity(std::string_view history_id, std::string_view name,
                          const std::vector<ResultParameter>& parameters) {
  // Each part is length-prefixed, so no name or value can run into the next
  // one; the two kinds of key start with different letters.
  const auto part = [](std::string_view text) {
    return std::to_string(text.size()) + ":" + std::string(text);
  };
  if (!history_id.empty()) return "h" + part(history_id);
  std::vector<const ResultParameter*> included;
  for (const auto& p : parameters)
    if (!p.excluded) included.push_back(&p);
  std::stable_sort(included.begin(), included.end(),
                   [](const ResultParameter* a, const ResultParameter* b) { return a->name < b->name; });
  std::string key = "n" + part(name);
  for (const auto* p : included) key += part(p->name) + part(p->value);
  return key;
}

std::vector<ShownParameter> shown_parameters(const std::vector<ResultParameter>& parameters) {
  std::vector<ShownParameter> shown;
  for (const auto& p : parameters)
    if (!p.hidden) shown.push_back({p.name, p.masked ? "******" : p.value});
  return shown;
}

std::int64_t run_time(std::int64_t start, std::int64_t stop) { return stop != 0 ? stop : start; }

int status_rank(std::string_view status) {
  if (status == "failed") return 0;
  if (status == "broken") return 1;
  if (status == "skipped") return 3;
  if (status == "passed") return 4;
  return 2;  // unknown, or a status no Allure writer uses
}

}  // namespace ato::core
