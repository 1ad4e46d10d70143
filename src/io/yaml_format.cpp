#include "io/yaml_format.hpp"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <set>

#include "io/yaml_core_schema.hpp"
#include "io/yaml_syntax.hpp"
#include "io/yaml_tree.hpp"
#include "io/yaml_value.hpp"

namespace ato::io {
namespace {

constexpr std::uint32_t kNoNode = UINT32_MAX;

// A layout fmt does not write: the file is kept as it is.
struct KeptAsIs {
  std::string reason;
};

std::string spaces(int n) { return std::string(static_cast<std::size_t>(std::max(n, 0)), ' '); }

// Every line after the first gains `indent` spaces (empty lines stay empty).
std::string indent_continuation(const std::string& text, int indent) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] != '\n') out += spaces(indent);
  }
  return out;
}

// A text scalar as it follows "key:" (or "-"), exact: a `|` block says
// whether the text ends with a line break (`|`) or not (`|-`).
std::string scalar_after_key(const std::string& value) {
  const bool trailing_breaks = value.size() >= 2 && value.compare(value.size() - 2, 2, "\n\n") == 0;
  std::string text = render_after_key(
      YamlValue::of_text(value, trailing_breaks ? ScalarStyle::DoubleQuoted : ScalarStyle::Auto));
  if (text.starts_with(" |") && !value.ends_with('\n')) text.insert(2, "-");
  return text;
}

class Formatter {
 public:
  Formatter(const YamlSyntax& syntax, const FormatRules& rules) : s_(syntax), rules_(rules) {}

  std::string run() {
    if (s_.documents().empty()) throw KeptAsIs{""};  // empty, or comments only: nothing to lay out
    for (std::size_t i = 0; i < s_.text().size(); i = s_.text().find('\n', i) + 1) {
      if (s_.text()[i] == '%') throw KeptAsIs{"it has a YAML directive (%)"};
      if (s_.text().find('\n', i) == std::string::npos) break;
    }
    link_parents();
    attach_comments();
    for (std::size_t d = 0; d < s_.documents().size(); ++d) {
      const auto& document = s_.documents()[d];
      if (d > 0 || document.explicit_start) out_ += "---\n";
      document_start_ = out_.size();
      const SyntaxNode& root = s_.node(document.root);
      if (!root.anchor.empty() || !root.tag.empty()) throw KeptAsIs{"a document's root has an anchor or a tag"};
      if (root.type == SyntaxType::Map && !root.flow) render_map(document.root, 0, "");
      else if (root.type == SyntaxType::Sequence && !root.flow) render_seq(document.root, 0, "");
      else if (!(root.type == SyntaxType::Null && root.implicit_null)) throw KeptAsIs{"a document is a single value"};
      for (const auto* comment : trailers_[d]) emit_comment(*comment, 0);
    }
    if (emitted_comments_ != s_.comments().size()) throw KeptAsIs{"a comment stands where fmt cannot keep it"};
    return out_;
  }

 private:
  void link_parents() {
    parent_.assign(s_.node_count(), kNoNode);
    key_of_value_.assign(s_.node_count(), kNoNode);
    for (std::uint32_t i = 0; i < s_.node_count(); ++i) {
      const auto& node = s_.node(i);
      for (std::size_t c = 0; c < node.children.size(); ++c) {
        parent_[node.children[c]] = i;
        if (node.type == SyntaxType::Map && c % 2 == 1) key_of_value_[node.children[c]] = node.children[c - 1];
      }
    }
  }

  std::size_t document_end(std::size_t d) const {
    return d + 1 < s_.documents().size() ? s_.documents()[d + 1].begin : s_.text().size();
  }
  std::size_t document_of(std::size_t pos) const {
    const auto& documents = s_.documents();
    const auto after = std::upper_bound(documents.begin() + 1, documents.end(), pos,
                                        [](std::size_t at, const SyntaxDocument& d) { return at < d.begin; });
    return static_cast<std::size_t>(after - documents.begin()) - 1;
  }

