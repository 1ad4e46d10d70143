#pragma once
// The case model shared by the desired side (YAML) and the remote side
// (Allure TestOps). Both are normalised into CaseContent so that comparing
// them is plain equality.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ato::core {

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based; 0 = unknown
  bool operator==(const SourceLocation&) const = default;
};

// "file:line:col", "file:line" or "file", as much as is known.
std::string format_place(const SourceLocation& at);
// How messages name a TestOps case: "ATO #1234".
inline std::string ato_label(std::int64_t allure_id) { return "ATO #" + std::to_string(allure_id); }

enum class Keyword { None, Given, When, Then, And, But };

// A step of a scenario. A reference to a shared step (`- use: ID`) has no
// keyword, text, expected result or children of its own: only the shared
// step's external id (desired side, and remote side once core has matched
// the reference to a shared step of the repository) or its Allure ID (the
// remote reading; apply fills it in before writing).
struct Step {
  Keyword keyword = Keyword::None;
  std::string text;      // without the keyword
  std::string expected;  // empty = none
  std::vector<Step> steps;
  // Base names of the case's attachments shown by this step, as its last
  // children in this order (SPEC.md §1.4).
  std::vector<std::string> attachments{};
  std::string shared_step{};          // `use:`: the shared step's external id
  std::int64_t shared_step_id = 0;    // the shared step in TestOps; 0 = not known here
  bool uses_shared_step() const { return !shared_step.empty() || shared_step_id != 0; }
  bool operator==(const Step&) const = default;
};

// A file attached to a case. Within one case it is known by its base name;
// contents are compared by SHA-256 (SPEC.md §1.4).
struct Attachment {
  std::string name;          // the base name, its name in TestOps
  std::int64_t size = 0;     // bytes
  std::string sha256;        // 64 hex digits; empty = unknown (a remote file without a known digest)
  std::string path;          // desired side: the file to upload, as the loader found it
  std::int64_t remote_id = 0;  // remote side: the attachment's id in TestOps
  std::string content_type;  // remote side: as TestOps stores it
  bool operator==(const Attachment&) const = default;
};

struct Link {
  std::string name;
  std::string url;
  std::string type;  // empty = plain link
  bool operator==(const Link&) const = default;
  auto operator<=>(const Link&) const = default;
};

// A member of a case: a user in a role (SPEC.md §1.2 `owner`, `members`).
struct Member {
  std::string role;
  std::string user;
  bool operator==(const Member&) const = default;
  auto operator<=>(const Member&) const = default;
};

// TestOps relation types; core/relations.hpp names them and mirrors them.
enum class RelationType { RelatedTo, Clones, IsClonedBy, Duplicates, IsDuplicatedBy, Automates, IsAutomatedBy };

// A relation to another case. The repository names its target by external
// id or Allure ID, TestOps by Allure ID: compute_plan fills in both where it
// knows them, so both sides compare in one form. A mirrored relation is one
// another case of the repository declares toward this one: it is written
// along with this case's list (posting a list without it deletes it) but is
// never compared nor shown.
struct Relation {
  RelationType type = RelationType::RelatedTo;
  std::string target_id;              // external id of a repository case; empty = not one
  std::int64_t target_allure_id = 0;  // 0 = not known yet (a case this apply creates)
  bool mirrored = false;
  bool operator==(const Relation&) const = default;
  auto operator<=>(const Relation&) const = default;
};

// Parameters and their rows (a Scenario Outline's Examples): every row has
// a value per name, in the names' order.
struct Examples {
  std::vector<std::string> names;
  std::vector<std::vector<std::string>> rows;
  bool empty() const { return rows.empty(); }
  bool operator==(const Examples&) const = default;
};

// Everything about a case that ato-sync manages, in names (never ids).
// Invariants after normalize(): tags sorted and unique (without the identity
// tag), issues sorted and unique ("PREFIX:KEY"), custom field values sorted,
// text fields trimmed of trailing whitespace per line.
struct CaseContent {
  std::string name;
  std::string description;
  std::string precondition;
  std::string expected;
  std::string status;  // workflow status name; empty = none
  std::string layer;   // test layer name; empty = none
  std::map<std::string, std::vector<std::string>> custom_fields;  // field name -> values
  std::vector<std::string> tags;
  std::vector<std::string> issues;  // "JIRA:SHOP-123"
  std::vector<Link> links;          // order as written
  std::vector<Member> members;      // sorted, unique
  std::vector<Relation> relations;  // sorted, unique; mirrored ones included (see Relation)
  Examples examples;                // row order kept
  std::vector<Step> steps;
  std::vector<Attachment> attachments{};  // every file of the case, its steps' too; sorted by name
  // Test plans only (core/test_plan.hpp): the AQL, and the external ids of
  // the cases a `cases:` plan selects (sorted). Cases leave both empty.
  std::string query{};
  std::vector<std::string> plan_cases{};
  bool operator==(const CaseContent&) const = default;
};

// The parts of a case that can change independently. core/case_fields.hpp
// holds one row per field: everything that loops over fields reads it.
enum class Field {
  Name,
  Description,
  Precondition,
  Expected,
  Status,
  Layer,
  CustomFields,
  Tags,
  Issues,
  Links,
  Members,
  Relations,
  Examples,
  Steps,
  Attachments,
  Query,      // test plans only
  PlanCases,  // test plans only: the cases a `cases:` plan selects
};

// A `use:` step of a desired case, where it is written.
struct SharedStepUse {
  std::string shared_step;  // the shared step's external id
  SourceLocation at;
  bool operator==(const SharedStepUse&) const = default;
};

// The language a case is written in: fixes in messages speak it.
enum class SourceFormat { Yaml, Gherkin };

// A case as the repository wants it.
struct DesiredCase {
  std::string external_id;
  std::optional<std::int64_t> allure_id;  // bind (adopt) an existing case
  SourceLocation source;                  // where the case starts (the `id` key, the scenario)
  SourceFormat format = SourceFormat::Yaml;
  SourceLocation allure_id_source;        // where allure_id is written; empty = at `source`
  std::map<Field, SourceLocation> field_sources;  // where each field is written, when it is
  std::vector<SharedStepUse> shared_step_uses;    // every `use:` in its steps, in order
  std::map<std::string, SourceLocation> role_places;      // role name -> where it is first written
  std::map<std::string, SourceLocation> relation_places;  // target external id -> where it is first written
  // Where `field` is written, else where the case starts.
  const SourceLocation& place_of(Field field) const {
    const auto it = field_sources.find(field);
    return it == field_sources.end() ? source : it->second;
  }
  const SourceLocation& allure_id_place() const { return allure_id_source.file.empty() ? source : allure_id_source; }
  CaseContent content;
};

// A case as Allure TestOps has it.
struct RemoteCase {
  std::int64_t allure_id = 0;
  std::string external_id;  // from the identity tag; empty when unmanaged
  std::vector<std::string> other_identities;  // further identity tags on the same case (a conflict)
  bool deleted = false;
  bool automated = false;          // results of automated tests own some of its fields
  bool detailed = true;            // content read (overview, relations); false = known from its search row only
  std::int64_t last_modified = 0;  // epoch ms, as the server reports it
  std::string last_modified_by;
  CaseContent content;
};

}  // namespace ato::core
