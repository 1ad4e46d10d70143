// search_cases against a scripted search route that evaluates the AQL it is
// sent (the emulator's evaluator) over a set of ids that changes while the
// pages are read, as it does when someone deletes cases in the UI meanwhile.
#include "remote/case_search.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <mutex>
#include <set>

#include "emulator/aql.hpp"
#include "remote/identity_search.hpp"
#include "remote/reference_data.hpp"

namespace ato::remote {
namespace {

std::string query_param(const std::string& target, const std::string& name) {
  const auto at = target.find("&" + name + "=") != std::string::npos ? target.find("&" + name + "=")
                                                                     : target.find("?" + name + "=");
  if (at == std::string::npos) return {};
  const auto from = at + name.size() + 2;
  const std::string raw = target.substr(from, target.find('&', from) - from);
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '%' && i + 2 < raw.size()) {
      out.push_back(static_cast<char>(std::stoi(raw.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(raw[i]);
    }
  }
  return out;
}

// The search route of a server that caps pages at `cap`, over `ids`.
// `meanwhile(n)` runs before the n-th request (from 0) is answered.
class SearchRoute final : public HttpTransport {
 public:
  SearchRoute(std::set<std::int64_t> ids, int cap) : ids_(std::move(ids)), cap_(cap) {}

  HttpResponse send(const HttpRequest& request) override {
    std::lock_guard lock(mutex_);
    if (meanwhile) meanwhile(static_cast<int>(targets.size()), ids_);
    targets.push_back(request.target);
    const auto query = emulator::AqlQuery::parse(query_param(request.target, "rql"), {"id", "tag"});
    std::vector<std::int64_t> matching;
    for (const auto id : ids_) {
      const bool match = ignore_rql || query.matches([&](const std::string& attribute) {
        if (attribute == "id") return std::vector<emulator::AqlValue>{{true, static_cast<double>(id), std::to_string(id)}};
        return std::vector<emulator::AqlValue>{{false, 0, "ato-sync:c" + std::to_string(id)}};
      });
      if (match) matching.push_back(id);
    }
    const int page = std::stoi(query_param(request.target, "page"));
    const int size = std::min(cap_, std::stoi(query_param(request.target, "size")));
    json content = json::array();
    for (std::size_t i = static_cast<std::size_t>(page * size); i < matching.size() && content.size() < static_cast<std::size_t>(size); ++i)
      content.push_back(
          {{"id", matching[i]}, {"tags", {{{"name", "ato-sync:c" + std::to_string(matching[i])}}}}});
    const auto total = static_cast<int>(matching.size());
    const json answer = {{"content", content},
                         {"totalElements", total},
                         {"totalPages", (total + size - 1) / size},
                         {"last", (page + 1) * size >= total}};
    return {200, answer.dump(), "application/json", ""};
  }

  std::function<void(int, std::set<std::int64_t>&)> meanwhile;
  bool ignore_rql = false;
  std::vector<std::string> targets;

 private:
  std::set<std::int64_t> ids_;
  int cap_;
  std::mutex mutex_;
};

struct Server {
  SearchRoute* route;
  ApiClient api;
  Server(std::set<std::int64_t> ids, int cap) : Server(std::make_unique<SearchRoute>(std::move(ids), cap)) {}

 private:
  explicit Server(std::unique_ptr<SearchRoute> owned)
      : route(owned.get()), api(std::move(owned), "/api", core::AuthMode::ApiToken, "t", RetryPolicy{}, nullptr) {}
};

const std::string kTarget = "/testcase/__search?projectId=1&deleted=false";
const std::string kManaged = "tag ~= \"ato-sync:\"";

std::set<std::int64_t> ids_from(std::int64_t first, std::int64_t last, std::int64_t step = 1) {
  std::set<std::int64_t> ids;
  for (auto id = first; id <= last; id += step) ids.insert(id);
  return ids;
}

std::vector<std::int64_t> found_ids(const std::vector<json>& cases) {
  std::vector<std::int64_t> ids;
  for (const auto& c : cases) ids.push_back(c["id"].get<std::int64_t>());
  return ids;
}

std::vector<std::int64_t> sorted(const std::set<std::int64_t>& ids) { return {ids.begin(), ids.end()}; }

TEST(CaseSearch, CasesThatStayAreFoundWhenEarlierOnesAreDeletedWhilePagesAreRead) {
  // 100 managed cases, pages of 10; before every page after the first, two
  // of the ten lowest ids are soft-deleted, shifting every later offset.
  Server server(ids_from(1, 100), 10);
  server.route->meanwhile = [](int request, std::set<std::int64_t>& ids) {
    for (int k = 0; request > 0 && k < 2 && !ids.empty() && *ids.begin() <= 10; ++k) ids.erase(ids.begin());
  };
  const auto found = found_ids(search_cases(server.api, kTarget, kManaged, 1));
  const auto stayed = ids_from(11, 100);
  EXPECT_TRUE(std::includes(found.begin(), found.end(), stayed.begin(), stayed.end()));
  EXPECT_TRUE(std::is_sorted(found.begin(), found.end()));
  EXPECT_EQ(std::set<std::int64_t>(found.begin(), found.end()).size(), found.size()) << "a case read twice";
}

TEST(CaseSearch, CaseRestoredWhilePagesAreReadIsReturnedOnce) {
  // Ids 2, 4, ..., 100; the odd ones come back (restored) while pages are read,
  // so later pages start earlier than planned and overlap.
  Server server(ids_from(2, 100, 2), 10);
  server.route->meanwhile = [](int request, std::set<std::int64_t>& ids) {
    if (request > 0 && request < 5) ids.insert({request * 2 - 1, request * 2 + 19});
  };
  const auto found = found_ids(search_cases(server.api, kTarget, kManaged, 1));
  const auto stayed = ids_from(2, 100, 2);
  EXPECT_TRUE(std::includes(found.begin(), found.end(), stayed.begin(), stayed.end()));
  EXPECT_EQ(std::set<std::int64_t>(found.begin(), found.end()).size(), found.size()) << "a case read twice";
}

TEST(CaseSearch, PagesAreStillReadSideBySideAndTheSweepIsOneRequest) {
  Server server(ids_from(1, 100), 10);
  EXPECT_EQ(found_ids(search_cases(server.api, kTarget, kManaged, 4)), sorted(ids_from(1, 100)));
  EXPECT_EQ(server.route->targets.size(), 11u) << "10 pages and one sweep";
}

TEST(CaseSearch, OnePageIsOneConsistentAnswerAndNeedsNoSweep) {
  Server server(ids_from(1, 5), 10);
  EXPECT_EQ(found_ids(search_cases(server.api, kTarget, kManaged, 4)), sorted(ids_from(1, 5)));
  EXPECT_EQ(server.route->targets.size(), 1u);
}

TEST(CaseSearch, SweepOverManySeamsIsSplitIntoShortRequests) {
  // Pages of one case with gaps between every two ids: 100 seams.
  Server server(ids_from(3, 300, 3), 1);
  server.route->meanwhile = [](int request, std::set<std::int64_t>& ids) {
    if (request == 1) ids.erase(3);  // everything shifts by one
  };
  const auto found = found_ids(search_cases(server.api, kTarget, kManaged, 4));
  const auto stayed = ids_from(6, 300, 3);
  EXPECT_TRUE(std::includes(found.begin(), found.end(), stayed.begin(), stayed.end()));
  for (const auto& target : server.route->targets) EXPECT_LT(target.size(), 4000u) << target.substr(0, 200);
}

TEST(CaseSearch, KeysetSweepFollowsTheIdsPastThePageCap) {
  // More than a page of cases created after the last page was read.
  Server server(ids_from(1, 20), 10);
  server.route->meanwhile = [](int request, std::set<std::int64_t>& ids) {
    if (request == 2) ids.merge(ids_from(21, 45));
  };
  EXPECT_EQ(found_ids(search_cases(server.api, kTarget, kManaged, 1)), sorted(ids_from(1, 45)));
}

TEST(CaseSearch, ServerThatIgnoresTheIdBoundStillEnds) {
  Server server(ids_from(1, 30), 10);
  server.route->ignore_rql = true;
  EXPECT_EQ(found_ids(search_cases(server.api, kTarget, kManaged, 2)), sorted(ids_from(1, 30)));
}

TEST(CaseSearch, SweepNamesEachSeamAndTheIdsAfterTheLastPage) {
  EXPECT_EQ(rql_within(kManaged, {{10, 15}, {30, std::nullopt}}, std::nullopt),
            "(tag ~= \"ato-sync:\") and ((id > 10 and id < 15) or id > 30)");
  EXPECT_EQ(rql_within(kManaged, {{30, std::nullopt}}, 42), "(tag ~= \"ato-sync:\") and (id > 30) and id > 42");
}

std::vector<std::string> tags_of(const std::set<std::int64_t>& ids) {
  std::vector<std::string> tags;
  for (const auto id : ids) tags.push_back("ato-sync:c" + std::to_string(id));
  return tags;
}

std::size_t asked_with(const SearchRoute& route, const std::string& part) {
  return static_cast<std::size_t>(
      std::count_if(route.targets.begin(), route.targets.end(),
                    [&](const std::string& t) { return t.find(url_encode(part)) != std::string::npos; }));
}

const IdentitySearch kIdentities{kTarget, kManaged, 1};

TEST(IdentitySearch, FewIdentitiesAreAskedByNameOnly) {
  Server server(ids_from(1, 5000), 1000);
  const auto found = found_ids(search_identities(server.api, kIdentities, tags_of({7, 4000, 6000})));
  EXPECT_EQ(found, (std::vector<std::int64_t>{7, 4000}));
  EXPECT_EQ(server.route->targets.size(), 1u);
  EXPECT_EQ(asked_with(*server.route, "tag ~="), 0u);
}

TEST(IdentitySearch, ManyIdentitiesInASmallProjectReadEveryManagedCaseInstead) {
  // 200 identities take 8 queries by name; the 300 managed cases, one page.
  Server server(ids_from(1, 300), 1000);
  const auto found = found_ids(search_identities(server.api, kIdentities, tags_of(ids_from(101, 300))));
  EXPECT_EQ(found, sorted(ids_from(101, 300)));  // only the identities asked for
  EXPECT_EQ(server.route->targets.size(), 2u);   // the first page to count, then the read
  EXPECT_EQ(asked_with(*server.route, "tag = "), 0u);
}

TEST(IdentitySearch, ManyIdentitiesInALargeProjectAreAskedByName) {
  // Pages capped at 10 make the project's 300 managed cases 30 pages: more
  // than the 8 queries by name.
  Server server(ids_from(1, 300), 10);
  const auto found = found_ids(search_identities(server.api, kIdentities, tags_of(ids_from(101, 300))));
  EXPECT_EQ(found, sorted(ids_from(101, 300)));
  EXPECT_EQ(asked_with(*server.route, "tag ~="), 1u);  // the count
  EXPECT_GE(asked_with(*server.route, "tag = "), 8u);
}

TEST(IdentitySearch, QueriesStayWithinTheirLength) {
  const auto queries = identity_queries(tags_of(ids_from(1, 100)), 200);
  ASSERT_GT(queries.size(), 1u);
  std::size_t terms = 0;
  for (const auto& q : queries) {
    EXPECT_LE(q.size(), 200u) << q;
    terms += static_cast<std::size_t>(std::count(q.begin(), q.end(), '='));
  }
  EXPECT_EQ(terms, 100u);
  EXPECT_EQ(queries[0].rfind(R"(tag = "ato-sync:c1" or tag = "ato-sync:c2" or )", 0), 0u) << queries[0];
}

}  // namespace
}  // namespace ato::remote