  // Own-line comments go with the node after them (the outermost one that
  // starts there), comments beside a value with the last node that starts
  // before them on their line (a flow collection as a whole), the rest to
  // the end of their document.
  void attach_comments() {
    leading_.assign(s_.node_count(), {});
    beside_.assign(s_.node_count(), nullptr);
    trailers_.assign(s_.documents().size(), {});
    std::vector<std::uint32_t> by_start;
    for (std::uint32_t i = 0; i < s_.node_count(); ++i)
      if (!s_.node(i).implicit_null) by_start.push_back(i);
    std::stable_sort(by_start.begin(), by_start.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return s_.node(a).begin < s_.node(b).begin; });
    // The outermost flow collections, in order: they do not overlap.
    std::vector<std::pair<std::size_t, std::size_t>> flows;
    for (const auto i : by_start)
      if (s_.node(i).flow && (parent_[i] == kNoNode || !s_.node(parent_[i]).flow))
        flows.emplace_back(s_.node(i).begin, s_.node(i).end);
    for (const auto& comment : s_.comments()) {
      const auto flow = std::upper_bound(flows.begin(), flows.end(), std::make_pair(comment.begin, SIZE_MAX));
      if (flow != flows.begin() && comment.begin < std::prev(flow)->second)
        throw KeptAsIs{"a comment inside [..] or {..}"};
      const auto next = std::upper_bound(by_start.begin(), by_start.end(), comment.begin,
                                         [&](std::size_t pos, std::uint32_t i) { return pos < s_.node(i).begin; });
      if (!comment.own_line) {
        // The last node that starts before the comment, if on its line.
        std::uint32_t on_line = kNoNode;
        auto before = next;
        while (before != by_start.begin() && s_.node(*std::prev(before)).begin >= comment.begin) --before;
        if (before != by_start.begin() && s_.line_of(s_.node(*std::prev(before)).begin) == comment.line)
          on_line = *std::prev(before);
        if (on_line != kNoNode) {
          for (auto up = parent_[on_line]; up != kNoNode; up = parent_[up])
            if (s_.node(up).flow) on_line = up;
          if (beside_[on_line]) throw KeptAsIs{"two comments beside one value"};
          beside_[on_line] = &comment;
          continue;
        }
      }
      const std::size_t d = document_of(comment.begin);
      if (next != by_start.end() && s_.node(*next).begin < document_end(d)) leading_[*next].push_back(&comment);
      else trailers_[d].push_back(&comment);
    }
  }

  // Whether the line before `line` (0-based) holds nothing but blanks.
  bool blank_line_before(int line) const {
    if (line <= 0) return false;
    const auto& text = s_.text();
    const std::size_t at = s_.start_of_line(line - 1);
    const std::size_t end = std::min(text.find('\n', at), text.size());
    return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at), text.begin() + static_cast<std::ptrdiff_t>(end),
                       [](char c) { return c == ' ' || c == '\t'; });
  }

  void blank() {
    if (out_.size() > document_start_ && !out_.ends_with("\n\n")) out_ += "\n";
  }

  void emit_comment(const SyntaxComment& comment, int indent) {
    if (blank_line_before(comment.line)) blank();
    std::string text = s_.text().substr(comment.begin, comment.end - comment.begin);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
    out_ += spaces(indent) + text + "\n";
    ++emitted_comments_;
  }

  // The comments above `node` and a blank line where there was one.
  void emit_leading(std::uint32_t node, int indent) {
    for (const auto* comment : leading_[node]) emit_comment(*comment, indent);
    leading_[node].clear();
    // A mapping and its first key start at one place: one blank line for both.
    const auto& at = s_.node(node);
    if (at.implicit_null || !blank_checked_.insert(at.begin).second) return;
    if (blank_line_before(s_.line_of(at.begin))) blank();
  }

  std::string beside_text(std::uint32_t node) {
    if (node == kNoNode || !beside_[node]) return "";
    const auto* comment = beside_[node];
    beside_[node] = nullptr;
    ++emitted_comments_;
    std::string text = s_.text().substr(comment->begin, comment->end - comment->begin);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
    return "  " + text;
  }

  static std::string properties(const SyntaxNode& node) {
    std::string out;
    if (!node.anchor.empty()) out += " &" + node.anchor;
    if (!node.tag.empty()) out += " " + node.tag;
    return out;
  }

  bool is_text_scalar(const SyntaxNode& node) const {
    return node.type == SyntaxType::Scalar && node.tag.empty() &&
           (node.form != ScalarForm::Plain || core_schema_type(node.value) == PlainScalarType::Text);
  }

  // A flow collection of text scalars only, as a value to write again.
  bool as_value(const SyntaxNode& node, YamlValue& out) const {
    if (!node.anchor.empty() || !node.tag.empty()) return false;
    if (is_text_scalar(node)) {
      out = YamlValue::of_text(node.value);
      return true;
    }
    if (node.type == SyntaxType::Sequence) {
      std::vector<YamlValue> items(node.children.size());
      for (std::size_t i = 0; i < items.size(); ++i)
        if (!as_value(s_.node(node.children[i]), items[i])) return false;
      out = YamlValue::list(std::move(items), true);
      return true;
    }
    if (node.type == SyntaxType::Map) {
      YamlEntries entries;
      for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
        const auto& key = s_.node(node.children[i]);
        YamlValue value;
        if (!is_text_scalar(key) || !as_value(s_.node(node.children[i + 1]), value)) return false;
        entries.emplace_back(key.value, std::move(value));
      }
      out = YamlValue::map(std::move(entries), true);
      return true;
    }
    return false;
  }

  std::string verbatim(const SyntaxNode& node) const {
    std::string text = s_.text().substr(node.begin, node.end - node.begin);
    if (text.find('\n') != std::string::npos) throw KeptAsIs{"a value over several lines that fmt would rewrite"};
    return " " + text;
  }

  // Writes `value` after `head` ("  key:" or "  -"), then its lines.
  void write_value(std::uint32_t index, int indent, std::string head, const std::string& head_comment) {
    const SyntaxNode& value = s_.node(index);
    std::string comment = head_comment + beside_text(index);
    const bool block_collection = (value.type == SyntaxType::Map || value.type == SyntaxType::Sequence) && !value.flow;
    // Comments above a block collection's first line go inside it, under the key.
    if (!block_collection && !leading_[index].empty()) throw KeptAsIs{"a comment between a key and its value"};
    if (block_collection) {
      out_ += head + properties(value) + comment + "\n";
      if (value.type == SyntaxType::Map) render_map(index, indent + 2, "");
      else render_seq(index, indent + 2, "");
      return;
    }
    std::string text;
    YamlValue flow;
    if (value.implicit_null) text = "";
    else if (value.type == SyntaxType::Alias) text = " *" + value.value;
    else if (is_text_scalar(value)) text = properties(value) + scalar_after_key(value.value);
    else if (value.flow && !value.children.empty() && as_value(value, flow)) text = render_after_key(flow);
    else text = verbatim(value);
    text = indent_continuation(text, indent);
    const auto first_break = text.find('\n');
    if (first_break == std::string::npos) text += comment;
    else text.insert(first_break, comment);
    out_ += head + text + "\n";
  }

  std::size_t rank(const std::vector<std::string>& order, const SyntaxNode& key) const {
    const auto it = std::find(order.begin(), order.end(), key.value);
    return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
  }

  // The key order for a mapping: a document's, a step's, or as written.
  const std::vector<std::string>* order_of(std::uint32_t map) const {
    // A case, shared step or test plan has a name; other files (a config, a CI recipe) keep their order.
    if (parent_[map] == kNoNode) return s_.key_of(map, "name") >= 0 ? &rules_.root_order : nullptr;
    const auto list = parent_[map];
    if (s_.node(list).type != SyntaxType::Sequence || key_of_value_[list] == kNoNode) return nullptr;
    return s_.node(key_of_value_[list]).value == "steps" ? &rules_.step_order : nullptr;
  }

  // The comments right above a nested mapping's first key (no blank line
  // between) are that key's: they move with it when the keys are sorted. A
  // document's first comments are its header: they stay on top.
  void give_first_key_its_comments(std::uint32_t map) {
    const auto& node = s_.node(map);
    if (node.children.empty()) return;
    auto& above = leading_[map];
    std::size_t split = above.size();
    int next_line = s_.line_of(s_.node(node.children.front()).begin);
    while (split > 0 && above[split - 1]->line == next_line - 1 &&
           s_.text().compare(above[split - 1]->begin, 22, "# yaml-language-server") != 0) {
      --split;
      --next_line;
    }
    auto& key = leading_[node.children.front()];
    key.insert(key.begin(), above.begin() + static_cast<std::ptrdiff_t>(split), above.end());
    above.resize(split);
  }

  // `first_prefix` ("  - "), when given, starts the first key's line: a mapping as a list item.
  void render_map(std::uint32_t index, int indent, const std::string& first_prefix) {
    const SyntaxNode& map = s_.node(index);
    const auto* order = order_of(index);
    if (order && parent_[index] != kNoNode) give_first_key_its_comments(index);
    emit_leading(index, indent);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;
    for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) entries.emplace_back(map.children[i], map.children[i + 1]);
    if (order) {
      std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
        return rank(*order, s_.node(a.first)) < rank(*order, s_.node(b.first));
      });
    }
    bool first = true;
    for (const auto& [key_index, value_index] : entries) {
      const SyntaxNode& key = s_.node(key_index);
      if (key.type != SyntaxType::Scalar || !key.anchor.empty() || !key.tag.empty() ||
          key.value.find('\n') != std::string::npos)
        throw KeptAsIs{"a key that is not a one-line text"};
      if (!first || first_prefix.empty()) emit_leading(key_index, indent);
      else if (!leading_[key_index].empty()) throw KeptAsIs{"a comment inside a list item's first line"};
      // Keys stay as written: a plain key needs no quotes, a quoted one may.
      const std::string head =
          (first && !first_prefix.empty() ? first_prefix : spaces(indent)) + verbatim(key).substr(1) + ":";
      write_value(value_index, indent, head, beside_text(key_index));
      first = false;
    }
  }

  void render_seq(std::uint32_t index, int indent, const std::string& first_prefix) {
    const SyntaxNode& seq = s_.node(index);
    emit_leading(index, indent);
    bool first = true;
    for (const auto item_index : seq.children) {
      const SyntaxNode& item = s_.node(item_index);
      const std::string dash = (first && !first_prefix.empty() ? first_prefix : spaces(indent)) + "-";
      if (!first || first_prefix.empty()) emit_leading(item_index, indent);
      first = false;
      const bool block = (item.type == SyntaxType::Map || item.type == SyntaxType::Sequence) && !item.flow;
      if (block && item.anchor.empty() && item.tag.empty() && !beside_[item_index]) {
        if (item.type == SyntaxType::Map) render_map(item_index, indent + 2, dash + " ");
        else render_seq(item_index, indent + 2, dash + " ");
      } else {
        write_value(item_index, indent, dash, "");
      }
    }
  }

  const YamlSyntax& s_;
  const FormatRules& rules_;
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> key_of_value_;
  std::vector<std::vector<const SyntaxComment*>> leading_;
  std::vector<const SyntaxComment*> beside_;
  std::vector<std::vector<const SyntaxComment*>> trailers_;
  std::size_t emitted_comments_ = 0;
  std::size_t document_start_ = 0;
  std::set<std::size_t> blank_checked_;  // where a blank line before a node was looked for
  std::string out_;
};

