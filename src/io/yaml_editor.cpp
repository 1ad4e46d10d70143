#include "io/yaml_editor.hpp"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <memory>

#include "io/yaml_syntax.hpp"

namespace ato::io {
namespace {

struct TextEdit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t rank = 0;  // orders insertions at the same place
  std::string text;
};

// Adds (or, when `delta` is negative, takes away) `delta` spaces at the
// start of every line after the first that is not empty.
std::string shift_continuation_lines(const std::string& text, int delta) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] != '\n' || i + 1 >= text.size() || text[i + 1] == '\n') continue;
    if (delta >= 0) {
      out.append(static_cast<std::size_t>(delta), ' ');
    } else {
      int removed = 0;
      while (removed < -delta && i + 1 < text.size() && text[i + 1] == ' ') {
        ++i;
        ++removed;
      }
    }
  }
  return out;
}

// The new value, written as the old one was where that can be kept.
YamlValue in_style_of(YamlValue value, const SyntaxNode& old) {
  if (old.type == SyntaxType::Scalar && value.kind == YamlValue::Kind::Text) {
    if (old.form == ScalarForm::DoubleQuoted) value.style = ScalarStyle::DoubleQuoted;
    else if (old.form == ScalarForm::SingleQuoted) value.style = ScalarStyle::SingleQuoted;
    else if (old.form == ScalarForm::Literal || old.form == ScalarForm::Folded) value.style = ScalarStyle::Literal;
  }
  const bool both_lists = old.type == SyntaxType::Sequence && value.kind == YamlValue::Kind::List;
  const bool both_maps = old.type == SyntaxType::Map && value.kind == YamlValue::Kind::Map;
  if (both_lists || both_maps) value.flow = old.flow;
  return value;
}

bool is_block_collection(const YamlValue& value) {
  return (value.kind == YamlValue::Kind::List || value.kind == YamlValue::Kind::Map) && !value.flow &&
         !(value.kind == YamlValue::Kind::List ? value.items.empty() : value.entries.empty());
}

// The text after "key:" for `value` under a key at `column`; `old` (when
// there is one) lends its anchor and the indentation of its block items.
std::string value_text(const YamlValue& value, int column, const SyntaxNode* old) {
  std::string text = render_after_key(value);
  int shift = column;
  if (old && old->type == SyntaxType::Sequence && !old->flow && is_block_collection(value) &&
      value.kind == YamlValue::Kind::List)
    shift = old->column - 2;  // items where they were: `key:\n- a` stays unindented
  else if (old && old->type == SyntaxType::Map && !old->flow && is_block_collection(value))
    shift = old->column - 2;
  text = shift_continuation_lines(text, shift);
  if (old && !old->anchor.empty()) text = " &" + old->anchor + text;
  return text;
}

std::size_t line_end_at(const std::string& text, std::size_t pos) {
  const auto end = text.find('\n', pos);
  return end == std::string::npos ? text.size() : end;
}

// Just after the ':' that follows a key.
std::size_t after_colon(const std::string& text, const SyntaxNode& key) {
  std::size_t at = key.end;
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return at < text.size() && text[at] == ':' ? at + 1 : key.end;
}

// A comment on the key's own line inside the span being replaced (`steps:
// # the scenario`, `description: | # why`): kept after the new value's first line.
std::string keep_key_line_comment(const YamlSyntax& syntax, std::size_t from, std::size_t to, std::string text) {
  const int line = syntax.line_of(from);
  for (const auto& comment : syntax.comments()) {
    if (comment.begin < from || comment.begin >= to || comment.line != line) continue;
    const auto first_break = text.find('\n');
    const std::string note = " " + syntax.text().substr(comment.begin, comment.end - comment.begin);
    if (first_break == std::string::npos) text += note;
    else text.insert(first_break, note);
    break;
  }
  return text;
}

// Where a block list's item stands: from the start of its dash's line to
// the end of its last line (with the line break). Empty when its dash does
// not start its line.
std::pair<std::size_t, std::size_t> item_lines(const YamlSyntax& syntax, const SyntaxNode& item) {
  const auto& text = syntax.text();
  const std::size_t from = syntax.line_start(item.begin);
  const std::size_t dash = text.find_first_not_of(' ', from);
  if (dash == std::string::npos || dash >= item.begin || text[dash] != '-') return {0, 0};
  std::size_t to = line_end_at(text, std::max(item.end, item.begin));
  return {from, to < text.size() ? to + 1 : to};
}

