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

std::string edit_document_keys(const std::string& text, std::size_t document, const std::vector<KeyEdit>& edits,
                               const std::vector<std::string>& key_order) {
  if (!uses_crlf(text)) return edit_lf_text(text, document, edits, key_order);
  return with_crlf(edit_lf_text(without_cr(text), document, edits, key_order));
}

}  // namespace ato::io
