#include "io/case_parser.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/normalize.hpp"
#include "io/case_item_readers.hpp"
#include "io/attachment_file.hpp"

namespace ato::io {
namespace {

const std::vector<std::string> kStepKeywords = {"given", "when", "then", "and", "but", "step"};

// Counts nodes up to `limit`; past kMaxYamlDepth levels (an alias that
// contains itself makes an endless tree) it reports the limit at once.
std::size_t count_nodes(YamlNode node, std::size_t limit, int depth = 0) {
  constexpr int kMaxYamlDepth = 64;
  if (depth > kMaxYamlDepth) return limit + 1;
  std::size_t count = 1;
  if (node.IsMap()) {
    for (const auto& entry : node) {
      if (count > limit) return count;
      count += count_nodes(entry.second, limit - count, depth + 1) + 1;
    }
  } else if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (count > limit) return count;
      count += count_nodes(node[i], limit - count, depth + 1);
    }
  }
  return count;
}

// What a document describes: a case, or a shared step (name and steps only).
enum class DocumentKind { Case, SharedStep };

class CaseReader {
 public:
  CaseReader(const core::Config& config, DiagnosticSink& sink, DocumentKind kind)
      : config_(config), sink_(sink), kind_(kind) {}

  std::optional<core::DesiredCase> read(YamlNode doc) {
    const bool shared_step = kind_ == DocumentKind::SharedStep;
    if (!doc.IsMap()) {
      sink_.error(doc, std::string(shared_step ? "a shared step must be a mapping (id, name, steps)"
                                               : "a case must be a mapping (id, name, steps, ...)") +
                           ", not " + describe(doc));
      return std::nullopt;
    }
    if (count_nodes(doc, kMaxNodesPerDocument) > kMaxNodesPerDocument) {
      sink_.error(doc, "the case is too large or too deep (over " + std::to_string(kMaxNodesPerDocument) +
                           " YAML nodes or 64 levels; an alias bomb or an alias that contains itself?)");
      return std::nullopt;
    }
    std::vector<std::string> known = {"id",   "name",     "description", "precondition", "expected",
                                      "status", "layer",  "fields",      "tags",         "severity",
                                      "priority", "issues", "links",     "allure_id",    "owner",
                                      "members",  "relations", "examples", "steps",   "attachments"};
    for (const auto& [key, field] : config_.fields) known.push_back(key);
    if (shared_step) known = {"id", "name", "allure_id", "steps"};
    check_keys(doc, known, "", sink_);

    core::DesiredCase c;
    c.source = sink_.at(doc);
    auto& content = c.content;
    if (!shared_step) {
      content.status = config_.default_status;
      content.layer = config_.default_layer;
    }
    uses_ = &c.shared_step_uses;
    bool ok = true;

    for (const auto& entry : doc) {
      if (!entry.first.IsScalar()) continue;
      const std::string key = entry.first.Scalar();
      const YamlNode v = entry.second;
      record_place(c, key, sink_.at(entry.first));
      if (key == "id") {
        c.source = sink_.at(entry.first);
        if (auto s = read_string(v, "id", sink_)) {
          if (!is_valid_case_id(*s)) {
            sink_.error(v, "id \"" + *s + "\" must match [A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
            ok = false;
          }
          c.external_id = *s;
        } else {
          ok = false;
        }
      } else if (key == "name") {
        if (auto s = read_string(v, "name", sink_)) {
          if (core::normalize_text(*s).empty()) sink_.error(v, "name must not be empty");
          else check_name_length(v, "name", *s, sink_);
          content.name = *s;
        }
      } else if (key == "description") {
        text_field(v, key, content.description);
      } else if (key == "precondition") {
        text_field(v, key, content.precondition);
      } else if (key == "expected") {
        text_field(v, key, content.expected);
      } else if (key == "status" || key == "layer") {
        name_field(v, key, key == "status" ? content.status : content.layer);
      } else if (key == "fields") {
        read_custom_fields(v, content);
      } else if (key == "tags") {
        read_tags(v, content);
      } else if (key == "severity" || key == "priority") {
        read_classifier(v, key, key == "severity" ? config_.severity : config_.priority, content);
      } else if (key == "issues") {
        read_issues(v, content);
      } else if (key == "links") {
        read_links(v, content);
      } else if (key == "allure_id") {
        c.allure_id_source = sink_.at(entry.first);
        if (auto n = read_integer(v, "allure_id", sink_)) {
          if (*n <= 0)
            sink_.error(v, std::string("allure_id must be a positive Allure TestOps ") +
                               (shared_step ? "shared step id" : "case id"));
          else c.allure_id = *n;
        }
      } else if (key == "owner") {
        read_owner(entry.first, v, c, sink_);
      } else if (key == "members") {
        read_members(v, c, sink_);
      } else if (key == "relations") {
        read_relations(v, c, sink_);
      } else if (key == "examples") {
        read_examples(v, c, sink_);
      } else if (key == "steps") {
        if (auto steps = read_steps(v, "steps", 1)) content.steps = std::move(*steps);
      } else if (key == "attachments") {
        read_attachments(v, "attachments");
      } else if (auto mapped = config_.fields.find(key); mapped != config_.fields.end()) {
        add_field_values(v, key, mapped->second, content);
      }
    }
    if (!doc["id"]) {
      sink_.error(doc, "missing required key 'id'");
      ok = false;
    }
    if (!doc["name"]) sink_.error(doc, "missing required key 'name'");
    if (!ok) return std::nullopt;
    content.attachments = std::move(attachments_);
    c.content = core::normalize(std::move(content));
    return c;
  }

 private:
  // Messages about a field point at the key that writes it; the field's own
  // key wins over others that feed it (`tags` over `severity`).
  void record_place(core::DesiredCase& c, const std::string& key, const core::SourceLocation& at) const {
    static const std::map<std::string, core::Field> kOwnKeys = {
        {"name", core::Field::Name},     {"description", core::Field::Description},
        {"precondition", core::Field::Precondition}, {"expected", core::Field::Expected},
        {"status", core::Field::Status}, {"layer", core::Field::Layer},
        {"fields", core::Field::CustomFields}, {"tags", core::Field::Tags},
        {"issues", core::Field::Issues}, {"links", core::Field::Links},
        {"steps", core::Field::Steps},   {"relations", core::Field::Relations},
        {"examples", core::Field::Examples}, {"attachments", core::Field::Attachments}};
    if (const auto own = kOwnKeys.find(key); own != kOwnKeys.end()) {
      c.field_sources[own->second] = at;
    } else if (key == "severity" || key == "priority") {
      const auto& mapping = key == "severity" ? config_.severity : config_.priority;
      c.field_sources.emplace(mapping.field.empty() ? core::Field::Tags : core::Field::CustomFields, at);
    } else if (config_.fields.count(key)) {
      c.field_sources.emplace(core::Field::CustomFields, at);
    } else if (key == "members" || key == "owner") {
      c.field_sources.emplace(core::Field::Members, at);
    }
  }

  void text_field(YamlNode v, const std::string& key, std::string& out) {
    if (v.IsNull()) {
      out.clear();
      return;
    }
    if (auto s = read_string(v, key, sink_)) out = *s;
  }

  // Empty means none for text, but a status or layer names something: none
  // is `status: null`, the config's default is the key left out.
  void name_field(YamlNode v, const std::string& key, std::string& out) {
    if (v.IsNull()) {
      out.clear();
      return;
    }
    const std::string fix = "remove the key for the config's default, or write `" + key + ": null` for none";
    if (auto s = read_name(v, key, fix, sink_)) out = *s;
  }

  void add_field_values(YamlNode v, const std::string& what, const std::string& field,
                        core::CaseContent& content) {
    if (v.IsNull()) return;
    std::vector<std::string> values;
    if (v.IsSequence()) {
      if (!v.size()) return;
      if (!read_string_list(v, what, sink_)) return;  // reports what is not a string
      for (std::size_t i = 0; i < v.size(); ++i)
        if (auto s = read_name(v[i], what + "[" + std::to_string(i) + "]", "remove it from the list", sink_))
          values.push_back(*s);
    } else if (auto s = read_name(v, what, "remove the key for no value", sink_)) {
      values.push_back(*s);
    }
    auto& target = content.custom_fields[field];
    target.insert(target.end(), values.begin(), values.end());
  }

  void read_custom_fields(YamlNode v, core::CaseContent& content) {
    if (!v.IsMap()) {
      sink_.error(v, "fields must be a mapping of custom field name to value, not " + describe(v));
      return;
    }
    for (const auto& entry : v) {
      auto name = read_string(entry.first, "a custom field name", sink_);
      if (name) add_field_values(entry.second, "fields." + *name, *name, content);
    }
  }

  void read_tags(YamlNode v, core::CaseContent& content) {
    auto tags = read_string_list(v, "tags", sink_);
    if (!tags) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < tags->size(); ++i) {
      const auto& tag = (*tags)[i];
      const std::string what = "tags[" + std::to_string(i) + "]";
      if (tag.find_first_not_of(" \t\r\n") == std::string::npos) sink_.error(v[i], what + " is empty; remove it from the list");
      else if (!check_name_length(v[i], what, tag, sink_)) continue;
      else if (tag.rfind(config_.id_tag_prefix, 0) == 0)
        sink_.error(v[i], "tag \"" + tag + "\" uses the reserved identity prefix \"" + config_.id_tag_prefix +
                              "\"; ato-sync writes the identity tag itself from `id`");
      else if (!seen.insert(tag).second) sink_.error(v[i], "duplicate tag \"" + tag + "\"");
      else content.tags.push_back(tag);
    }
  }