// The edits that turn the items of the block list `old` into `items`: the
// longest run of items that stay (equal content) is left alone, with the
// comments between them; the others are rewritten in place, added or
// removed. False when an item's lines cannot be told apart.
bool edit_items(const YamlSyntax& syntax, const SyntaxNode& old, const std::vector<YamlValue>& items,
                std::vector<TextEdit>& out) {
  const std::size_t n = old.children.size(), m = items.size();
  std::vector<std::pair<std::size_t, std::size_t>> lines(n);
  std::vector<YamlValue> before(n);
  for (std::size_t i = 0; i < n; ++i) {
    const SyntaxNode& item = syntax.node(old.children[i]);
    lines[i] = item_lines(syntax, item);
    if (lines[i].second == 0 || (i > 0 && lines[i].first < lines[i - 1].second)) return false;
    before[i] = value_of_node(syntax, item);
  }
  // Longest common subsequence of equal items.
  std::vector<std::vector<std::size_t>> common(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      common[i][j] = before[i].same_content(items[j]) ? common[i + 1][j + 1] + 1
                                                       : std::max(common[i + 1][j], common[i][j + 1]);
  const std::string indent(static_cast<std::size_t>(old.column), ' ');
  const auto item_text = [&](const YamlValue& value) {
    return indent + "- " + shift_continuation_lines(render_after_dash(value), old.column) + "\n";
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i].same_content(items[j]) && common[i][j] == common[i + 1][j + 1] + 1) {
      ++i;
      ++j;
      continue;
    }
    // A run of items that go (old[i, i_end)) and of items that come (items[j, j_end)).
    std::size_t i_end = i, j_end = j;
    while (i_end < n || j_end < m) {
      if (i_end < n && j_end < m && before[i_end].same_content(items[j_end]) &&
          common[i_end][j_end] == common[i_end + 1][j_end + 1] + 1)
        break;
      if (j_end < m && (i_end == n || common[i_end][j_end + 1] >= common[i_end + 1][j_end])) ++j_end;
      else ++i_end;
    }
    std::string added;
    for (std::size_t k = j; k < j_end; ++k) added += item_text(items[k]);
    if (i_end > i) {
      out.push_back({lines[i].first, lines[i_end - 1].second, 0, added});
    } else {
      // Only new items: right after the item before them, so that comments
      // above the next item stay with it.
      std::size_t at = i > 0 ? lines[i - 1].second : lines[0].first;
      if (i == n && at == syntax.text().size() && !syntax.text().ends_with('\n')) added = "\n" + added;
      out.push_back({at, at, 0, added});
    }
    i = i_end;
    j = j_end;
  }
  return true;
}

std::size_t rank_of(const std::vector<std::string>& order, const std::string& key) {
  const auto it = std::find(order.begin(), order.end(), key);
  return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
}

