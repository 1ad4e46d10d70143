#include "io/config_loader.hpp"

#include <unistd.h>  // environ
#include <yaml-cpp/exceptions.h>

#include <cstdlib>
#include <filesystem>

#include "core/lints.hpp"
#include "io/file_io.hpp"
#include "io/text_checks.hpp"
#include "io/yaml_support.hpp"
#include "util/did_you_mean.hpp"

namespace ato::io {
namespace {

const std::vector<std::string> kConfigKeys = {
    "endpoint", "project", "cases",    "api_prefix", "auth",     "id_tag_prefix", "parallelism", "archive",
    "guard",    "defaults", "fields",  "severity",   "priority", "integrations",  "lints",
    "http",     "shared_steps", "test_plans", "prune", "attachments"};


// Built-in case keys that a `fields:` mapping may not take over.
const std::vector<std::string> kCaseKeys = {"id",   "name",     "description", "precondition", "expected",
                                            "status", "layer",  "fields",      "tags",         "severity",
                                            "priority", "issues", "links",     "allure_id",    "steps",
                                            "attachments"};

// What is wrong with an endpoint, or empty: it is the server's address, with
// its scheme and without the API prefix.
std::string endpoint_problem(std::string endpoint) {
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
  if (endpoint.rfind("https://", 0) != 0 && endpoint.rfind("http://", 0) != 0)
    return "endpoint must start with https:// (or http://), like https://acme.testops.cloud";
  for (const std::string prefix : {"/api", "/api/rs"})
    if (endpoint.size() > prefix.size() && endpoint.compare(endpoint.size() - prefix.size(), prefix.size(), prefix) == 0)
      return "endpoint is the server's address without " + prefix + " (" + endpoint.substr(0, endpoint.size() - prefix.size()) +
             "); the prefix goes in `api_prefix`";
  return {};
}

class ConfigReader {
 public:
  ConfigReader(core::Config& config, DiagnosticSink& sink) : c_(config), sink_(sink) {}

  void read(YamlNode root) {
    check_keys(root, kConfigKeys, "", sink_);
    for (const auto& entry : root) {
      if (!entry.first.IsScalar()) continue;
      const std::string key = entry.first.Scalar();
      const YamlNode value = entry.second;
      if (key == "endpoint") {
        if (auto s = read_string(value, "endpoint", sink_)) {
          if (const auto problem = endpoint_problem(*s); !problem.empty()) sink_.error(value, problem);
          c_.endpoint = *s;
        }
      } else if (key == "project") {
        read_project(value);
      } else if (key == "cases") {
        if (auto s = read_string(value, "cases", sink_)) c_.cases_dir = *s;
      } else if (key == "test_plans") {
        if (auto s = read_string(value, "test_plans", sink_)) c_.test_plans_dir = *s;
      } else if (key == "shared_steps") {
        if (auto s = read_string(value, "shared_steps", sink_)) c_.shared_steps_dir = *s;
      } else if (key == "prune") {
        read_prune(value);
      } else if (key == "api_prefix") {
        if (auto s = read_string(value, "api_prefix", sink_)) c_.api_prefix = *s;
      } else if (key == "auth") {
        read_auth(value);
      } else if (key == "id_tag_prefix") {
        if (auto s = read_string(value, "id_tag_prefix", sink_)) {
          if (s->empty()) sink_.error(value, "id_tag_prefix must not be empty");
          else c_.id_tag_prefix = *s;
        }
      } else if (key == "parallelism") {
        if (auto n = read_integer(value, "parallelism", sink_)) {
          if (*n < 1 || *n > 64) sink_.error(value, "parallelism must be between 1 and 64");
          else c_.parallelism = static_cast<int>(*n);
        }
      } else if (key == "archive") {
        read_archive(value);
      } else if (key == "guard") {
        read_guard(value);
      } else if (key == "defaults") {
        read_defaults(value);
      } else if (key == "fields") {
        read_fields(value);
      } else if (key == "severity") {
        read_classifier(value, "severity", c_.severity);
      } else if (key == "priority") {
        read_classifier(value, "priority", c_.priority);
      } else if (key == "integrations") {
        read_integrations(value);
      } else if (key == "lints") {
        read_lints(value);
      } else if (key == "http") {
        read_http(value);
      } else if (key == "attachments") {
        read_attachments(value);
      }
    }
  }

