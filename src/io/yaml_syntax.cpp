#include "io/yaml_syntax.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>

namespace ato::io {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool ends_flow_token(char c) { return is_space(c) || c == ',' || c == ']' || c == '}'; }

}  // namespace

// Receives yaml-cpp's parser events and keeps, for each node, where it is
// written. Ends are found from the text: yaml-cpp marks only starts.
class SyntaxBuilder : public YAML::EventHandler {
 public:
  explicit SyntaxBuilder(YamlSyntax& syntax) : s_(syntax), text_(syntax.text_) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (started_ && mark.pos == last_start_)
      throw YAML::ParserException(mark, "a document cannot start with ',' (quote text that begins with a comma)");
    started_ = true;
    last_start_ = mark.pos;
    SyntaxDocument document;
    document.begin = static_cast<std::size_t>(mark.pos);
    document.explicit_start = text_.compare(document.begin, 3, "---") == 0;
    document.root = UINT32_MAX;
    s_.documents_.push_back(document);
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    auto& node = add(SyntaxType::Null, mark);
    const std::string_view rest = std::string_view(text_).substr(node.content);
    std::size_t length = 0;
    for (const std::string_view word : {"~", "null", "Null", "NULL"})
      if (rest.starts_with(word) && (rest.size() == word.size() || ends_flow_token(rest[word.size()])))
        length = word.size();
    if (length == 0 && node.anchor.empty() && node.tag.empty()) node.implicit_null = true;
    node.end = node.content + length;
    // `key: &anchor` with nothing after it ends after its properties.
    if (length == 0)
      while (node.end > node.begin && is_space(text_[node.end - 1])) --node.end;
    done();
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    auto& node = add(SyntaxType::Alias, mark);
    std::size_t end = node.begin + 1;
    while (end < text_.size() && !ends_flow_token(text_[end])) ++end;
    node.value = text_.substr(node.begin + 1, end - node.begin - 1);
    node.end = end;
    done();
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string& value) override {
    auto& node = add(SyntaxType::Scalar, mark);
    node.value = value;
    const char first = node.content < text_.size() ? text_[node.content] : '\0';
    if (first == '"') {
      node.form = ScalarForm::DoubleQuoted;
      node.end = quoted_end(node.content, '"');
    } else if (first == '\'') {
      node.form = ScalarForm::SingleQuoted;
      node.end = quoted_end(node.content, '\'');
    } else if (first == '|' || first == '>') {
      node.form = first == '|' ? ScalarForm::Literal : ScalarForm::Folded;
      node.end = block_end(node.content, value);
    } else {
      node.end = plain_end(node.content, value);
    }
    done();
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value style) override {
    open(SyntaxType::Sequence, mark, style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    open(SyntaxType::Map, mark, style);
  }
  void OnMapEnd() override { close(); }

 private:
  SyntaxNode& add(SyntaxType type, const YAML::Mark& mark) {
    current_ = static_cast<std::uint32_t>(s_.nodes_.size());
    auto& node = s_.nodes_.emplace_back();
    node.type = type;
    node.begin = static_cast<std::size_t>(mark.pos);
    node.line = mark.line;
    node.column = mark.column;
    read_properties(node);
    return node;
  }

  // `&anchor` and `!tag` before the content, in either order.
  void read_properties(SyntaxNode& node) {
    std::size_t at = node.begin;
    while (at < text_.size() && (text_[at] == '&' || text_[at] == '!')) {
      std::size_t end = at + 1;
      while (end < text_.size() && !is_space(text_[end])) ++end;
      if (text_[at] == '&') node.anchor = text_.substr(at + 1, end - at - 1);
      else node.tag = text_.substr(at, end - at);
      at = end;
      while (at < text_.size() && is_blank(text_[at])) ++at;
    }
    node.content = at;
  }

  std::size_t quoted_end(std::size_t at, char quote) const {
    std::size_t i = at + 1;
    while (i < text_.size()) {
      if (quote == '"' && text_[i] == '\\') {
        i += 2;
        continue;
      }
      if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      ++i;
    }
    return text_.size();
  }

  // A `|` or `>` block: its header line, then the lines indented at least
  // as much as its first non-empty line; it ends after the last non-empty one.
  std::size_t block_end(std::size_t at, const std::string& value) const {
    std::size_t header_end = text_.find('\n', at);
    if (header_end == std::string::npos) return text_.size();
    std::size_t end = header_end;
    // Up to a comment on the header line, if any.
    for (std::size_t i = at + 1; i < header_end; ++i)
      if (text_[i] == '#' && is_blank(text_[i - 1])) {
        end = i;
        break;
      }
    while (end > at && is_blank(text_[end - 1])) --end;
    if (value.empty()) return end;
    std::size_t indent = std::string::npos;
    std::size_t line = header_end + 1;
    while (line < text_.size()) {
      std::size_t line_end = text_.find('\n', line);
      if (line_end == std::string::npos) line_end = text_.size();
      std::size_t first = line;
      while (first < line_end && text_[first] == ' ') ++first;
      if (first < line_end) {  // not empty
        if (indent == std::string::npos) indent = first - line;
        if (first - line < indent) break;
        end = line_end;
      }
      line = line_end + 1;
    }
    return end;
  }

  // A plain scalar's value is its text with line breaks folded: matching
  // the value against the text finds where it ends, over several lines too.
  std::size_t plain_end(std::size_t at, const std::string& value) const {
    std::size_t i = at, j = 0;
    while (j < value.size() && i < text_.size()) {
      if (text_[i] == value[j]) {
        ++i;
        ++j;
      } else if (is_space(text_[i]) && (value[j] == ' ' || value[j] == '\n')) {
        while (i < text_.size() && is_space(text_[i])) ++i;
        while (j < value.size() && (value[j] == ' ' || value[j] == '\n')) ++j;
      } else {
        break;
      }
    }
    return i;
  }

  void open(SyntaxType type, const YAML::Mark& mark, YAML::EmitterStyle::value style) {
    auto& node = add(type, mark);
    node.flow = style == YAML::EmitterStyle::Flow;
    open_.push_back(current_);
  }

  void close() {
    const std::uint32_t index = open_.back();
    open_.pop_back();
    auto& node = s_.nodes_[index];
    if (node.type == SyntaxType::Map) place_implicit_nulls(node);
    std::size_t end = node.content;
    if (!node.children.empty()) end = s_.nodes_[node.children.back()].end;
    if (node.flow) {
      // The closing bracket, past commas, blanks and comments.
      const char closing = node.type == SyntaxType::Map ? '}' : ']';
      std::size_t i = node.children.empty() ? node.content + 1 : end;
      while (i < text_.size() && text_[i] != closing) {
        if (text_[i] == '#') i = text_.find('\n', i);
        else ++i;
        if (i == std::string::npos) i = text_.size();
      }
      end = std::min(i + 1, text_.size());
    }
    node.end = end;
    current_ = index;
    done();
  }

  // `key:` with nothing: the value sits right after the colon (yaml-cpp
  // marks it where the next token starts).
  void place_implicit_nulls(const SyntaxNode& map) {
    for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
      auto& value = s_.nodes_[map.children[i + 1]];
      if (!value.implicit_null) continue;
      std::size_t at = s_.nodes_[map.children[i]].end;
      while (at < text_.size() && is_blank(text_[at])) ++at;
      if (at < text_.size() && text_[at] == ':') ++at;
      value.begin = value.content = value.end = at;
    }
  }

  // The node just completed is a child of the innermost open collection, or a root.
  void done() {
    if (!open_.empty()) {
      if (open_.back() != current_) s_.nodes_[open_.back()].children.push_back(current_);
      return;
    }
    if (!s_.documents_.empty() && s_.documents_.back().root == UINT32_MAX) s_.documents_.back().root = current_;
  }

  YamlSyntax& s_;
  const std::string& text_;
  std::vector<std::uint32_t> open_;
  std::uint32_t current_ = 0;
  bool started_ = false;
  int last_start_ = -1;
};

