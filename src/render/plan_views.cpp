#include "render/plan_views.hpp"

#include <algorithm>
#include <ostream>
#include <set>
#include <sstream>

#include "core/permalink.hpp"
#include "render/change_lines.hpp"
#include "render/visible_text.hpp"

namespace ato::render {
namespace {

const char* kReset = "\033[0m";

const char* colour_of(char sign) {
  switch (sign) {
    case '+': return "\033[32m";
    case '-': return "\033[31m";
    case '~': return "\033[33m";
    default: return "";
  }
}

std::set<core::NewFieldValue> new_values_of(const core::Plan& plan) {
  return {plan.new_field_values.begin(), plan.new_field_values.end()};
}

char action_sign(core::Action action) {
  switch (action) {
    case core::Action::Create: return '+';
    case core::Action::Archive:
    case core::Action::Delete: return '-';
    default: return '~';
  }
}


// "1 case", "2 shared steps and 1 case": the archives of each kind.
std::string archived_counts(const core::Plan& plan) {
  std::string out;
  for (const auto kind : core::kAllKinds) {
    const auto n = std::count_if(plan.changes.begin(), plan.changes.end(), [&](const core::Change& c) {
      return c.kind == kind && c.action == core::Action::Archive;
    });
    if (n == 0) continue;
    out += (out.empty() ? "" : " and ") + std::to_string(n) + " " + std::string(core::kind_label(kind)) + (n == 1 ? "" : "s");
  }
  return out;
}

}  // namespace

void render_human(const core::Plan& plan, const RenderContext& context, std::ostream& out) {
  for (const auto& note : plan.notes) out << "  # " << visible_text(note_text(note)) << "\n";
  if (!plan.notes.empty()) out << "\n";
  if (!plan.has_changes()) {
    out << "No changes. Allure TestOps matches the cases.\n";
    return;
  }
  const auto new_values = new_values_of(plan);
  for (const auto& change : plan.changes) {
    const char sign = action_sign(change.action);
    if (context.color) out << colour_of(sign);
    out << "  # " << visible_text(change_header(change)) << (context.color ? kReset : "") << "\n";
    for (const auto& line : change_lines(change, new_values)) {
      const char* colour = context.color ? colour_of(line.sign) : "";
      out << "  " << colour << visible_text(terminal_text(line)) << (*colour ? kReset : "") << "\n";
    }
    out << "\n";
  }
  if (!plan.new_field_values.empty()) {
    out << "Custom field values to create first:\n";
    for (const auto& v : plan.new_field_values)
      out << "  + " << visible_text(v.field) << ": \"" << visible_text(v.value) << "\" (new value)\n";
    out << "\n";
  }
  out << summary_line(plan.summary()) << "\n";
}

std::string render_markdown(const core::Plan& plan, const RenderContext& context, std::size_t limit) {
  std::ostringstream head;
  const auto s = plan.summary();
  head << "### ato-sync plan\n\n";
  std::string notes;
  for (const auto& note : plan.notes) notes += "> " + visible_html(note_text(note)) + "\n";
  if (!notes.empty()) notes += "\n";
  if (!plan.has_changes()) {
    head << "No changes. Allure TestOps matches the cases.\n";
    if (!notes.empty()) head << "\n" << notes;
    return head.str();
  }
  std::string names = "|", rule = "|", counts = "|";
  for (const auto action : core::kAllActions) {
    if (action == core::Action::Delete && s.of(action) == 0) continue;  // as on the Plan: line
    names += " " + std::string(core::action_name(action)) + " |";
    rule += "---:|";
    counts += " " + std::to_string(s.of(action)) + " |";
  }
  head << names << "\n" << rule << "\n" << counts << "\n\n";
  if (s.archive > 0) {
    head << "> [!WARNING]\n> This plan archives " << archived_counts(plan) << " in Allure TestOps:";
    for (const auto& c : plan.changes)
      if (c.action == core::Action::Archive) head << " `" << visible_text(c.external_id) << "`";
    head << "\n\n";
  }
  head << notes;
  if (!plan.new_field_values.empty()) {
    head << "New custom field values:";
    for (const auto& v : plan.new_field_values) head << " " << visible_text(v.field) << ": `" << visible_text(v.value) << "`";
    head << "\n\n";
  }
  constexpr std::size_t kFooterRoom = 200;  // the note on what was cut, and the summary line
  std::string out = head.str();
  const auto new_values = new_values_of(plan);
  std::size_t shown = 0;
  for (const auto& change : plan.changes) {
    std::ostringstream block;
    block << "<details><summary><code>" << action_sign(change.action) << " " << visible_html(change_header(change))
          << "</code></summary>\n\n";
    if (change.allure_id) block << "[Open in TestOps](" << core::case_permalink(context.endpoint, context.project_id, *change.allure_id) << ")\n\n";
    block << "```diff\n";
    for (const auto& line : change_lines(change, new_values)) block << visible_text(diff_block_text(line)) << "\n";
    block << "```\n</details>\n\n";
    const std::string text = block.str();
    if (out.size() + text.size() + kFooterRoom > limit) break;
    out += text;
    ++shown;
  }
  if (shown < plan.changes.size()) {
    out += "\n_" + std::to_string(plan.changes.size() - shown) +
           " more changes are not shown (the comment is limited to " + std::to_string(limit) +
           " characters); run `ato-sync plan` to see all._\n";
  }
  out += "\n" + summary_line(s) + "\n";
  return out;
}

}  // namespace ato::render
