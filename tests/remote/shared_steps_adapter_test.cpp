// TestOpsAdapter's shared steps against the real emulator over loopback HTTP:
// references told from inline copies with the fewest requests, listings,
// creates whose outcome is unknown, updates and the write shape.
#include <gtest/gtest.h>

#include <mutex>

#include "core/normalize.hpp"
#include "remote/testops_adapter.hpp"
#include "support/emulator.hpp"

namespace ato::remote {
namespace {

using test::Emulator;

// Forwards to the emulator; the next `drops` requests of one method and path
// get no answer, after the emulator did them (`processed`) or before.
class DroppingTransport final : public HttpTransport {
 public:
  explicit DroppingTransport(std::unique_ptr<HttpTransport> inner) : inner_(std::move(inner)) {}

  void drop(std::string method, std::string path, int drops, bool processed,
            TransportError::Kind kind = TransportError::Kind::Dropped) {
    std::lock_guard lock(mutex_);
    method_ = std::move(method), path_ = std::move(path), drops_ = drops, processed_ = processed,
    kind_ = kind;
  }

  HttpResponse send(const HttpRequest& request) override {
    {
      std::unique_lock lock(mutex_);
      if (drops_ > 0 && request.method == method_ && path_of(request.target) == path_) {
        --drops_;
        lock.unlock();
        if (processed_) inner_->send(request);
        throw TransportError("the connection was dropped (test)", kind_);
      }
    }
    return inner_->send(request);
  }

 private:
  std::unique_ptr<HttpTransport> inner_;
  std::mutex mutex_;
  std::string method_, path_;
  int drops_ = 0;
  bool processed_ = false;
  TransportError::Kind kind_ = TransportError::Kind::Dropped;
};

json body_step(const std::string& body, const std::vector<json>& children = {}) {
  return {{"type", "body"}, {"body", body}, {"steps", json(children)}};
}
json scenario(const std::vector<json>& steps) { return {{"steps", json(steps)}}; }
json shared_ref(std::int64_t id) { return {{"type", "shared"}, {"sharedStepId", id}}; }

core::Step shared_reference(std::int64_t id) {
  core::Step s;
  s.shared_step_id = id;
  return s;
}

core::Step text_step(const std::string& text, std::vector<core::Step> children = {}) {
  core::Step s = core::split_keyword(text);
  s.steps = std::move(children);
  return s;
}

class SharedStepsAdapter : public ::testing::Test {
 protected:
  SharedStepsAdapter() {
    core::Config config;
    config.endpoint = emulator.base_url();
    config.project.id = 1;
    config.auth = core::AuthMode::ApiToken;
    config.parallelism = 4;
    CurlOptions curl;
    curl.base_url = config.endpoint;
    auto dropping = std::make_unique<DroppingTransport>(make_curl_transport(curl));
    transport = dropping.get();
    RetryPolicy retry;
    retry.base_delay = std::chrono::milliseconds(1);
    adapter = std::make_unique<TestOpsAdapter>(
        config, std::make_unique<ApiClient>(std::move(dropping), "/api", config.auth, Emulator::kToken, retry,
                                            nullptr));
  }

  std::int64_t new_shared_step(const std::string& name, const std::vector<json>& steps = {}) {
    const auto id =
        emulator.post("/api/sharedstep", {{"projectId", 1}, {"name", name}})["id"].get<std::int64_t>();
    if (!steps.empty()) emulator.post("/api/sharedstep/" + std::to_string(id) + "/scenario", scenario(steps));
    return id;
  }

  std::int64_t new_case(const std::vector<json>& steps) {
    return emulator
        .post("/api/testcase", {{"projectId", 1}, {"name", "Case"}, {"scenario", scenario(steps)}})["id"]
        .get<std::int64_t>();
  }

  std::vector<core::Step> steps_read(std::int64_t case_id) {
    const auto cases = adapter->read_cases({case_id});
    return cases.empty() ? std::vector<core::Step>{} : cases[0].content.steps;
  }

  std::vector<json> live_shared_steps() {
    return emulator.get("/api/sharedstep?projectId=1&size=100")["content"].get<std::vector<json>>();
  }

