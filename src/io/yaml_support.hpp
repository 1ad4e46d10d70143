#pragma once
// Small helpers shared by the YAML readers: positions and typed scalars
// with diagnostics instead of exceptions.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "io/yaml_tree.hpp"

namespace ato::io {

// Collects diagnostics for one file.
class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}
  core::SourceLocation at(YamlNode node) const;
  core::SourceLocation at(const YAML::Mark& mark) const;
  void error(const core::SourceLocation& where, std::string message);
  void error(YamlNode node, std::string message) { error(at(node), std::move(message)); }
  const std::string& file() const { return file_; }
  core::Diagnostics take() { return std::move(diagnostics_); }

 private:
  std::string file_;
  core::Diagnostics diagnostics_;
};

// "a string" / "a list" / ... for messages.
std::string describe(YamlNode node);

// Text: a scalar, except an unquoted one that YAML 1.2 (editors, the JSON
// schema) reads as a number or boolean, such as 42, 1.10 or true.
std::optional<std::string> read_string(YamlNode node, const std::string& what, DiagnosticSink& sink);
// A string that names something in TestOps (a status, a layer, a custom
// field value, a tag): empty or blank is an error, "`what` is empty; `fix`",
// since TestOps refuses an empty name and "none" is said another way.
std::optional<std::string> read_name(YamlNode node, const std::string& what, const std::string& fix,
                                     DiagnosticSink& sink);
// The longest name or tag TestOps accepts, in characters.
inline constexpr std::size_t kMaxNameCharacters = 255;
// An error when `text` is longer than kMaxNameCharacters; false then.
bool check_name_length(YamlNode node, const std::string& what, const std::string& text, DiagnosticSink& sink);
// A whole number written bare: '12' in quotes is text to editors and the schema.
std::optional<long long> read_integer(YamlNode node, const std::string& what, DiagnosticSink& sink);
std::optional<bool> read_bool(YamlNode node, const std::string& what, DiagnosticSink& sink);
// A list of strings; a single string is not accepted.
std::optional<std::vector<std::string>> read_string_list(YamlNode node, const std::string& what,
                                                         DiagnosticSink& sink);
// Reports each key of `map` that is not in `known`, with a did-you-mean.
void check_keys(YamlNode map, const std::vector<std::string>& known, const std::string& where,
                DiagnosticSink& sink);

// An error at each key that repeats an earlier key of its mapping, naming
// where the first one is.
void report_duplicate_keys(const YamlTree& tree, DiagnosticSink& sink);

// Path as shown in diagnostics: relative to the current directory when below it.
std::string display_path(const std::string& path);
// The same against `cwd`, the current directory read once by a caller that
// shows many paths (getcwd per file was a measurable part of validate); an
// empty `cwd` (it could not be read) leaves paths as given.
std::string display_path(const std::string& path, const std::filesystem::path& cwd);

}  // namespace ato::io
