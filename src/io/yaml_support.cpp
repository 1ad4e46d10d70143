#include "io/yaml_support.hpp"

#include "io/yaml_core_schema.hpp"
#include "io/text_checks.hpp"
#include "util/did_you_mean.hpp"

namespace ato::io {

core::SourceLocation DiagnosticSink::at(const YAML::Mark& mark) const {
  if (mark.is_null()) return {file_, 0, 0};
  return {file_, mark.line + 1, mark.column + 1};
}

core::SourceLocation DiagnosticSink::at(YamlNode node) const { return at(node.Mark()); }

void DiagnosticSink::error(const core::SourceLocation& where, std::string message) {
  diagnostics_.push_back({core::Severity::Error, where, std::move(message), ""});
}

std::string describe(YamlNode node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Null: return "empty";
    case YAML::NodeType::Scalar: return "\"" + node.Scalar() + "\"";
    default: return "nothing";
  }
}

std::optional<std::string> read_string(YamlNode node, const std::string& what, DiagnosticSink& sink) {
  if (!node.IsScalar()) {
    sink.error(node, what + " must be a string, not " + describe(node));
    return std::nullopt;
  }
  // Editors and the JSON schema read `42`, `1.10` and `true` as a number or a
  // boolean (`1.10` even becomes 1.1), so they are no text here either.
  if (node.IsPlainScalar()) {
    const auto type = core_schema_type(node.Scalar());
    if (type != PlainScalarType::Text) {
      sink.error(node, what + " must be a string, not the " +
                           (type == PlainScalarType::Boolean ? "boolean " : "number ") + node.Scalar() +
                           "; write \"" + node.Scalar() + "\" in quotes to mean the text");
      return std::nullopt;
    }
  }
  return node.Scalar();
}

std::optional<std::string> read_name(YamlNode node, const std::string& what, const std::string& fix,
                                     DiagnosticSink& sink) {
  auto text = read_string(node, what, sink);
  if (text && text->find_first_not_of(" \t\r\n") == std::string::npos) {
    sink.error(node, what + " is empty; " + fix);
    return std::nullopt;
  }
  return text;
}

bool check_name_length(YamlNode node, const std::string& what, const std::string& text, DiagnosticSink& sink) {
  const auto length = character_count(text);
  if (length <= kMaxNameCharacters) return true;
  sink.error(node, what + " is " + std::to_string(length) + " characters long; TestOps takes at most " +
                       std::to_string(kMaxNameCharacters));
  return false;
}

std::optional<long long> read_integer(YamlNode node, const std::string& what, DiagnosticSink& sink) {
  // '12' is text to editors and the JSON schema: a number is written bare.
  if (node.IsScalar() && !node.IsPlainScalar()) {
    sink.error(node, what + " must be a whole number, not the string \"" + node.Scalar() +
                         "\"; write it without quotes");
    return std::nullopt;
  }
  if (node.IsScalar()) {
    const std::string& text = node.Scalar();
    try {
      std::size_t used = 0;
      const long long value = std::stoll(text, &used, 10);
      if (used == text.size()) return value;
    } catch (const std::exception&) {
    }
  }
  sink.error(node, what + " must be a whole number, not " + describe(node));
  return std::nullopt;
}

std::optional<bool> read_bool(YamlNode node, const std::string& what, DiagnosticSink& sink) {
  if (node.IsScalar()) {
    const std::string& t = node.Scalar();
    if (t == "true" || t == "yes" || t == "on") return true;
    if (t == "false" || t == "no" || t == "off") return false;
  }
  sink.error(node, what + " must be true or false, not " + describe(node));
  return std::nullopt;
}

std::optional<std::vector<std::string>> read_string_list(YamlNode node, const std::string& what,
                                                         DiagnosticSink& sink) {
  if (!node.IsSequence()) {
    sink.error(node, what + " must be a list of strings, not " + describe(node));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < node.size(); ++i) {
    auto item = read_string(node[i], what + "[" + std::to_string(i) + "]", sink);
    if (item) out.push_back(*item);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

void check_keys(YamlNode map, const std::vector<std::string>& known, const std::string& where,
                DiagnosticSink& sink) {
  for (const auto& entry : map) {
    if (!entry.first.IsScalar()) {
      sink.error(entry.first, "keys must be strings");
      continue;
    }
    const std::string& key = entry.first.Scalar();
    bool found = false;
    for (const auto& k : known) found = found || k == key;
    if (!found)
      sink.error(entry.first, "unknown key '" + key + "'" + (where.empty() ? "" : " in " + where) +
                                  util::did_you_mean(key, known));
  }
}

void report_duplicate_keys(const YamlTree& tree, DiagnosticSink& sink) {
  for (const auto& duplicate : tree.duplicate_keys()) {
    // Both keys are in the same file, which the diagnostic names already.
    const auto first = sink.at(duplicate.first);
    sink.error(sink.at(duplicate.second), "duplicate key '" + duplicate.key + "' (the first is at line " +
                                              std::to_string(first.line) + ", column " + std::to_string(first.column) +
                                              "); write each key once");
  }
}

std::string display_path(const std::string& path) {
  std::error_code ec;
  const auto cwd = std::filesystem::current_path(ec);
  return ec ? path : display_path(path, cwd);
}

std::string display_path(const std::string& path, const std::filesystem::path& cwd) {
  namespace fs = std::filesystem;
  if (path.empty() || cwd.empty()) return path;
  const fs::path given(path);
  const fs::path absolute = (given.is_absolute() ? given : cwd / given).lexically_normal();
  const fs::path relative = absolute.lexically_relative(cwd);
  if (relative.empty() || *relative.begin() == "..") return path;
  return relative.string();
}

}  // namespace ato::io
