#include "render/change_lines.hpp"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <ctime>
#include <sstream>

#include "core/attachment_changes.hpp"
#include "core/case_fields.hpp"
#include "core/normalize.hpp"
#include "util/byte_size.hpp"
#include "util/quote.hpp"

namespace ato::render {
namespace {

std::string quote(const std::string& s) { return util::double_quoted(s); }

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A unified diff of two line lists, each line indented under its field.
void unified_diff(const std::vector<std::string>& before, const std::vector<std::string>& after,
                  std::vector<ChangeLine>& out) {
  dtl::Diff<std::string, std::vector<std::string>> diff(before, after);
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream text;
  diff.printUnifiedFormat(text);
  for (const auto& line : split_lines(text.str())) {
    if (line.rfind("@@", 0) == 0) out.push_back({'@', 4, line});
    else if (!line.empty()) out.push_back({line[0], 4, line.substr(1)});
  }
}

void add_steps(const std::vector<core::Step>& steps, int depth, std::vector<std::string>& out) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  for (const auto& step : steps) {
    if (step.uses_shared_step()) {
      out.push_back(indent + "use " + (step.shared_step.empty() ? "shared step " + core::ato_label(step.shared_step_id)
                                                                : step.shared_step));
      continue;
    }
    const auto text = split_lines(core::join_keyword(step));
    for (std::size_t i = 0; i < text.size(); ++i) out.push_back(indent + (i ? "  " : "") + text[i]);
    for (const auto& line : split_lines(step.expected)) out.push_back(indent + "  expected: " + line);
    add_steps(step.steps, depth + 1, out);
    for (const auto& name : step.attachments) out.push_back(indent + "  attachment: " + name);
  }
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::string link_text(const core::Link& l) { return l.name == l.url ? l.url : l.name + " <" + l.url + ">"; }

// "+ a  - b": what a set-like list gains and loses.
std::string set_change(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  std::string out;
  for (const auto& v : after)
    if (std::find(before.begin(), before.end(), v) == before.end()) out += (out.empty() ? "+ " : "  + ") + v;
  for (const auto& v : before)
    if (std::find(after.begin(), after.end(), v) == after.end()) out += (out.empty() ? "- " : "  - ") + v;
  return out;
}

class FieldPrinter {
 public:
  FieldPrinter(const core::Change& change, const std::set<core::NewFieldValue>& new_values,
               std::vector<ChangeLine>& out)
      : c_(change), new_values_(new_values), out_(out), creating_(change.action == core::Action::Create) {}

  void text(const std::string& name, const std::string& before, const std::string& after) {
    const bool multiline = before.find('\n') != std::string::npos || after.find('\n') != std::string::npos;
    if (creating_) {
      if (!multiline) return out_.push_back({'+', 0, name + ": " + quote(after)});
      out_.push_back({'+', 0, name + ":"});
      for (const auto& line : split_lines(after)) out_.push_back({'+', 4, line});
      return;
    }
    if (!multiline)
      return out_.push_back({'~', 0, name + ": " + (before.empty() ? "(none)" : quote(before)) + " -> " +
                                         (after.empty() ? "(none)" : quote(after))});
    out_.push_back({'~', 0, name + ":"});
    unified_diff(split_lines(before), split_lines(after), out_);
  }

  void list(const std::string& name, const std::vector<std::string>& before, const std::vector<std::string>& after) {
    if (creating_) return out_.push_back({'+', 0, name + ": " + joined(after)});
    out_.push_back({'~', 0, name + ": " + set_change(before, after)});
  }

  void custom_fields() {
    const auto& before = c_.before.custom_fields;
    const auto& after = c_.after.custom_fields;
    std::set<std::string> names;
    for (const auto& [k, v] : before) names.insert(k);
    for (const auto& [k, v] : after) names.insert(k);
    for (const auto& field : names) {
      const auto b = before.count(field) ? before.at(field) : std::vector<std::string>{};
      const auto a = after.count(field) ? after.at(field) : std::vector<std::string>{};
      if (a == b) continue;
      std::string after_text = a.empty() ? "(none)" : quote(joined(a));
      for (const auto& v : a)
        if (new_values_.count({field, v})) after_text += " (new value)";
      if (creating_) out_.push_back({'+', 0, field + ": " + after_text});
      else out_.push_back({'~', 0, field + ": " + (b.empty() ? "(none)" : quote(joined(b))) + " -> " + after_text});
    }
  }