std::string edit_lf_text(const std::string& text, std::size_t document, const std::vector<KeyEdit>& edits,
                         const std::vector<std::string>& key_order) {
  std::unique_ptr<YamlSyntax> parsed;
  try {
    parsed = std::make_unique<YamlSyntax>(text);
  } catch (const YAML::Exception& e) {
    throw YamlEditError("not valid YAML: " + e.msg);
  }
  const YamlSyntax& syntax = *parsed;
  if (document >= syntax.documents().size()) throw YamlEditError("there is no document " + std::to_string(document + 1));
  const std::uint32_t root = syntax.documents()[document].root;
  const SyntaxNode& map = syntax.node(root);
  if (map.type != SyntaxType::Map || map.flow)
    throw YamlEditError("the document is not a block mapping (`key: value` lines); edit it by hand");

  // Keys being removed are no place to insert after.
  const auto removed = [&](const std::string& key) {
    return std::any_of(edits.begin(), edits.end(), [&](const KeyEdit& e) { return e.key == key && !e.value; });
  };
  std::vector<TextEdit> out;
  for (const auto& edit : edits) {
    const auto key_index = syntax.key_of(root, edit.key);
    if (key_index >= 0) {
      const SyntaxNode& key = syntax.node(static_cast<std::uint32_t>(key_index));
      const SyntaxNode& old = syntax.node(static_cast<std::uint32_t>(syntax.value_of(root, edit.key)));
      if (!edit.value) {
        const std::size_t from = syntax.line_start(key.begin);
        std::size_t to = line_end_at(text, std::max(old.end, key.end));
        if (to < text.size()) ++to;
        out.push_back({from, to, 0, ""});
        continue;
      }
      const std::size_t from = after_colon(text, key);
      const YamlValue value = in_style_of(*edit.value, old);
      const bool both_block_lists = old.type == SyntaxType::Sequence && !old.flow && !old.children.empty() &&
                                    value.kind == YamlValue::Kind::List && !value.flow && !value.items.empty();
      if (both_block_lists && old.anchor.empty()) {
        std::vector<TextEdit> item_edits;
        if (edit_items(syntax, old, value.items, item_edits)) {
          out.insert(out.end(), item_edits.begin(), item_edits.end());
          continue;
        }
      }
      out.push_back({from, std::max(from, old.end), 0,
                     keep_key_line_comment(syntax, from, old.end, value_text(value, key.column, &old))});
      continue;
    }
    if (!edit.value) continue;
    // After the last key (in the file) of those that come before it in key_order.
    const std::size_t rank = rank_of(key_order, edit.key);
    const SyntaxNode* after = nullptr;
    const SyntaxNode* after_value = nullptr;
    for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
      const SyntaxNode& k = syntax.node(map.children[i]);
      if (k.type == SyntaxType::Scalar && rank_of(key_order, k.value) < rank && !removed(k.value) &&
          (!after || k.begin > after->begin)) {
        after = &k;
        after_value = &syntax.node(map.children[i + 1]);
      }
    }
    const SyntaxNode& first = syntax.node(map.children.front());
    const std::string line = std::string(static_cast<std::size_t>(first.column), ' ') +
                             render_flow_scalar(edit.key) + ":" + value_text(*edit.value, first.column, nullptr);
    if (after) {
      const std::size_t at = line_end_at(text, std::max(after->end, after_value->end));
      out.push_back({at, at, rank, (at == 0 || text.empty() ? "" : "\n") + line});
    } else {
      const std::size_t at = syntax.line_start(first.begin);
      out.push_back({at, at, rank, line + "\n"});
    }
  }
  std::sort(out.begin(), out.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.rank < b.rank;
  });
  std::string result;
  std::size_t copied = 0;
  for (const auto& edit : out) {
    if (edit.begin < copied) throw YamlEditError("two edits overlap");
    result.append(text, copied, edit.begin - copied);
    result += edit.text;
    copied = edit.end;
  }
  result.append(text, copied, std::string::npos);
  return result;
}

}  // namespace

YamlValue value_of_node(const YamlSyntax& syntax, const SyntaxNode& node) {
  switch (node.type) {
    case SyntaxType::Scalar:
      return YamlValue::of_text(node.value);
    case SyntaxType::Sequence: {
      std::vector<YamlValue> items;
      for (const auto child : node.children) items.push_back(value_of_node(syntax, syntax.node(child)));
      return YamlValue::list(std::move(items), node.flow);
    }
    case SyntaxType::Map: {
      YamlEntries entries;
      for (std::size_t i = 0; i + 1 < node.children.size(); i += 2)
        entries.emplace_back(syntax.node(node.children[i]).value,
                             value_of_node(syntax, syntax.node(node.children[i + 1])));
      return YamlValue::map(std::move(entries), node.flow);
    }
    case SyntaxType::Alias:  // never equal to a value written out
      return YamlValue::of_text("*" + node.value, ScalarStyle::DoubleQuoted);
    case SyntaxType::Null:
      break;
  }
  return YamlValue::null();
}

std::string edit_document_keys(const std::string& text, std::size_t document, const std::vector<KeyEdit>& edits,
                               const std::vector<std::string>& key_order) {
  if (!uses_crlf(text)) return edit_lf_text(text, document, edits, key_order);
  return with_crlf(edit_lf_text(without_cr(text), document, edits, key_order));
}

}  // namespace ato::io