  Emulator emulator;
  DroppingTransport* transport = nullptr;
  std::unique_ptr<TestOpsAdapter> adapter;
};

TEST_F(SharedStepsAdapter, AReferenceReadsAsAReferenceAndAnInlineCopyAsSteps) {
  const auto login = new_shared_step("Log in", {body_step("Open /login")});
  const auto uses = new_case({body_step("Given a shop", {shared_ref(login)}), shared_ref(login)});
  const auto copies = new_case({body_step("Log in", {body_step("Open /login")})});
  const auto cases = adapter->read_cases({uses, copies});
  ASSERT_EQ(cases.size(), 2u);
  EXPECT_EQ(cases[0].content.steps,
            (std::vector<core::Step>{text_step("Given a shop", {shared_reference(login)}), shared_reference(login)}));
  EXPECT_EQ(cases[1].content.steps,
            (std::vector<core::Step>{text_step("Log in", {text_step("Open /login")})}));
}

TEST_F(SharedStepsAdapter, TheNormalizedFormIsReadOnlyForCasesNamingASharedStep) {
  const auto login = new_shared_step("Log in", {body_step("Open /login")});
  const auto uses = new_case({shared_ref(login)});
  const auto copies = new_case({body_step("Log in")});
  const auto plain = new_case({body_step("Given a shop", {body_step("log in")})});
  const auto empty = new_case({});
  adapter->project_id();
  emulator.reset_stats();
  EXPECT_EQ(adapter->read_cases({uses, copies, plain, empty}).size(), 4u);
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/overview"), 4);
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/step"), 2) << "the case using it and the inline copy only";
  EXPECT_EQ(emulator.count("GET /api/sharedstep"), 2) << "live and archived, listed once";
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/relation"), 4);
  EXPECT_EQ(emulator.stats()["total"], 12);
}

TEST_F(SharedStepsAdapter, TheSharedStepsAreListedOncePerRun) {
  new_shared_step("Log in");
  const auto a = new_case({body_step("Given a shop")});
  const auto b = new_case({body_step("Given a shop")});
  adapter->read_cases({a});
  adapter->read_cases({b});
  adapter->read_cases({a, b});
  EXPECT_EQ(emulator.count("GET /api/sharedstep"), 2);
}

TEST_F(SharedStepsAdapter, CasesWithoutStepsNeverListTheSharedSteps) {
  new_shared_step("Log in");
  adapter->read_cases({new_case({}), new_case({})});
  EXPECT_EQ(emulator.count("GET /api/sharedstep"), 0);
}

TEST_F(SharedStepsAdapter, AfterReadingTheSharedStepsCasesNeedNoListing) {
  const auto login = new_shared_step("Log in", {body_step("Open /login")});
  const auto uses = new_case({shared_ref(login)});
  ASSERT_EQ(adapter->read_shared_steps().size(), 1u);
  emulator.reset_stats();
  EXPECT_EQ(steps_read(uses), std::vector<core::Step>{shared_reference(login)});
  EXPECT_EQ(emulator.count("GET /api/sharedstep"), 0);
  EXPECT_EQ(emulator.count("GET /api/testcase/{id}/step"), 1);
}

TEST_F(SharedStepsAdapter, AReferenceToAnArchivedSharedStepIsStillAReference) {
  const auto old = new_shared_step("Old login", {body_step("Open /signin")});
  const auto uses = new_case({shared_ref(old)});
  emulator.post("/api/sharedstep/" + std::to_string(old) + "/archive", nullptr);
  EXPECT_EQ(steps_read(uses), std::vector<core::Step>{shared_reference(old)});
}

TEST_F(SharedStepsAdapter, ReadSharedStepsListsLiveAndArchivedOnesWithTheirSteps) {
  const auto login =
      new_shared_step("Log in", {body_step("Given the login page", {body_step("Open /login")})});
  const auto old = new_shared_step("Old login");
  emulator.post("/api/sharedstep/" + std::to_string(old) + "/archive", nullptr);
  new_case({shared_ref(login)});
  new_case({shared_ref(login)});
  emulator.set_faults({{"page_cap", 1}});
  const auto read = adapter->read_shared_steps();
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].allure_id, login);
  EXPECT_FALSE(read[0].archived);
  EXPECT_EQ(read[0].used_by, 2);
  EXPECT_EQ(read[0].content.name, "Log in");
  EXPECT_EQ(read[0].content.steps,
            (std::vector<core::Step>{text_step("Given the login page", {text_step("Open /login")})}));
  EXPECT_EQ(read[0].last_modified,
            emulator.get("/api/sharedstep/" + std::to_string(login))["lastModifiedDate"]);
  EXPECT_EQ(read[1].allure_id, old);
  EXPECT_TRUE(read[1].archived);
  EXPECT_EQ(emulator.count("GET /api/sharedstep/{id}/step"), 2);
}

core::CaseContent login_content() {
  core::CaseContent c;
  c.name = "Log in";
  c.steps = {text_step("Given the login page", {text_step("Open /login")})};
  c.steps[0].expected = "The form is shown";
  return c;
}

TEST_F(SharedStepsAdapter, CreateWritesTheNameThenTheStepsAndReadsBackEqual) {
  const auto id = adapter->create_shared_step(login_content());
  EXPECT_EQ(emulator.count("POST /api/sharedstep"), 1);
  EXPECT_EQ(emulator.count("POST /api/sharedstep/{id}/scenario"), 1);
  const auto read = adapter->read_shared_steps();
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].allure_id, id);
  EXPECT_EQ(read[0].content, core::normalize(login_content()));
}