  void links() {
    std::vector<std::string> before, after;
    for (const auto& l : c_.before.links) before.push_back(link_text(l));
    for (const auto& l : c_.after.links) after.push_back(link_text(l));
    if (creating_ || set_change(before, after).empty() == false) return list("links", before, after);
    out_.push_back({'~', 0, "links: reordered"});
  }

  // One line per row, "| visa | 10.00 |", under a header of the names.
  void examples() {
    const auto lines = [](const core::Examples& e) {
      std::vector<std::string> out;
      if (e.empty()) return out;
      const auto row_text = [](const std::vector<std::string>& cells) {
        std::string text = "|";
        for (const auto& cell : cells) text += " " + cell + " |";
        return text;
      };
      out.push_back(row_text(e.names));
      for (const auto& row : e.rows) out.push_back(row_text(row));
      return out;
    };
    line_block("examples", lines(c_.before.examples), lines(c_.after.examples));
  }

  // "+ a.png (1.2 KiB)  ~ b.png (content changed: 300 B -> 310 B)  - c.png (2 KiB)"
  void attachments() {
    const auto sized = [](const core::Attachment& a) { return a.name + " (" + util::describe_bytes(a.size) + ")"; };
    if (creating_) {
      std::vector<std::string> names;
      for (const auto& a : c_.after.attachments) names.push_back(sized(a));
      return list("attachments", {}, names);
    }
    std::string text;
    for (const auto& d : core::attachment_deltas(c_.before.attachments, c_.after.attachments)) {
      text += text.empty() ? "" : "  ";
      switch (d.kind) {
        case core::AttachmentDeltaKind::Added: text += "+ " + sized(d.after); break;
        case core::AttachmentDeltaKind::ContentChanged:
          text += "~ " + d.after.name + " (content changed: " + util::describe_bytes(d.before.size) + " -> " +
                  util::describe_bytes(d.after.size) + ")";
          break;
        case core::AttachmentDeltaKind::Removed: text += "- " + sized(d.before); break;
      }
    }
    out_.push_back({'~', 0, "attachments: " + text});
  }

  void steps() {
    std::vector<std::string> before, after;
    add_steps(c_.before.steps, 0, before);
    add_steps(c_.after.steps, 0, after);
    line_block("steps", before, after);
  }

  // A field shown as lines: all of them for a create, else a unified diff.
  void line_block(const std::string& name, const std::vector<std::string>& before,
                  const std::vector<std::string>& after) {
    if (creating_) {
      out_.push_back({'+', 0, name + ":"});
      for (const auto& line : after) out_.push_back({'+', 4, line});
      return;
    }
    out_.push_back({'~', 0, name + ":"});
    unified_diff(before, after, out_);
  }

