#include "io/yaml_value.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

namespace ato::io {
namespace {

// A plain scalar that a YAML reader would take for a number, a boolean, null
// or a date must be quoted to stay a string; yaml-cpp quotes only some.
bool reads_as_non_string(const std::string& text) {
  if (text.empty()) return true;
  const YAML::Node node(text);
  bool as_bool = false;
  double as_double = 0;
  long long as_integer = 0;
  if (YAML::convert<bool>::decode(node, as_bool) || YAML::convert<double>::decode(node, as_double) ||
      YAML::convert<long long>::decode(node, as_integer))
    return true;
  const bool looks_like_date =
      text.size() >= 8 && std::isdigit(static_cast<unsigned char>(text[0])) && text.find('-') == 4 &&
      std::all_of(text.begin(), text.begin() + 4, [](unsigned char c) { return std::isdigit(c); });
  return looks_like_date;
}

// A `|` block keeps multi-line text readable. It cannot start with a blank
// (the indentation would change) nor hold control characters.
bool fits_literal_block(const std::string& text, bool multi_line_only = true) {
  if (text.empty() || (multi_line_only && text.find('\n') == std::string::npos)) return false;
  if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n') return false;
  return std::none_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20 && c != '\n' && c != '\t'; });
}

// Inside `[...]` and `{...}` YAML 1.1 readers (PyYAML, many editors) stop a
// plain scalar at ':' or take '#' for a comment, so such text is quoted there.
enum class Context { Block, Flow };

void emit_text(YAML::Emitter& out, const std::string& text, ScalarStyle style, Context context) {
  const bool single_line = text.find('\n') == std::string::npos;
  if (context == Context::Block && style == ScalarStyle::Literal && fits_literal_block(text, false)) {
    out << YAML::Literal << text;
    return;
  }
  if (style == ScalarStyle::DoubleQuoted) {
    out << YAML::DoubleQuoted << text;
    return;
  }
  if (style == ScalarStyle::SingleQuoted && single_line &&
      std::none_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x20; })) {
    out << YAML::SingleQuoted << text;
    return;
  }
  const bool flow_unsafe = context == Context::Flow && text.find_first_of(":#") != std::string::npos;
  if (context == Context::Block && fits_literal_block(text))
    out << YAML::Literal << text;
  else if (flow_unsafe || reads_as_non_string(text))
    out << YAML::DoubleQuoted << text;
  else
    out << text;
}

void emit_value(YAML::Emitter& out, const YamlValue& value, Context context) {
  switch (value.kind) {
    case YamlValue::Kind::Null:
      out << YAML::Null;
      return;
    case YamlValue::Kind::Text:
      emit_text(out, value.text, value.style, context);
      return;
    case YamlValue::Kind::Integer:
      out << std::stoll(value.text);
      return;
    case YamlValue::Kind::List: {
      const Context inner = value.flow || context == Context::Flow ? Context::Flow : Context::Block;
      if (inner == Context::Flow) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : value.items) emit_value(out, item, inner);
      out << YAML::EndSeq;
      return;
    }
    case YamlValue::Kind::Map: {
      const Context inner = value.flow || context == Context::Flow ? Context::Flow : Context::Block;
      if (inner == Context::Flow) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.entries) {
        out << YAML::Key;
        emit_text(out, key, ScalarStyle::Auto, Context::Flow);
        out << YAML::Value;
        emit_value(out, item, inner);
      }
      out << YAML::EndMap;
      return;
    }
  }
}

void configure(YAML::Emitter& out) {
  out.SetIndent(2);
  out.SetNullFormat(YAML::LowerNull);
  out.SetSeqFormat(YAML::Block);
}

}  // namespace

YamlValue::YamlValue() = default;

YamlValue YamlValue::null() { return YamlValue(); }

YamlValue YamlValue::of_text(std::string text, ScalarStyle style) {
  YamlValue value;
  value.kind = Kind::Text;
  value.text = std::move(text);
  value.style = style;
  return value;
}

YamlValue YamlValue::of_integer(std::int64_t number) {
  YamlValue value;
  value.kind = Kind::Integer;
  value.text = std::to_string(number);
  return value;
}

YamlValue YamlValue::list(std::vector<YamlValue> items, bool flow) {
  YamlValue value;
  value.kind = Kind::List;
  value.items = std::move(items);
  value.flow = flow;
  return value;
}

YamlValue YamlValue::map(std::vector<std::pair<std::string, YamlValue>> entries, bool flow) {
  YamlValue value;
  value.kind = Kind::Map;
  value.entries = std::move(entries);
  value.flow = flow;
  return value;
}

bool YamlValue::same_content(const YamlValue& other) const {
  if (kind != other.kind || text != other.text || items.size() != other.items.size() ||
      entries.size() != other.entries.size())
    return false;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!items[i].same_content(other.items[i])) return false;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (entries[i].first != other.entries[i].first || !entries[i].second.same_content(other.entries[i].second))
      return false;
  return true;
}

std::string render_block_map(const YamlEntries& entries) {
  YAML::Emitter out;
  configure(out);
  out << YAML::BeginMap;
  for (const auto& [key, value] : entries) {
    out << YAML::Key;
    emit_text(out, key, ScalarStyle::Auto, Context::Flow);
    out << YAML::Value;
    emit_value(out, value, Context::Block);
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::string render_after_key(const YamlValue& value) {
  // Written as the only key of a mapping, then the key taken off: the same
  // text the value has in a whole file.
  std::string text = render_block_map({{"k", value}}).substr(2);
  while (text.ends_with('\n')) text.pop_back();  // a `|` block of text that ends with a line break has one more
  return text;
}

std::string render_after_dash(const YamlValue& value) {
  YAML::Emitter out;
  configure(out);
  out << YAML::BeginSeq;
  emit_value(out, value, Context::Block);
  out << YAML::EndSeq;
  const std::string text = out.c_str();
  return text.size() > 2 ? text.substr(2) : std::string();
}

std::string render_flow_scalar(const std::string& text) {
  YAML::Emitter out;
  configure(out);
  emit_text(out, text, ScalarStyle::Auto, Context::Flow);
  return out.c_str();
}

}  // namespace ato::io
