#include "core/test_plan.hpp"

#include <algorithm>
#include <cctype>

namespace ato::core {

std::span<const Field> test_plan_fields() {
  static constexpr Field kFields[] = {Field::Name, Field::Query, Field::PlanCases};
  return kFields;
}

std::string cases_query(std::vector<std::int64_t> allure_ids) {
  std::sort(allure_ids.begin(), allure_ids.end());
  allure_ids.erase(std::unique(allure_ids.begin(), allure_ids.end()), allure_ids.end());
  if (allure_ids.empty()) return "";  // no baseRql selects nothing
  std::string out = "id in [";
  for (std::size_t i = 0; i < allure_ids.size(); ++i) out += (i ? ", " : "") + std::to_string(allure_ids[i]);
  return out + "]";
}

std::optional<std::vector<std::int64_t>> ids_of_cases_query(const std::string& query) {
  std::vector<std::int64_t> ids;
  if (query.empty()) return ids;
  constexpr std::string_view kHead = "id in [";
  if (query.rfind(kHead, 0) != 0 || query.back() != ']') return std::nullopt;
  const std::string inner = query.substr(kHead.size(), query.size() - kHead.size() - 1);
  std::size_t at = 0;
  while (at < inner.size()) {
    while (at < inner.size() && inner[at] == ' ') ++at;
    std::size_t end = at;
    while (end < inner.size() && std::isdigit(static_cast<unsigned char>(inner[end]))) ++end;
    if (end == at || end - at > 18) return std::nullopt;
    ids.push_back(std::stoll(inner.substr(at, end - at)));
    while (end < inner.size() && inner[end] == ' ') ++end;
    if (end < inner.size() && inner[end] != ',') return std::nullopt;
    at = end + 1;
  }
  if (cases_query(ids) != query) return std::nullopt;  // only the form ato-sync writes
  return ids;
}

}  // namespace ato::core
