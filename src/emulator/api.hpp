#pragma once
// The emulated REST API: route registration and the shared plumbing every
// API route goes through (stats, faults, auth, locking, persistence).
#include <httplib.h>

#include <functional>
#include <map>
#include <string>

#include "emulator/dto.hpp"
#include "emulator/faults.hpp"
#include "emulator/options.hpp"
#include "emulator/store.hpp"

namespace ato::emulator {

class NotFound : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The request conflicts with the data (a shared step still in use): answered 409.
class Conflict : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Answer {
  int status = 200;
  json body;
  // Not JSON (an attachment's content): these bytes with this type instead of `body`.
  std::string raw{};
  std::string raw_type{};
  std::vector<std::pair<std::string, std::string>> headers{};
};

class Api {
 public:
  Api(Options options, Store& store);

  void register_routes(httplib::Server& server);
  void save_state();  // atomically, when --state was given

 private:
  using Handler = std::function<Answer(const httplib::Request&)>;
  // Registers an API route under the prefix: counted, faulted, authenticated.
  void route(httplib::Server& server, const std::string& method, const std::string& pattern, bool write,
             Handler handler);
  std::optional<std::string> authenticate(const httplib::Request& req);
  Answer exchange_token(const httplib::Request& req);

  void register_reference_routes(httplib::Server& server);
  void register_case_routes(httplib::Server& server);
  void register_shared_step_routes(httplib::Server& server);  // routes_shared_steps.cpp
  void register_test_plan_routes(httplib::Server& server);    // routes_test_plans.cpp
  void register_attachment_routes(httplib::Server& server);
  void register_admin_routes(httplib::Server& server);
  // Members and roles, relations, examples, the update schema, test results.
  void register_case_extra_routes(httplib::Server& server);

  StoredCase& live_case(const httplib::Request& req, bool allow_deleted = false);
  StoredSharedStep& shared_step(const httplib::Request& req);  // by the route's id; NotFound
  void apply_case_fields(StoredCase& c, const json& body, bool creating);
  json search(const httplib::Request& req);
  // Soft-deletes up to `count` live cases that `rql` selects, lowest ids
  // first, as a user in the UI would; false when none. Throws BadRequest.
  bool soft_delete_cases(const std::string& rql, int count);
  // The live cases `rql` selects (a test plan's testCasesCount); empty: none. Throws BadRequest.
  std::int64_t count_live_cases(const std::string& rql);

  Options options_;
  Store& store_;
  Faults faults_;
  Stats stats_;
  std::mutex tokens_mutex_;
  std::map<std::string, std::chrono::steady_clock::time_point> jwts_;
  std::string current_user_ = "emulator";
};

// The real server's error body: {status, error, message}.
json error_body(int status, const std::string& message);
std::int64_t int_param(const httplib::Request& req, const std::string& name, std::int64_t fallback);

}  // namespace ato::emulator