 private:
  const core::Change& c_;
  const std::set<core::NewFieldValue>& new_values_;
  std::vector<ChangeLine>& out_;
  bool creating_;
};

}  // namespace

std::vector<std::string> step_lines(const std::vector<core::Step>& steps) {
  std::vector<std::string> out;
  add_steps(steps, 0, out);
  return out;
}

std::string terminal_text(const ChangeLine& line) {
  if (line.indent == 0) return std::string(1, line.sign) + " " + line.text;
  return std::string(static_cast<std::size_t>(line.indent), ' ') + (line.sign == '@' ? "" : std::string(1, line.sign)) + line.text;
}

std::string diff_block_text(const ChangeLine& line) {
  if (line.indent == 0) return std::string(1, line.sign) + " " + line.text;
  return (line.sign == '@' ? std::string(" ") : std::string(1, line.sign)) + std::string(static_cast<std::size_t>(line.indent), ' ') + line.text;
}

std::vector<ChangeLine> change_lines(const core::Change& change, const std::set<core::NewFieldValue>& new_values) {
  std::vector<ChangeLine> out;
  if (change.action == core::Action::Archive || change.action == core::Action::Delete) {
    out.push_back({'-', 0, "name: " + quote(change.before.name)});
    return out;
  }
  FieldPrinter print(change, new_values, out);
  const auto has = [](const std::vector<core::Field>& fields, core::Field f) {
    return std::find(fields.begin(), fields.end(), f) != fields.end();
  };
  for (const auto field : change.diff) {
    const auto& spec = core::spec_of(field);
    switch (spec.shape) {
      case core::FieldShape::Text:
        print.text(std::string(spec.name), change.before.*spec.text, change.after.*spec.text);
        break;
      case core::FieldShape::NameSet:
        print.list(std::string(spec.name), change.before.*spec.names, change.after.*spec.names);
        break;
      case core::FieldShape::CustomFields: print.custom_fields(); break;
      case core::FieldShape::Links: print.links(); break;
      case core::FieldShape::Items:
        print.list(std::string(spec.name), spec.items(change.before), spec.items(change.after));
        break;
      case core::FieldShape::Examples: print.examples(); break;
      case core::FieldShape::Steps: print.steps(); break;
      case core::FieldShape::Attachments: print.attachments(); break;
    }
  }
  // Adopting writes the identity tag even where the tags match.
  if (has(change.writes, core::Field::Tags) && !has(change.diff, core::Field::Tags))
    out.push_back({'~', 0, "tags: + identity tag"});
  return out;
}

std::string utc_date(std::int64_t epoch_ms) {
  const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

std::string change_header(const core::Change& change) {
  static const char* verbs[] = {"will be created", "will be updated in-place", "will be archived",
                                "will be restored", "will be adopted", "will be deleted"};
  // A test plan has no id of the repository: its name, quoted, stands for it (SPEC.md §4).
  const std::string id = change.kind == core::Kind::TestPlan ? "\"" + change.external_id + "\"" : change.external_id;
  std::string header = std::string(core::kind_label(change.kind)) + " " + id + " " +
                       verbs[static_cast<int>(change.action)];
  if (change.allure_id) {
    header += " (ATO #" + std::to_string(*change.allure_id);
    if (!change.last_modified_by.empty() && change.remote_last_modified > 0)
      header += ", last edited in TestOps by " + change.last_modified_by + " " + utc_date(change.remote_last_modified);
    header += ")";
  } else if (!change.source.file.empty()) {
    header += " (" + core::format_place({change.source.file, change.source.line, 0}) + ")";
  }
  return header;
}

namespace {
struct ActionWords {
  core::Action action;
  const char* planned;  // "to create"
  const char* done;     // "created"
};
constexpr ActionWords kActionWords[] = {
    {core::Action::Create, "to create", "created"},   {core::Action::Update, "to update", "updated"},
    {core::Action::Archive, "to archive", "archived"}, {core::Action::Restore, "to restore", "restored"},
    {core::Action::Adopt, "to adopt", "adopted"},     {core::Action::Delete, "to delete", "deleted"},
};
// Deletes (pruned test plans only) are counted where there are any: the line
// of a repository without test plans stays as it was.
bool counted(const core::PlanSummary& s, core::Action action) {
  return action != core::Action::Delete || s.of(action) > 0;
}
}  // namespace

std::string counts_text(const core::PlanSummary& s, Tense tense) {
  std::string out;
  for (const auto& words : kActionWords)
    if (counted(s, words.action))
      out += (out.empty() ? "" : ", ") + std::to_string(s.of(words.action)) + " " +
           (tense == Tense::Planned ? words.planned : words.done);
  return out;
}

std::string summary_line(const core::PlanSummary& s) { return "Plan: " + counts_text(s, Tense::Planned) + "."; }

std::string note_text(const core::PlanNote& note) {
  const std::string subject = std::string(core::kind_label(note.kind)) + " \"" + note.external_id + "\" (" +
                              core::ato_label(note.allure_id) + ")";
  switch (note.reason) {
    case core::NoteReason::NotManaged: return subject + " is not managed by this repository; left alone";
    case core::NoteReason::KeptInUse:
      return subject + " is not in the repository, but " + std::to_string(note.used_by) + " live case" +
             (note.used_by == 1 ? " uses" : "s use") + " it; kept";
    case core::NoteReason::LeftToResults: break;
  }
  std::string fields;
  for (const auto f : note.left_to_results) fields += (fields.empty() ? "" : ", ") + std::string(core::field_name(f));
  return note.external_id + " is automated in TestOps (" + core::ato_label(note.allure_id) + "): " + fields +
         " differ" + (note.left_to_results.size() == 1 ? "s" : "") +
         " but " + (note.left_to_results.size() == 1 ? "is" : "are") + " left to its test results";
}

}  // namespace ato::render
