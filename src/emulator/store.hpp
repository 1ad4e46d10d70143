#pragma once
// The emulator's data: one project with its reference data and test cases,
// in memory, optionally persisted to a JSON file. Not thread-safe by itself:
// the server holds `mutex` around every use.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ato::emulator {

struct NamedItem {
  std::int64_t id = 0;
  std::string name;
};

struct CustomField {
  std::int64_t id = 0;          // customField.id, used everywhere
  std::int64_t project_link = 0;  // the CustomFieldProjectDto's own id
  std::string name;
};

struct CustomFieldValue {
  std::int64_t id = 0;
  std::int64_t field_id = 0;
  std::string name;
};

struct Integration {
  std::int64_t id = 0;
  std::string name;
  std::string type;
};

struct Issue {
  std::string name;
  std::int64_t integration_id = 0;
};

struct Link {
  std::string name, url, type;
};

struct ScenarioStep {
  std::int64_t id = 0;
  std::string body;
  std::string expected;  // empty = none
  std::vector<ScenarioStep> steps;
  std::int64_t shared_step_id = 0;  // a reference to a shared step: no body, no children
  std::int64_t attachment_id = 0;  // an attachment step: no body, no children
  std::vector<std::int64_t> expected_attachments;  // attachment steps of the expected result
};

// A file attached to a test case (API-NOTES.md "Test case attachments").
struct StoredAttachment {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string name;
  std::string content_type;
  std::string bytes;
};


// A shared step: a named list of steps that case scenarios refer to.
struct StoredSharedStep {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string name;
  bool archived = false;
  std::vector<ScenarioStep> steps;
  std::int64_t created_date = 0, last_modified = 0;
  std::string created_by, last_modified_by;
};

// A test plan: a name and the AQL (baseRql) that selects its cases.
struct StoredTestPlan {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string name;
  std::string base_rql;          // empty: selects nothing
  std::int64_t cases_count = 0;  // as of the last create, patch or sync
  std::int64_t created_date = 0, last_modified = 0;
  std::string created_by, last_modified_by;
};

struct CaseMember {
  std::string name;
  std::int64_t role_id = 0;
};

struct Parameter {
  std::string name, value;
};

struct CaseExample {
  std::int64_t id = 0;
  std::vector<Parameter> parameters;
};

// One relation, shown at both ends with the same id: `type` reads from
// `source`; at `target` it reads mirrored.
struct StoredRelation {
  std::int64_t id = 0;
  std::int64_t source = 0, target = 0;
  std::string type;
};

struct UpdateSchemaRow {
  std::int64_t id = 0;
  std::string field, policy;
};

struct StoredCase {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string name, description, precondition, expected_result;
  std::optional<std::int64_t> status_id, layer_id;
  std::int64_t workflow_id = 0;
  std::vector<std::string> tags;
  std::vector<Link> links;
  std::vector<std::int64_t> value_ids;  // custom field values
  std::vector<Issue> issues;
  std::vector<ScenarioStep> scenario;
  std::vector<CaseMember> members;
  std::vector<CaseExample> examples;
  bool deleted = false;
  bool automated = false;
  std::int64_t created_date = 0, last_modified = 0;
  std::string created_by, last_modified_by;
};

struct Store {
  std::mutex mutex;
  NamedItem project{1, "Demo"};
  NamedItem workflow{1, "Default manual"};
  NamedItem automated_workflow{2, "Default automated"};
  std::vector<NamedItem> statuses;
  std::vector<NamedItem> layers;
  std::vector<CustomField> fields;
  std::vector<CustomFieldValue> values;
  std::vector<Integration> integrations;
  std::vector<NamedItem> roles;
  std::vector<StoredRelation> relations;
  std::vector<UpdateSchemaRow> update_schema;  // empty: every field from_test_result
  std::map<std::int64_t, StoredCase> cases;
  std::map<std::int64_t, StoredSharedStep> shared_steps;
  std::map<std::int64_t, StoredAttachment> attachments;
  std::map<std::int64_t, StoredTestPlan> test_plans;
  std::map<std::string, std::int64_t> tag_ids;
  std::int64_t next_id = 1000;  // cases, shared steps, values, steps and tags share one counter
  std::int64_t last_modified = 0;

  static void seed(Store& store, const std::string& project_name);

  std::int64_t new_id() { return ++next_id; }
  std::int64_t tag_id(const std::string& name);
  // A strictly increasing epoch-ms timestamp, so every change moves lastModifiedDate.
  std::int64_t touch_time();
  void touch(StoredCase& c, const std::string& user);
  void touch(StoredSharedStep& s, const std::string& user);
  void touch(StoredTestPlan& p, const std::string& user);
  // A new case or shared step: created and last modified now, by `user`.
  template <class Item>
  void stamp_new(Item& item, const std::string& user) {
    touch(item, user);
    item.created_by = user;
    item.created_date = item.last_modified;
  }

  const NamedItem* status(std::int64_t id) const;
  const NamedItem* layer(std::int64_t id) const;
  const CustomField* field(std::int64_t id) const;
  const CustomFieldValue* value(std::int64_t id) const;
  const Integration* integration(std::int64_t id) const;
  const NamedItem* role(std::int64_t id) const;
  const StoredAttachment* attachment(std::int64_t id) const;
  std::vector<const StoredAttachment*> attachments_of(std::int64_t case_id) const;  // by id

  std::string to_json() const;
  void from_json(const std::string& text);  // throws on a damaged file
};

}  // namespace ato::emulator
