// `ato-sync pull`: the other direction of plan (SPEC.md §3). It makes the
// plan, and for each case TestOps holds otherwise than its YAML, writes the
// TestOps content of the differing fields into the YAML file, in place.
#include <climits>
#include <iostream>
#include <map>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"
#include "cli/planning.hpp"
#include "io/case_pull.hpp"
#include "io/file_io.hpp"
#include "render/file_diff.hpp"

namespace ato::cli {
namespace {

// A case file is a few KiB; the loader refuses more than 16 MiB.
constexpr std::uint64_t kMaxPulledFileBytes = 16u << 20;

bool from_feature_file(const core::Change& change) {
  const std::string& file = change.source.file;
  return file.size() > 8 && file.compare(file.size() - 8, 8, ".feature") == 0;
}

// What pull takes from a change: TestOps' content (the plan's `before`).
const core::CaseContent& remote_content(const core::Change& change) { return change.before; }

struct FilePull {
  std::string before;
  std::string after;
  std::vector<std::string> cases;
};

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

int command_pull(const GlobalOptions& global, const Args& args) {
  bool dry_run = false, detailed = false;
  std::vector<std::string> targets;
  ArgParser parser("ato-sync pull [--target ID]... [--dry-run] [--detailed-exitcode]",
                   "Writes edits made in Allure TestOps into the YAML of the managed cases: only the keys\n"
                   "whose values differ are rewritten, in place; comments, key order, quoting and every\n"
                   "other key and document stay. Prints a unified diff per file. Cases from .feature\n"
                   "files are listed and skipped. Nothing is written to TestOps.");
  parser.repeated("--target", &targets, "ID", "only cases whose id matches (repeatable, * globs)");
  parser.flag("--dry-run", &dry_run, "print the diffs, write no file");
  parser.flag("--detailed-exitcode", &detailed, "exit 2 when files changed (or would, with --dry-run)");
  parser.examples("  ato-sync pull --dry-run\n  ato-sync pull --target 'checkout/*'\n"
                  "  ato-sync pull --detailed-exitcode && echo 'YAML matches TestOps'\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;

  PlanFlags flags;
  flags.targets = targets;
  flags.allow_archive = INT_MAX;  // pull archives nothing: the guard is apply's
  const PlannedRun run = make_plan(global, flags);

  std::map<std::string, const core::DesiredCase*> desired;
  for (const auto& c : run.desired) desired[c.external_id] = &c;
  std::map<std::string, FilePull> files;
  std::vector<std::string> problems;
  for (const auto& change : run.plan.changes) {
    // Shared steps (issue #17) get their own branch here: their keys are
    // written through the same io::edit_document_keys.
    if (change.kind != core::Kind::Case) continue;
    const bool bound = change.action == core::Action::Update || change.action == core::Action::Adopt;
    if (!bound || change.diff.empty()) {
      if (change.action == core::Action::Restore)
        std::cout << "skipped " << change.external_id << ": deleted in TestOps (apply restores it)\n";
      continue;
    }
    if (from_feature_file(change)) {
      std::cout << "skipped " << change.external_id << " (" << change.source.file << "): pull writes YAML only\n";
      continue;
    }
    const auto it = desired.find(change.external_id);
    if (it == desired.end()) continue;
    auto& file = files[change.source.file];
    if (file.cases.empty()) {
      const auto read = io::read_whole_file(change.source.file, kMaxPulledFileBytes);
      if (!read.ok()) {
        problems.push_back(change.source.file + ": " + read.error);
        continue;
      }
      file.before = file.after = read.text;
    }
    try {
      auto pulled = io::pull_case(file.after, change.source.file, *it->second, remote_content(change), change.diff,
                                  run.config);
      file.after = std::move(pulled.text);
      file.cases.push_back(change.external_id);
    } catch (const io::PullError& e) {
      problems.push_back(e.what());
    }
  }

  std::size_t changed_files = 0, pulled_cases = 0;
  for (const auto& [path, file] : files) {
    if (file.before == file.after) continue;
    std::cout << render::unified_file_diff(path, file.before, file.after, global.color);
    if (!dry_run) io::replace_file(path, file.after);
    ++changed_files;
    pulled_cases += file.cases.size();
  }
  if (changed_files == 0)
    std::cout << "Nothing to pull. The YAML matches Allure TestOps.\n";
  else if (dry_run)
    std::cout << "Pull (dry run): " << plural(pulled_cases, "case") << " would be written into "
              << plural(changed_files, "file") << "; nothing was written.\n";
  else
    std::cout << "Pull complete! " << plural(pulled_cases, "case") << " written into "
              << plural(changed_files, "file") << ".\n";
  if (!problems.empty())
    throw CommandFailed(problems, "Pull failed for " + plural(problems.size(), "case") +
                                      " (above); the other files were " + (dry_run ? "shown" : "written"));
  return exit_code_after(run, detailed && changed_files > 0 ? 2 : 0);
}

}  // namespace ato::cli
