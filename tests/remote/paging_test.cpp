// read_all_pages against a scripted transport: every item once and in order,
// the pages after the first read side by side, odd page answers survived.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <set>

#include "remote/reference_data.hpp"

namespace ato::remote {
namespace {

// Answers GET ...?page=N&size=S from `page_for(N)`; records the pages asked.
class PagesTransport final : public HttpTransport {
 public:
  explicit PagesTransport(std::function<json(int)> page_for) : page_for_(std::move(page_for)) {}

  HttpResponse send(const HttpRequest& request) override {
    const auto at = request.target.find("page=");
    const int page = std::stoi(request.target.substr(at + 5));
    {
      std::lock_guard lock(mutex_);
      asked.push_back(page);
    }
    return {200, page_for_(page).dump(), "application/json", ""};
  }

  std::vector<int> asked;

 private:
  std::function<json(int)> page_for_;
  std::mutex mutex_;
};

// A Spring page of items [page*size, page*size+size) out of `total`.
json spring_page(int page, int size, int total, bool with_total_pages = true) {
  json content = json::array();
  for (int i = page * size; i < std::min(total, page * size + size); ++i) content.push_back({{"id", i}});
  json answer = {{"content", content}, {"last", (page + 1) * size >= total}};
  if (with_total_pages) answer["totalPages"] = (total + size - 1) / size;
  return answer;
}

std::vector<int> ids_of(const std::vector<json>& items) {
  std::vector<int> ids;
  for (const auto& item : items) ids.push_back(item["id"].get<int>());
  return ids;
}

std::vector<int> range(int n) {
  std::vector<int> out;
  for (int i = 0; i < n; ++i) out.push_back(i);
  return out;
}

struct Client {
  PagesTransport* transport;
  ApiClient api;
  explicit Client(std::function<json(int)> page_for)
      : Client(std::make_unique<PagesTransport>(std::move(page_for))) {}

 private:
  explicit Client(std::unique_ptr<PagesTransport> owned)
      : transport(owned.get()), api(std::move(owned), "/api", core::AuthMode::ApiToken, "t", RetryPolicy{}, nullptr) {}
};

TEST(Paging, EveryItemOnceAndInOrderWhenPagesAreReadSideBySide) {
  Client client([](int page) { return spring_page(page, 10, 95); });
  EXPECT_EQ(ids_of(read_all_pages(client.api, "/testcase/__search?projectId=1", 10, 4)), range(95));
  std::multiset<int> asked(client.transport->asked.begin(), client.transport->asked.end());
  EXPECT_EQ(asked, std::multiset<int>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})) << "each page exactly once";
}

TEST(Paging, WithoutTotalPagesItFollowsLastOneByOne) {
  Client client([](int page) { return spring_page(page, 10, 25, false); });
  EXPECT_EQ(ids_of(read_all_pages(client.api, "/testlayer", 10, 4)), range(25));
  EXPECT_EQ(client.transport->asked, (std::vector<int>{0, 1, 2}));
}

TEST(Paging, PagesThatAppearedAfterTheCountAreStillRead) {
  // The first page counted 2 pages; by the time page 1 is read there are 3.
  Client client([](int page) {
    auto answer = spring_page(page, 10, 25);
    if (page == 0) answer["totalPages"] = 2;
    return answer;
  });
  EXPECT_EQ(ids_of(read_all_pages(client.api, "/x", 10, 4)), range(25));
}

TEST(Paging, AnswerWithAWronglyTypedLastEndsTheListInsteadOfThrowing) {
  Client client([](int page) {
    auto answer = spring_page(page, 10, 30);
    answer["last"] = "no";
    answer["totalPages"] = "three";
    return answer;
  });
  EXPECT_EQ(ids_of(read_all_pages(client.api, "/x", 10, 4)), range(10));
}

TEST(Paging, AnswerWithoutContentIsAClearError) {
  Client client([](int) { return json{{"items", json::array()}}; });
  try {
    read_all_pages(client.api, "/testcase/__search?projectId=1", 10, 4);
    FAIL() << "no error";
  } catch (const core::RemoteError& e) {
    EXPECT_STREQ(e.what(), "GET /testcase/__search did not answer a page (no `content` list)");
  }
}

}  // namespace
}  // namespace ato::remote