  void read_classifier(YamlNode v, const std::string& key, const core::ClassifierMapping& mapping,
                       core::CaseContent& content) {
    if (v.IsNull()) return;
    auto s = read_name(v, key, "remove the key for no " + key, sink_);
    if (!s) return;
    if (!mapping.field.empty()) return content.custom_fields[mapping.field].push_back(*s);
    const std::string tag = key + ":" + *s;
    if (check_name_length(v, key + " (as the tag \"" + key + ":...\")", tag, sink_)) content.tags.push_back(tag);
  }

  void read_issues(YamlNode v, core::CaseContent& content) {
    auto issues = read_string_list(v, "issues", sink_);
    if (!issues) return;
    for (std::size_t i = 0; i < issues->size(); ++i) {
      const auto& issue = (*issues)[i];
      const auto colon = issue.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == issue.size()) {
        sink_.error(v[i], "issue \"" + issue + "\" must look like PREFIX:KEY (e.g. JIRA:SHOP-123)");
        continue;
      }
      // No issue key holds a space; "JIRA: SHOP-2" would reach TestOps as " SHOP-2".
      if (issue.find_first_of(" \t\r\n") != std::string::npos) {
        sink_.error(v[i], "issue \"" + issue + "\" must not contain spaces (write PREFIX:KEY, e.g. JIRA:SHOP-123)");
        continue;
      }
      const std::string prefix = issue.substr(0, colon);
      if (!config_.integrations.count(prefix)) {
        std::vector<std::string> known;
        for (const auto& [p, ref] : config_.integrations) known.push_back(p);
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        sink_.error(v[i], "issue prefix \"" + prefix + "\" is not in the config's integrations" +
                              (known.empty() ? " (none configured)" : " (known: " + list + ")"));
        continue;
      }
      content.issues.push_back(issue);
    }
  }

  void read_links(YamlNode v, core::CaseContent& content) {
    if (!v.IsSequence()) {
      sink_.error(v, "links must be a list of {name, url}, not " + describe(v));
      return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      YamlNode link = v[i];
      const std::string what = "links[" + std::to_string(i) + "]";
      if (!link.IsMap()) {
        sink_.error(link, what + " must be a mapping {name, url}, not " + describe(link));
        continue;
      }
      check_keys(link, {"name", "url", "type"}, what, sink_);
      core::Link out;
      if (!link["url"]) {
        sink_.error(link, what + " has no url");
        continue;
      }
      if (auto s = read_name(link["url"], what + ".url", "write the link's address", sink_)) out.url = *s;
      else continue;
      if (link["name"])
        if (auto s = read_string(link["name"], what + ".name", sink_)) out.name = *s;
      if (link["type"])
        if (auto s = read_string(link["type"], what + ".type", sink_)) out.type = *s;
      if (out.name.empty()) out.name = out.url;
      content.links.push_back(out);
    }
  }

  std::optional<std::vector<core::Step>> read_steps(YamlNode v, const std::string& what, int depth) {
    if (v.IsNull()) return std::vector<core::Step>{};
    if (!v.IsSequence()) {
      sink_.error(v, what + " must be a list of steps, not " + describe(v));
      return std::nullopt;
    }
    if (depth > kMaxStepDepth) {
      sink_.error(v, what + " nests deeper than " + std::to_string(kMaxStepDepth) + " levels");
      return std::nullopt;
    }
    std::vector<core::Step> steps;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (auto step = read_step(v[i], what + "[" + std::to_string(i) + "]", depth)) steps.push_back(std::move(*step));
    }
    return steps;
  }

  std::optional<core::Step> read_step(YamlNode v, const std::string& what, int depth) {
    core::Step step;
    if (v.IsScalar()) {
      auto text = read_string(v, what, sink_);
      if (!text) return std::nullopt;
      step.text = std::move(*text);
      if (core::normalize_text(step.text).empty()) {
        sink_.error(v, what + " has no text");
        return std::nullopt;
      }
      return step;
    }
    if (!v.IsMap()) {
      sink_.error(v, what + " must be a string or a mapping with one of given/when/then/and/but/step" +
                         (kind_ == DocumentKind::Case ? "/use" : "") + ", not " + describe(v));
      return std::nullopt;
    }
    if (v["use"]) return read_use(v, what);
    std::vector<std::string> known = kStepKeywords;
    known.push_back("expected");
    known.push_back("steps");
    known.push_back("attachments");
    check_keys(v, known, what, sink_);
    std::vector<std::string> keywords;
    for (const auto& entry : v)
      if (entry.first.IsScalar() &&
          std::find(kStepKeywords.begin(), kStepKeywords.end(), entry.first.Scalar()) != kStepKeywords.end())
        keywords.push_back(entry.first.Scalar());
    if (keywords.size() != 1) {
      sink_.error(v, what + (keywords.empty() ? " has no keyword" : " has " + std::to_string(keywords.size()) + " keywords") +
                         ": use exactly one of given, when, then, and, but, step");
      return std::nullopt;
    }
    step.keyword = *core::parse_keyword(keywords[0]);
    auto text = read_string(v[keywords[0]], what + "." + keywords[0], sink_);
    if (!text) return std::nullopt;
    if (core::normalize_text(*text).empty()) {
      sink_.error(v[keywords[0]], what + " has no text");
      return std::nullopt;
    }
    step.text = *text;
    if (v["expected"] && !v["expected"].IsNull())
      if (auto e = read_string(v["expected"], what + ".expected", sink_)) step.expected = *e;
    if (v["steps"]) {
      auto children = read_steps(v["steps"], what + ".steps", depth + 1);
      if (!children) return std::nullopt;
      step.steps = std::move(*children);
    }
    if (v["attachments"] && kind_ == DocumentKind::SharedStep)
      sink_.error(v["attachments"], what + ".attachments: a shared step's steps cannot have attachments here yet; "
                                           "attach the files to the steps of the cases that use it");
    else if (v["attachments"]) step.attachments = read_attachments(v["attachments"], what + ".attachments");
    return step;
  }

  // `- use: auth/login`: a reference to a shared step, and nothing else.
  std::optional<core::Step> read_use(YamlNode v, const std::string& what) {
    if (kind_ == DocumentKind::SharedStep) {
      sink_.error(v["use"], what + " uses a shared step, but a shared step cannot use another one; "
                                   "copy its steps here instead");
      return std::nullopt;
    }
    for (const auto& entry : v)
      if (entry.first.IsScalar() && entry.first.Scalar() != "use")
        sink_.error(entry.first, what + " uses a shared step, so it takes no other key than `use` (found `" +
                                     entry.first.Scalar() + "`)");
    auto id = read_string(v["use"], what + ".use", sink_);
    if (!id) return std::nullopt;
    if (!is_valid_case_id(*id)) {
      sink_.error(v["use"], what + ".use \"" + *id + "\" is not a shared step id ([A-Za-z0-9][A-Za-z0-9._/-]{0,127})");
      return std::nullopt;
    }
    uses_->push_back({*id, sink_.at(v["use"])});
    core::Step step;
    step.shared_step = *id;
    return step;
  }

  // The files of an `attachments:` list, on the case or a step (SPEC.md
  // §1.4); their base names, which the case's steps refer to them by.
  std::vector<std::string> read_attachments(YamlNode v, const std::string& what) {
    std::vector<std::string> names;
    if (v.IsNull()) return names;
    auto paths = read_string_list(v, what, sink_);
    if (!paths) return names;
    const std::string root = std::filesystem::path(config_.config_path).parent_path().string();
    for (std::size_t i = 0; i < paths->size(); ++i) {
      const std::string item = what + "[" + std::to_string(i) + "]";
      auto file = read_attachment_file((*paths)[i], sink_.file(), root, config_.attachments.max_bytes);
      if (!file.error.empty()) {
        sink_.error(v[i], item + " " + file.error);
        continue;
      }
      const auto at = sink_.at(v[i]);
      const auto [first, added] = attachment_places_.emplace(file.attachment.name, at);
      if (!added) {
        sink_.error(v[i], item + ": a second attachment named \"" + file.attachment.name + "\" in this case (the first is at " +
                              core::format_place(first->second) + "); base names are unique within a case");
        continue;
      }
      names.push_back(file.attachment.name);
      attachments_.push_back(std::move(file.attachment));
    }
    return names;
  }

  const core::Config& config_;
  DiagnosticSink& sink_;
  DocumentKind kind_;
  std::vector<core::SharedStepUse>* uses_ = nullptr;  // of the document being read
  std::vector<core::Attachment> attachments_;  // of the case and its steps
  std::map<std::string, core::SourceLocation> attachment_places_;  // base name -> where first listed
};

}  // namespace

bool is_valid_case_id(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  auto alnum = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); };
  if (!alnum(id[0])) return false;
  return std::all_of(id.begin() + 1, id.end(),
                     [&](char ch) { return alnum(ch) || ch == '.' || ch == '_' || ch == '/' || ch == '-'; });
}

std::optional<core::DesiredCase> parse_case(YamlNode document, const core::Config& config,
                                            DiagnosticSink& sink) {
  return CaseReader(config, sink, DocumentKind::Case).read(document);
}

std::optional<core::DesiredCase> parse_shared_step(YamlNode document, const core::Config& config,
                                                   DiagnosticSink& sink) {
  return CaseReader(config, sink, DocumentKind::SharedStep).read(document);
}

}  // namespace ato::io
