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

struct Step {
  Keyword keyword = Keyword::None;
  std::string text;      // without the keyword
  std::string expected;  // empty = none
  std::vector<Step> steps;
  // Base names of the case's attachments shown by this step, as its last
  // children in this order (SPEC.md §1.4).
  std::vector<std::string> attachments{};
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
  std::vector<Step> steps;
  std::vector<Attachment> attachments{};  // every file of the case, its steps' too; sorted by name
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
  Steps,
  Attachments,
};

// A case as the repository wants it.
struct DesiredCase {
  std::string external_id;
  std::optional<std::int64_t> allure_id;  // bind (adopt) an existing case
  SourceLocation source;                  // where the case starts (the `id` key, the scenario)
  SourceLocation allure_id_source;        // where allure_id is written; empty = at `source`
  std::map<Field, SourceLocation> field_sources;  // where each field is written, when it is
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
  std::int64_t last_modified = 0;  // epoch ms, as the server reports it
  std::string last_modified_by;
  CaseContent content;
};

}  // namespace ato::core