TEST_F(SharedStepsAdapter, CreateWithoutStepsIsOneRequest) {
  core::CaseContent c;
  c.name = "Nothing yet";
  adapter->project_id();
  emulator.reset_stats();
  adapter->create_shared_step(c);
  EXPECT_EQ(emulator.stats()["total"], 1);
}

TEST_F(SharedStepsAdapter, ACreateWhoseAnswerIsLostIsFoundByItsNameAndNotSentAgain) {
  transport->drop("POST", "/api/sharedstep", 1, true);
  const auto id = adapter->create_shared_step(login_content());
  EXPECT_EQ(emulator.count("POST /api/sharedstep"), 1);
  const auto live = live_shared_steps();
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0]["id"], id);
  EXPECT_EQ(live[0]["stepsCount"], 1) << "its scenario is written after it is found";
}

TEST_F(SharedStepsAdapter, ACreateLostBeforeItArrivedIsSentAgainIgnoringSimilarNames) {
  new_shared_step("log in");
  new_shared_step("Log in as admin");
  transport->drop("POST", "/api/sharedstep", 1, false);
  const auto id = adapter->create_shared_step(login_content());
  EXPECT_EQ(emulator.count("POST /api/sharedstep"), 3) << "two made by the test, then the one sent again";
  const auto live = live_shared_steps();
  ASSERT_EQ(live.size(), 3u);
  EXPECT_EQ(live[2]["id"], id);
  EXPECT_EQ(live[2]["name"], "Log in");
}

TEST_F(SharedStepsAdapter, ACreateThatTimedOutIsNeverSentBlindly) {
  transport->drop("POST", "/api/sharedstep", 1, true, TransportError::Kind::TimedOut);
  const auto id = adapter->create_shared_step(login_content());
  EXPECT_EQ(live_shared_steps().size(), 1u);
  EXPECT_EQ(live_shared_steps()[0]["id"], id);

  transport->drop("POST", "/api/sharedstep", 1, false, TransportError::Kind::TimedOut);
  core::CaseContent other;
  other.name = "Log out";
  try {
    adapter->create_shared_step(other);
    ADD_FAILURE() << "a create that may still be running was sent again";
  } catch (const core::RemoteError& e) {
    EXPECT_NE(std::string(e.what()).find("not sent again"), std::string::npos) << e.what();
  }
  EXPECT_EQ(live_shared_steps().size(), 1u);
}

TEST_F(SharedStepsAdapter, UpdateWritesOnlyTheGivenFields) {
  const auto id = new_shared_step("Log in", {body_step("Open /login")});
  auto after = login_content();
  after.name = "Sign in";
  adapter->update_shared_step(id, after, {core::Field::Name});
  EXPECT_EQ(emulator.count("PATCH /api/sharedstep/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/sharedstep/{id}/scenario"), 1) << "only the test's own";
  adapter->update_shared_step(id, after, {core::Field::Steps});
  EXPECT_EQ(emulator.count("PATCH /api/sharedstep/{id}"), 1);
  EXPECT_EQ(emulator.count("POST /api/sharedstep/{id}/scenario"), 2);
  const auto read = adapter->read_shared_steps();
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].content, core::normalize(after));
}

TEST_F(SharedStepsAdapter, ArchiveAndUnarchive) {
  const auto id = new_shared_step("Log in");
  const std::string path = "/api/sharedstep/" + std::to_string(id);
  adapter->archive_shared_step(id);
  EXPECT_EQ(emulator.get(path)["archived"], true);
  adapter->unarchive_shared_step(id);
  EXPECT_EQ(emulator.get(path)["archived"], false);
}

TEST_F(SharedStepsAdapter, AWriteToASharedStepThatIsGoneSaysSo) {
  try {
    adapter->archive_shared_step(999999);
    ADD_FAILURE() << "no error";
  } catch (const core::RemoteError& e) {
    EXPECT_EQ(e.status(), 404);
    EXPECT_NE(std::string(e.what()).find("shared step is gone"), std::string::npos) << e.what();
  }
}

TEST_F(SharedStepsAdapter, ACaseWrittenWithAReferenceReadsBackEqual) {
  const auto login = new_shared_step("Log in", {body_step("Open /login")});
  core::CaseContent content;
  content.name = "Checkout";
  content.status = "Active";
  content.steps = {shared_reference(login), text_step("Then it is paid", {shared_reference(login)})};
  const auto id = adapter->create_case("checkout", content).allure_id;
  const auto flat = emulator.get("/api/testcase/" + std::to_string(id) + "/step");
  EXPECT_EQ(
      flat["scenarioSteps"][std::to_string(flat["root"]["children"][0].get<std::int64_t>())]["sharedStepId"],
      login);
  EXPECT_EQ(steps_read(id), core::normalize(content).steps);

  content.steps = {text_step("Log in", {text_step("Open /login")})};  // switched to an inline copy
  adapter->update_case(id, "checkout", content, {core::Field::Steps});
  EXPECT_EQ(steps_read(id), core::normalize(content).steps);
}

}  // namespace
}  // namespace ato::remote
