#include "io/feature_step_text.hpp"

#include <algorithm>
#include <vector>

#include "core/normalize.hpp"

namespace ato::io {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return lines;
    start = end + 1;
  }
}

// Three backticks, or one more than the longest run of them in the content,
// so that no line of it closes the block.
std::string fence_for(std::string_view content) {
  std::size_t longest = 0, run = 0;
  for (const char ch : content) {
    run = ch == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

std::string table_cell(std::string_view value) {
  std::string cell;
  for (const char ch : value) {
    if (ch == '|')
      cell += "\\|";
    else if (ch == '\n')
      cell += "\\n";  // one line per row
    else
      cell += ch;
  }
  return cell;
}

}  // namespace

core::Keyword english_keyword(gherkin::StepKind kind) {
  switch (kind) {
    case gherkin::StepKind::Given:
      return core::Keyword::Given;
    case gherkin::StepKind::When:
      return core::Keyword::When;
    case gherkin::StepKind::Then:
      return core::Keyword::Then;
    case gherkin::StepKind::And:
      return core::Keyword::And;
    case gherkin::StepKind::But:
      return core::Keyword::But;
    case gherkin::StepKind::Unknown:
      break;
  }
  return core::Keyword::None;
}

std::string step_text(const gherkin::Step& step) {
  std::string text = step.text;
  if (const auto& doc = step.doc_string) {
    const std::string fence = fence_for(doc->content);
    text += "\n" + fence + doc->media_type + "\n" + doc->content + (doc->content.empty() ? "" : "\n") + fence;
  }
  if (const auto& table = step.data_table) {
    for (const auto& row : table->rows) {
      text += "\n|";
      for (const auto& cell : row.cells) text += " " + table_cell(cell.value) + " |";
    }
  }
  return text;
}

std::string precondition_line(const gherkin::Step& step) {
  const auto keyword = core::keyword_name(english_keyword(step.kind));
  return keyword.empty() ? step_text(step) : std::string(keyword) + " " + step_text(step);
}

std::string dedent(std::string_view text) {
  const auto lines = split_lines(text);
  std::size_t common = std::string_view::npos;
  for (const auto line : lines) {
    const std::size_t indent = line.find_first_not_of(" \t");
    if (indent != std::string_view::npos) common = std::min(common, indent);
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    if (lines[i].size() > common) out += lines[i].substr(common);
  }
  return out;
}

}  // namespace ato::io