namespace {

// Where comments cannot be: inside quoted scalars and block scalars' bodies.
std::vector<std::pair<std::size_t, std::size_t>> scalar_bodies(const YamlSyntax& syntax) {
  std::vector<std::pair<std::size_t, std::size_t>> bodies;
  for (std::size_t i = 0; i < syntax.node_count(); ++i) {
    const auto& node = syntax.node(static_cast<std::uint32_t>(i));
    if (node.type != SyntaxType::Scalar || node.form == ScalarForm::Plain) continue;
    std::size_t from = node.content;
    if (node.form == ScalarForm::Literal || node.form == ScalarForm::Folded) {
      from = syntax.text().find('\n', node.content);
      if (from == std::string::npos) continue;
    }
    if (from < node.end) bodies.emplace_back(from, node.end);
  }
  std::sort(bodies.begin(), bodies.end());
  return bodies;
}

}  // namespace

YamlSyntax::YamlSyntax(std::string text) : text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  std::istringstream in(text_);
  YAML::Parser parser(in);
  SyntaxBuilder builder(*this);
  while (parser.HandleNextDocument(builder)) {
    if (!documents_.empty() && documents_.back().root == UINT32_MAX) {
      documents_.back().root = static_cast<std::uint32_t>(nodes_.size());
      auto& null = nodes_.emplace_back();
      null.begin = null.content = null.end = documents_.back().begin;
      null.implicit_null = true;
    }
  }
  const auto bodies = scalar_bodies(*this);
  std::size_t next_body = 0;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    while (next_body < bodies.size() && bodies[next_body].second <= i) ++next_body;
    if (next_body < bodies.size() && bodies[next_body].first <= i) {
      i = bodies[next_body].second - 1;
      continue;
    }
    if (text_[i] != '#' || (i > 0 && !is_space(text_[i - 1]))) continue;
    SyntaxComment comment;
    comment.begin = i;
    comment.end = std::min(text_.find('\n', i), text_.size());
    comment.line = line_of(i);
    const std::size_t start = line_starts_[static_cast<std::size_t>(comment.line)];
    comment.own_line = std::all_of(text_.begin() + static_cast<std::ptrdiff_t>(start),
                                   text_.begin() + static_cast<std::ptrdiff_t>(i), is_blank);
    comments_.push_back(comment);
    i = comment.end;
  }
}