 private:
  bool expect_map(YamlNode node, const std::string& what) {
    if (node.IsMap()) return true;
    sink_.error(node, what + " must be a mapping, not " + describe(node));
    return false;
  }

  void read_project(YamlNode value) {
    if (value.IsMap()) {
      check_keys(value, {"id", "name"}, "project", sink_);
      if (value["id"]) {
        if (auto n = read_integer(value["id"], "project.id", sink_)) c_.project.id = *n;
      } else if (value["name"]) {
        if (auto s = read_name(value["name"], "project.name", "write the project's name, or use its id", sink_))
          c_.project.name = *s;
      } else {
        sink_.error(value, "project must have an id or a name");
      }
      return;
    }
    if (auto n = read_integer(value, "project (an id, or {name: ...})", sink_)) c_.project.id = *n;
  }

  void read_auth(YamlNode value) {
    auto s = read_string(value, "auth", sink_);
    if (!s) return;
    if (*s == "exchange") c_.auth = core::AuthMode::Exchange;
    else if (*s == "api-token") c_.auth = core::AuthMode::ApiToken;
    else if (*s == "bearer") c_.auth = core::AuthMode::Bearer;
    else
      sink_.error(value, "auth must be exchange, api-token or bearer, not \"" + *s + "\"" +
                             util::did_you_mean(*s, {"exchange", "api-token", "bearer"}));
  }

  void read_archive(YamlNode value) {
    if (value.IsScalar()) {
      if (value.Scalar() != "delete")
        sink_.error(value, "archive must be `delete` or {status: NAME}, not \"" + value.Scalar() + "\"");
      return;
    }
    if (!expect_map(value, "archive")) return;
    check_keys(value, {"status"}, "archive", sink_);
    if (value["status"])
      if (auto s = read_name(value["status"], "archive.status", "write a status name, or `archive: delete`", sink_))
        c_.archive_status = *s;
  }

  void read_guard(YamlNode value) {
    if (!expect_map(value, "guard")) return;
    check_keys(value, {"max_archive", "max_archive_percent"}, "guard", sink_);
    if (value["max_archive"])
      if (auto n = read_integer(value["max_archive"], "guard.max_archive", sink_))
        c_.guard.max_archive = static_cast<int>(*n);
    if (value["max_archive_percent"])
      if (auto n = read_integer(value["max_archive_percent"], "guard.max_archive_percent", sink_))
        c_.guard.max_archive_percent = static_cast<int>(*n);
  }

  void read_prune(YamlNode value) {
    if (!expect_map(value, "prune")) return;
    check_keys(value, {"shared_steps", "test_plans"}, "prune", sink_);
    if (value["shared_steps"])
      if (auto b = read_bool(value["shared_steps"], "prune.shared_steps", sink_)) c_.prune_shared_steps = *b;
    if (value["test_plans"])
      if (auto b = read_bool(value["test_plans"], "prune.test_plans", sink_)) c_.prune_test_plans = *b;
  }

  void read_attachments(YamlNode value) {
    if (!expect_map(value, "attachments")) return;
    check_keys(value, {"max_bytes"}, "attachments", sink_);
    if (!value["max_bytes"]) return;
    if (auto n = read_integer(value["max_bytes"], "attachments.max_bytes", sink_)) {
      if (*n < 0) sink_.error(value["max_bytes"], "attachments.max_bytes must not be negative");
      else c_.attachments.max_bytes = *n;
    }
  }

  void read_defaults(YamlNode value) {
    if (!expect_map(value, "defaults")) return;
    check_keys(value, {"status", "layer"}, "defaults", sink_);
    for (const char* key : {"status", "layer"}) {
      const YamlNode v = value[key];
      if (!v || v.IsNull()) {
        if (v) (std::string(key) == "status" ? c_.default_status : c_.default_layer).clear();
        continue;
      }
      if (auto s = read_name(v, std::string("defaults.") + key,
                             std::string("write `") + key + ": null` for none, or remove the key for the built-in default",
                             sink_))
        (std::string(key) == "status" ? c_.default_status : c_.default_layer) = *s;
    }
  }

