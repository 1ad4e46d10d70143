#pragma once
// ato-sync.yaml as plain data (SPEC.md §1.1). io/ loads it; everything else
// reads it. The token is never part of it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/plan.hpp"

namespace ato::core {

enum class AuthMode { Exchange, ApiToken, Bearer };

// A project by id or by name.
struct ProjectRef {
  std::optional<std::int64_t> id;
  std::string name;
};

// An integration by id or by name.
struct IntegrationRef {
  std::optional<std::int64_t> id;
  std::string name;
};

// Severity and priority go to a tag ("severity:critical") or a custom field.
struct ClassifierMapping {
  std::string field;  // empty = tag "<key>:<value>"
};

// How ato-sync talks HTTP (config `http:`); times in seconds.
struct HttpSettings {
  int timeout = 60;          // one request, from connecting to the last byte
  int connect_timeout = 10;
  int attempts = 8;          // tries per request, the first one included
  int retry_budget = 120;    // total waiting between the tries of one request
};

// Files attached to cases (config `attachments:`, SPEC.md §1.4).
struct AttachmentSettings {
  std::int64_t max_bytes = 10 << 20;  // the largest file
};

struct Config {
  std::string config_path;  // where it was read from; its folder is the repository root
  std::string endpoint;     // without trailing slash
  ProjectRef project;
  std::string cases_dir = "cases";
  std::string shared_steps_dir = "shared-steps";  // absent folder = no shared steps
  bool prune_shared_steps = false;  // archive shared steps no YAML names and no live case uses (SPEC.md §2)
  std::string test_plans_dir = "test-plans";  // absent folder = no test plans (SPEC.md §1.5)
  bool prune_test_plans = false;  // delete test plans no file names
  std::string api_prefix = "/api";
  AuthMode auth = AuthMode::Exchange;
  std::string id_tag_prefix = "ato-sync:";
  int parallelism = 8;
  std::string archive_status;  // empty: soft delete
  ArchiveGuard guard;
  std::string default_status = "Active";
  std::string default_layer;  // empty = none
  std::map<std::string, std::string> fields{  // YAML key -> custom field name
      {"feature", "Feature"}, {"suite", "Suite"}, {"component", "Component"}};
  ClassifierMapping severity;
  ClassifierMapping priority;
  std::map<std::string, IntegrationRef> integrations;  // issue prefix -> integration
  std::vector<std::string> disabled_lints;
  HttpSettings http;
  AttachmentSettings attachments;
  std::string cacert;  // extra CA bundle (from --cacert / ATO_CA_BUNDLE)
};

}  // namespace ato::core
