#include "remote/identity_search.hpp"

#include <algorithm>
#include <set>

#include "remote/case_mapping.hpp"
#include "remote/case_search.hpp"
#include "remote/parallel.hpp"
#include "remote/reference_data.hpp"
#include "util/quote.hpp"

namespace ato::remote {
namespace {

// The longest query before URL encoding: the URL stays far below the 8 KB
// that servers and proxies accept.
constexpr std::size_t kQueryChars = 1500;
// Fewer queries than this are sent as they are, without counting first.
constexpr std::size_t kCountFrom = 4;
constexpr int kManagedPageSize = 1000;  // as search_cases asks

// Requests that reading every managed live case takes: its pages (as many as
// the server's page cap makes them), and the keyset sweep after them.
// Unknown (no totalPages): more than any.
std::size_t requests_to_read_all(ApiClient& client, const IdentitySearch& search) {
  const json page =
      read_page(client, search.target + "&rql=" + url_encode(search.managed_rql), 0, kManagedPageSize);
  const auto pages = page.find("totalPages");
  if (pages == page.end() || !pages->is_number_integer()) return static_cast<std::size_t>(-1);
  const auto count = static_cast<std::size_t>(std::max<std::int64_t>(1, pages->get<std::int64_t>()));
  return count == 1 ? 1 : count + 1;
}

}  // namespace

std::vector<std::string> identity_queries(const std::vector<std::string>& tags, std::size_t max_chars) {
  std::vector<std::string> queries;
  for (const auto& tag : tags) {
    const std::string term = "tag = " + util::double_quoted(tag);
    if (queries.empty() || queries.back().size() + 4 + term.size() > max_chars) queries.emplace_back();
    queries.back() += (queries.back().empty() ? "" : " or ") + term;
  }
  return queries;
}

std::vector<json> search_identities(ApiClient& client, const IdentitySearch& search,
                                    const std::vector<std::string>& tags) {
  const auto queries = identity_queries(tags, kQueryChars);
  std::vector<std::vector<json>> found;
  if (queries.size() >= kCountFrom && requests_to_read_all(client, search) < queries.size()) {
    found.push_back(search_cases(client, search.target, search.managed_rql, search.parallelism));
  } else {
    found.resize(queries.size());
    parallel_for(queries.size(), search.parallelism, [&](std::size_t i) {
      found[i] = search_cases(client, search.target, queries[i], search.parallelism);
    });
  }
  // Exact tags only (`~=` matches more, and a server may match loosely).
  const std::set<std::string> wanted(tags.begin(), tags.end());
  std::vector<json> out;
  std::set<std::int64_t> seen;
  for (auto& part : found)
    for (auto& dto : part) {
      const auto id = dto.value("id", std::int64_t{0});
      const bool carries = std::any_of(wanted.begin(), wanted.end(),
                                       [&](const std::string& t) { return carries_tag(dto, t); });
      if (carries && seen.insert(id).second) out.push_back(std::move(dto));
    }
  return out;
}

}  // namespace ato::remote
