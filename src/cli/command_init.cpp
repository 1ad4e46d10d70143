#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"
#include "cli/session.hpp"
#include "cli/starter_files.hpp"

namespace ato::cli {
namespace {

namespace fs = std::filesystem;

// The config goes where --config points; the rest beside it.
fs::path target_of(const StarterFile& file, const GlobalOptions& global) {
  const fs::path config = global.config_path;
  if (file.path == "ato-sync.yaml") return config;
  return config.parent_path() / file.path;
}

}  // namespace

int command_init(const GlobalOptions& global, const Args& args) {
  ArgParser parser("ato-sync init",
                   "Writes a starter ato-sync.yaml (every key explained), one example case in\n"
                   "cases/example.yaml and a GitHub Actions workflow in .github/workflows/ato-sync.yml.\n"
                   "Refuses, writing nothing, when any of them exists. For editors it also writes the\n"
                   "JSON schemas (schema/*.schema.json) and .vscode/settings.json mapping the case files\n"
                   "to them, each unless it exists.");
  parser.examples("  ato-sync init\n  ato-sync --config services/shop/ato-sync.yaml init\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;

  const auto files = starter_files();
  const auto exists_already = [&](const StarterFile& file) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(target_of(file, global), ec));
  };
  std::vector<std::string> existing;
  for (const auto& file : files) {
    if (!file.keep_existing && exists_already(file))
      existing.push_back(target_of(file, global).string() + " exists already");
  }
  if (!existing.empty()) throw CommandFailed(std::move(existing), "Nothing was written; init never overwrites a file.");

  for (const auto& file : files) {
    const fs::path path = target_of(file, global);
    if (file.keep_existing && exists_already(file)) {
      std::cout << "Kept " << path.string() << " (it exists)\n";
      continue;
    }
    std::error_code ec;
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << file.content;
    out.close();
    if (ec || !out) throw std::runtime_error("cannot write " + path.string());
    std::cout << "Wrote " << path.string() << "\n";
  }
  std::cout << "\nNext steps:\n"
               "  1. Set `endpoint` and `project` in "
            << global.config_path
            << " (or env ATO_BASE, ATO_PROJECT_ID).\n"
               "  2. Export your API token: export ATO_TOKEN=...  (never commit it)\n"
               "  3. ato-sync validate && ato-sync plan\n"
               "  4. Adopt existing cases with `ato-sync import --all`, or write your own under cases/.\n"
               "  5. Add the secret ALLURE_TESTOPS_TOKEN to the repository for the workflow.\n";
  return 0;
}

}  // namespace ato::cli