  void read_fields(YamlNode value) {
    if (!expect_map(value, "fields")) return;
    c_.fields.clear();
    for (const auto& entry : value) {
      auto key = read_string(entry.first, "a fields key", sink_);
      auto name = read_name(entry.second, "fields." + (key ? *key : std::string("?")),
                            "write the custom field's name in TestOps", sink_);
      if (!key || !name) continue;
      bool builtin = false;
      for (const auto& k : kCaseKeys) builtin = builtin || k == *key;
      if (builtin) sink_.error(entry.first, "fields: '" + *key + "' is a built-in case key and cannot map to a custom field");
      else c_.fields[*key] = *name;
    }
  }

  void read_classifier(YamlNode value, const std::string& what, core::ClassifierMapping& out) {
    if (value.IsScalar()) {
      if (value.Scalar() != "tag") sink_.error(value, what + " must be `tag` or {field: NAME}");
      return;
    }
    if (!expect_map(value, what)) return;
    check_keys(value, {"field"}, what, sink_);
    if (value["field"])
      if (auto s = read_name(value["field"], what + ".field", "write the custom field's name, or `" + what + ": tag`", sink_))
        out.field = *s;
  }

  void read_integrations(YamlNode value) {
    if (!expect_map(value, "integrations")) return;
    for (const auto& entry : value) {
      auto prefix = read_string(entry.first, "an integrations key", sink_);
      if (!prefix) continue;
      const YamlNode ref = entry.second;
      const std::string what = "integrations." + *prefix;
      if (!expect_map(ref, what)) continue;
      check_keys(ref, {"id", "name"}, what, sink_);
      core::IntegrationRef integration;
      if (ref["id"]) {
        if (auto n = read_integer(ref["id"], what + ".id", sink_)) integration.id = *n;
      } else if (ref["name"]) {
        if (auto s = read_name(ref["name"], what + ".name", "write the integration's name, or use its id", sink_))
          integration.name = *s;
      } else {
        sink_.error(ref, what + " must have an id or a name");
        continue;
      }
      c_.integrations[*prefix] = integration;
    }
  }

  void read_http(YamlNode value) {
    if (!expect_map(value, "http")) return;
    struct Setting {
      const char* key;
      int& target;
      int least;
    };
    const Setting settings[] = {{"timeout", c_.http.timeout, 1},
                                {"connect_timeout", c_.http.connect_timeout, 1},
                                {"attempts", c_.http.attempts, 1},
                                {"retry_budget", c_.http.retry_budget, 0}};
    std::vector<std::string> keys;
    for (const auto& s : settings) keys.push_back(s.key);
    check_keys(value, keys, "http", sink_);
    for (const auto& s : settings) {
      if (!value[s.key]) continue;
      const std::string what = std::string("http.") + s.key;
      if (auto n = read_integer(value[s.key], what, sink_)) {
        if (*n < s.least || *n > 86400) sink_.error(value[s.key], what + " must be between " + std::to_string(s.least) + " and 86400");
        else s.target = static_cast<int>(*n);
      }
    }
  }

  void read_lints(YamlNode value) {
    auto names = read_string_list(value, "lints", sink_);
    if (!names) return;
    const auto& lint_names = core::lint_names();
    for (std::size_t i = 0; i < names->size(); ++i) {
      const auto& name = (*names)[i];
      bool known = false;
      for (const auto& l : lint_names) known = known || l == name;
      if (!known) sink_.error(value[i], "unknown lint '" + name + "'" + util::did_you_mean(name, lint_names));
      else c_.disabled_lints.push_back(name);
    }
  }

