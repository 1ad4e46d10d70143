// `ato-sync fmt`: the canonical layout of the YAML files (SPEC.md §3), like
// `terraform fmt`: reviews show content, not indentation.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"
#include "cli/session.hpp"
#include "io/case_pull.hpp"
#include "io/file_io.hpp"
#include "io/shared_step_pull.hpp"
#include "io/yaml_format.hpp"
#include "io/yaml_support.hpp"
#include "render/file_diff.hpp"

namespace ato::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMaxFormattedFileBytes = 16u << 20;

bool is_yaml_file(const fs::path& path) {
  const auto ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// One row per kind of file fmt lays out (SPEC.md §1.2, §1.3, §1.5): its
// folder and its key order. Without PATHs fmt looks at every folder that
// exists; a file named by a PATH takes the rules of the deepest folder that
// holds it, else a case's.
struct FileLayout {
  std::string root;
  io::FormatRules rules;
};

std::vector<FileLayout> file_layouts(const core::Config& config) {
  const auto base = fs::path(config.config_path).parent_path();
  const auto case_rules = io::case_format_rules(io::case_key_order(config));
  return {
      {cases_root(config), case_rules},
      {shared_steps_root(config), io::case_format_rules(io::shared_step_key_order())},
      // Test plans (§1.5) until their kind gives its folder key and key order.
      {(base / "test-plans").lexically_normal().string(), case_rules},
  };
}

std::vector<std::string> default_roots(const std::vector<FileLayout>& layouts) {
  std::vector<std::string> roots = {layouts.front().root};  // the cases folder must exist
  for (std::size_t i = 1; i < layouts.size(); ++i) {
    std::error_code ec;
    if (fs::is_directory(layouts[i].root, ec)) roots.push_back(layouts[i].root);
  }
  return roots;
}

const io::FormatRules& rules_for(const std::string& file, const std::vector<FileLayout>& layouts) {
  const auto absolute = fs::absolute(fs::path(file)).lexically_normal();
  const FileLayout* best = &layouts.front();
  std::size_t best_depth = 0;
  for (const auto& layout : layouts) {
    const auto root = fs::absolute(fs::path(layout.root)).lexically_normal();
    const auto relative = absolute.lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..") continue;
    const auto depth = static_cast<std::size_t>(std::distance(root.begin(), root.end()));
    if (depth > best_depth) {
      best = &layout;
      best_depth = depth;
    }
  }
  return best->rules;
}

std::vector<std::string> yaml_files(const std::vector<std::string>& roots) {
  std::vector<std::string> files;
  for (const auto& root : roots) {
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      files.push_back(root);
      continue;
    }
    if (!fs::is_directory(root, ec)) throw CommandFailed("fmt: " + root + ": no such file or folder");
    for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
         it != end; it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file(ec) && is_yaml_file(it->path())) files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace

int command_fmt(const GlobalOptions& global, const Args& args) {
  bool check = false, diff = false;
  std::vector<std::string> paths;
  ArgParser parser("ato-sync fmt [--check] [--diff] [PATH]...",
                   "Rewrites YAML case, shared step and test plan files in the canonical layout: keys in\n"
                   "the spec's order, two-space indentation, | blocks for multi-line text, plain scalars\n"
                   "unless quoting is needed; every comment stays with its line. It never changes what a\n"
                   "file means. PATHs are files or folders (default: the cases folder). Offline.");
  parser.flag("--check", &check, "write nothing; exit 1 naming the files that are not formatted");
  parser.flag("--diff", &diff, "print a unified diff of each file that changes");
  parser.positionals(&paths, SIZE_MAX);
  parser.examples("  ato-sync fmt\n  ato-sync fmt --check --diff\n  ato-sync fmt cases/checkout\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;

  std::error_code ec;
  const bool have_config = paths.empty() || fs::exists(global.config_path, ec);
  core::Config config;
  if (have_config) config = load_config_or_exit(global, false);
  const auto layouts = file_layouts(config);

  core::Diagnostics problems;
  std::vector<std::string> unformatted;
  for (const auto& path : yaml_files(paths.empty() ? default_roots(layouts) : paths)) {
    const std::string shown = io::display_path(path);
    const auto read = io::read_whole_file(path, kMaxFormattedFileBytes);
    if (!read.ok()) {
      problems.push_back({core::Severity::Error, {shown, 0, 0}, read.error, ""});
      continue;
    }
    io::Formatted formatted;
    try {
      formatted = io::format_yaml(read.text, rules_for(path, layouts));
    } catch (const io::YamlFormatError& e) {
      problems.push_back({core::Severity::Error, {shown, e.line, e.column}, e.what(), ""});
      continue;
    }
    if (!formatted.kept_reason.empty())
      std::cerr << "ato-sync: note: " << shown << ": kept as it is: " << formatted.kept_reason << "\n";
    if (formatted.text == read.text) continue;
    unformatted.push_back(shown);
    if (diff) std::cout << render::unified_file_diff(shown, read.text, formatted.text, global.color);
    if (!check) io::replace_file(path, formatted.text);
    if (!diff) std::cout << shown << "\n";
  }
  if (!problems.empty())
    throw CommandFailed(std::move(problems), "fmt failed: " + std::to_string(problems.size()) + " file" +
                                                 (problems.size() == 1 ? "" : "s") + " could not be read as YAML");
  if (check && !unformatted.empty())
    throw CommandFailed(std::to_string(unformatted.size()) + " file" + (unformatted.size() == 1 ? " is" : "s are") +
                        " not in the canonical layout (above); run `ato-sync fmt` to rewrite " +
                        (unformatted.size() == 1 ? "it" : "them"));
  return 0;
}

}  // namespace ato::cli