// Equal values: scalars by text and by what a plain one means (42 is a
// number, "42" text), mappings whatever their key order.
bool same_node(YamlNode a, YamlNode b, int depth) {
  if (depth > 64 || a.Type() != b.Type()) return false;
  if (a.IsScalar()) {
    const auto type = [](YamlNode n) {
      return n.IsPlainScalar() ? core_schema_type(n.Scalar()) : PlainScalarType::Text;
    };
    return a.Scalar() == b.Scalar() && type(a) == type(b);
  }
  if (a.size() != b.size()) return false;
  if (a.IsSequence()) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same_node(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (a.IsMap()) {
    for (const auto& entry : a) {
      if (!entry.first.IsScalar()) return false;
      const YamlNode other = b[entry.first.Scalar()];
      if (!other || !same_node(entry.second, other, depth + 1)) return false;
    }
  }
  return true;
}

}  // namespace

FormatRules case_format_rules(const std::vector<std::string>& case_key_order) {
  return {case_key_order, {"given", "when", "then", "and", "but", "step", "use", "expected", "attachments", "steps"}};
}

bool same_yaml_meaning(const std::string& a, const std::string& b) {
  try {
    const YamlTree first(a, YamlDocuments::All), second(b, YamlDocuments::All);
    const auto x = first.roots(), y = second.roots();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!same_node(x[i], y[i], 0)) return false;
    return true;
  } catch (const YAML::Exception&) {
    return false;
  }
}

Formatted format_yaml(const std::string& text, const FormatRules& rules) {
  const bool crlf = uses_crlf(text);
  const std::string lf = crlf ? without_cr(text) : text;
  std::unique_ptr<YamlSyntax> syntax;
  try {
    syntax = std::make_unique<YamlSyntax>(lf);
  } catch (const YAML::Exception& e) {
    throw YamlFormatError("YAML syntax error: " + e.msg, e.mark.line + 1, e.mark.column + 1);
  }
  try {
    std::string formatted = Formatter(*syntax, rules).run();
    if (!same_yaml_meaning(lf, formatted)) return {text, "fmt would change what it means (a bug: please report it)"};
    // The promise is a fixed point: a layout fmt would move again next time
    // (a comment it places differently once written) is not written at all.
    if (formatted != lf && Formatter(YamlSyntax(formatted), rules).run() != formatted)
      throw KeptAsIs{"a comment stands where fmt cannot place it the same way twice"};
    return {crlf ? with_crlf(formatted) : formatted, ""};
  } catch (const KeptAsIs& kept) {
    return {text, kept.reason};
  } catch (const YAML::Exception&) {
    return {text, "fmt would write YAML it cannot read back (a bug: please report it)"};
  }
}

}  // namespace ato::io