  core::Config& c_;
  DiagnosticSink& sink_;
};

std::string env_value(const Environment& env, const char* first, const char* second) {
  for (const char* name : {first, second}) {
    const auto it = env.find(name);
    if (it != env.end() && !it->second.empty()) return it->second;
  }
  return {};
}

}  // namespace

Environment process_environment() {
  Environment env;
  for (char** e = environ; *e; ++e) {
    const std::string entry(*e);
    const auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    const std::string name = entry.substr(0, eq);
    if (name.rfind("ATO_", 0) == 0 || name.rfind("ALLURE_", 0) == 0) env[name] = entry.substr(eq + 1);
  }
  return env;
}

ConfigResult load_config(const std::string& path, const Environment& env, bool require_remote) {
  const FileText file = read_whole_file(path, 1u << 20);
  if (!file.ok()) {
    ConfigResult result;
    result.config.config_path = path;
    result.diagnostics.push_back({core::Severity::Error, {display_path(path), 0, 0},
                                  "cannot read the config file: " + file.error +
                                      (file.too_large ? "" : " (create one with `ato-sync init`, or pass --config PATH)"),
                                  ""});
    return result;
  }
  return parse_config(file.text, path, env, require_remote);
}

ConfigResult parse_config(const std::string& text, const std::string& path, const Environment& env,
                          bool require_remote) {
  ConfigResult result;
  core::Config& config = result.config;
  config.config_path = path;
  DiagnosticSink sink(display_path(path));
  if (auto problem = find_text_problem(text)) {
    sink.error(core::SourceLocation{sink.file(), problem->line, problem->column}, problem->message);
    result.diagnostics = sink.take();
    return result;
  }
  try {
    const YamlTree tree(text, YamlDocuments::All);
    report_duplicate_keys(tree, sink);
    const auto documents = tree.roots();
    const YamlNode root = documents.empty() ? YamlNode() : documents.front();
    // A second document would be ignored in silence: it is an error instead.
    for (std::size_t i = 1; i < documents.size(); ++i)
      if (!documents[i].IsNull())
        sink.error(documents[i], "the config is one YAML document; this is another one (merge it into the first)");
    if (!root) {
      // an empty file: every key keeps its default
    } else if (root.IsMap()) {
      if (root["token"])
        sink.error(root["token"], "the token never goes in the config file: set ATO_TOKEN or use --token-file");
      ConfigReader(config, sink).read(root);
    } else if (!root.IsNull()) {
      sink.error(root, "the config must be a mapping of keys (endpoint, project, ...), not " + describe(root));
    }
  } catch (const YAML::Exception& e) {
    sink.error(sink.at(e.mark), "YAML syntax error: " + e.msg);
  }

  if (auto endpoint = env_value(env, "ATO_BASE", "ALLURE_ENDPOINT"); !endpoint.empty()) {
    if (const auto problem = endpoint_problem(endpoint); !problem.empty())
      sink.error(core::SourceLocation{sink.file(), 0, 0}, "ATO_BASE: " + problem);
    config.endpoint = endpoint;
  }
  if (auto project = env_value(env, "ATO_PROJECT_ID", "ALLURE_PROJECT_ID"); !project.empty()) {
    try {
      std::size_t used = 0;
      config.project.id = std::stoll(project, &used);
      if (used != project.size()) throw std::invalid_argument(project);
      config.project.name.clear();
    } catch (const std::exception&) {
      sink.error(core::SourceLocation{sink.file(), 0, 0}, "ATO_PROJECT_ID must be a numeric project id");
    }
  }
  while (!config.endpoint.empty() && config.endpoint.back() == '/') config.endpoint.pop_back();
  if (!config.api_prefix.empty() && config.api_prefix.front() != '/') config.api_prefix.insert(0, "/");
  while (!config.api_prefix.empty() && config.api_prefix.back() == '/') config.api_prefix.pop_back();

  if (require_remote) {
    if (config.endpoint.empty())
      sink.error(core::SourceLocation{sink.file(), 0, 0}, "no endpoint: set `endpoint:` or ATO_BASE");
    if (!config.project.id && config.project.name.empty())
      sink.error(core::SourceLocation{sink.file(), 0, 0}, "no project: set `project:` or ATO_PROJECT_ID");
  }
  result.diagnostics = sink.take();
  return result;
}

}  // namespace ato::io