std::int64_t YamlSyntax::key_of(std::uint32_t map, std::string_view key) const {
  const auto& node = nodes_[map];
  if (node.type != SyntaxType::Map) return -1;
  for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
    const auto& k = nodes_[node.children[i]];
    if (k.type == SyntaxType::Scalar && k.value == key) return node.children[i];
  }
  return -1;
}

std::int64_t YamlSyntax::value_of(std::uint32_t map, std::string_view key) const {
  const auto& node = nodes_[map];
  if (node.type != SyntaxType::Map) return -1;
  for (std::size_t i = 0; i + 1 < node.children.size(); i += 2) {
    const auto& k = nodes_[node.children[i]];
    if (k.type == SyntaxType::Scalar && k.value == key) return node.children[i + 1];
  }
  return -1;
}

int YamlSyntax::line_of(std::size_t pos) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
  return static_cast<int>(it - line_starts_.begin()) - 1;
}

std::size_t YamlSyntax::line_start(std::size_t pos) const {
  return line_starts_[static_cast<std::size_t>(line_of(pos))];
}

bool uses_crlf(std::string_view text) {
  bool any = false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') {
      if (i == 0 || text[i - 1] != '\r') return false;
      any = true;
    }
  return any;
}

std::string without_cr(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
  return out;
}

std::string with_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace ato::io
