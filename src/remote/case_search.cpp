#include "remote/case_search.hpp"

#include <algorithm>

#include "remote/parallel.hpp"
#include "remote/reference_data.hpp"

namespace ato::remote {
namespace {

constexpr int kPageSize = 1000;
// Seams per sweep request: keeps its URL near 2 KB, far below what servers
// and proxies accept, even when a small page cap makes many pages.
constexpr std::size_t kGapsPerSweep = 40;

std::int64_t case_id(const json& dto) {
  const auto it = dto.find("id");
  return it != dto.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

std::string search_target(const std::string& target, const std::string& rql) {
  return target + "&rql=" + url_encode(rql) + "&sort=id%2CASC";
}

// Where the pages may have missed a case: between each two pages read, and
// after the last. A page is one consistent answer of the server, so a case
// that was there all along and lies within a page's ids is in that page.
std::vector<IdGap> gaps_between(const std::vector<json>& pages) {
  std::vector<IdGap> gaps;
  std::optional<std::int64_t> highest;
  for (const auto& page : pages) {
    if (page.empty()) continue;
    std::int64_t low = case_id(page.front()), high = low;
    for (const auto& dto : page) {
      low = std::min(low, case_id(dto));
      high = std::max(high, case_id(dto));
    }
    // Pages that overlap (a case restored meanwhile pushed the rest on) leave no gap.
    if (highest && low > *highest + 1) gaps.push_back({*highest, low});
    highest = std::max(highest.value_or(high), high);
  }
  if (highest) gaps.push_back({*highest, std::nullopt});
  return gaps;
}

// Every case of `rql` in `gaps`, by keyset pages: each asks for ids above
// the last one seen instead of an offset, so nothing can shift under it.
std::vector<json> sweep(ApiClient& client, const std::string& target, const std::string& rql,
                        const std::vector<IdGap>& gaps) {
  std::vector<json> found;
  std::optional<std::int64_t> after;
  for (;;) {
    json page = read_page(client, search_target(target, rql_within(rql, gaps, after)), 0, kPageSize);
    std::optional<std::int64_t> highest = after;
    for (auto& dto : page["content"]) {
      highest = std::max(highest.value_or(case_id(dto)), case_id(dto));
      found.push_back(std::move(dto));
    }
    // A server that ignored the id bound would answer the same page forever.
    if (is_last_page(page) || highest == after) return found;
    after = highest;
  }
}

}  // namespace

std::string rql_within(const std::string& rql, const std::vector<IdGap>& gaps, std::optional<std::int64_t> after) {
  std::string within;
  for (const auto& gap : gaps) {
    if (!within.empty()) within += " or ";
    within += gap.below ? "(id > " + std::to_string(gap.above) + " and id < " + std::to_string(*gap.below) + ")"
                        : "id > " + std::to_string(gap.above);
  }
  std::string out = "(" + rql + ")";
  if (!within.empty()) out += " and (" + within + ")";
  if (after) out += " and id > " + std::to_string(*after);
  return out;
}

std::vector<json> search_cases(ApiClient& client, const std::string& target, const std::string& rql, int parallelism) {
  std::vector<json> pages = read_pages(client, search_target(target, rql), kPageSize, parallelism);
  // One page is one consistent answer: nothing can have slipped past it.
  const std::vector<IdGap> gaps = pages.size() > 1 ? gaps_between(pages) : std::vector<IdGap>{};
  std::vector<std::vector<IdGap>> sweeps;
  for (std::size_t i = 0; i < gaps.size(); i += kGapsPerSweep)
    sweeps.emplace_back(gaps.begin() + static_cast<std::ptrdiff_t>(i),
                        gaps.begin() + static_cast<std::ptrdiff_t>(std::min(gaps.size(), i + kGapsPerSweep)));
  std::vector<std::vector<json>> swept(sweeps.size());
  parallel_for(sweeps.size(), parallelism, [&](std::size_t i) { swept[i] = sweep(client, target, rql, sweeps[i]); });

  std::vector<json> cases;
  for (auto& page : pages)
    for (auto& dto : page) cases.push_back(std::move(dto));
  for (auto& found : swept)
    for (auto& dto : found) cases.push_back(std::move(dto));
  // A case pushed from one page onto the next is read twice: keep it once.
  std::stable_sort(cases.begin(), cases.end(), [](const json& a, const json& b) { return case_id(a) < case_id(b); });
  cases.erase(std::unique(cases.begin(), cases.end(), [](const json& a, const json& b) { return case_id(a) == case_id(b); }),
              cases.end());
  return cases;
}

}  // namespace ato::remote
