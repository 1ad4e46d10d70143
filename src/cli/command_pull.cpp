// `ato-sync pull`: the other direction of plan (SPEC.md §3). It makes the
// plan, and for each case and shared step TestOps holds otherwise than its
// YAML, writes the TestOps content of the differing fields into the YAML
// file, in place.
#include <climits>
#include <iostream>
#include <map>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"
#include "cli/planning.hpp"
#include "core/case_fields.hpp"
#include "io/case_pull.hpp"
#include "io/file_io.hpp"
#include "io/shared_step_pull.hpp"
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
  bool read = false;
  std::map<core::Kind, std::size_t> pulled;  // resources written into it, by kind
};

std::string plural(std::size_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// "1 case", "2 cases and 1 shared step": what was pulled, by kind.
std::string pulled_resources(const std::map<core::Kind, std::size_t>& counts) {
  std::string out;
  for (const auto kind : core::kAllKinds) {
    const auto it = counts.find(kind);
    if (it == counts.end() || it->second == 0) continue;
    out += (out.empty() ? "" : " and ") + plural(it->second, std::string(core::kind_label(kind)));
  }
  return out;
}

std::string field_list(const std::vector<core::Field>& fields) {
  std::string out;
  for (const auto f : fields) out += (out.empty() ? "" : ", ") + std::string(core::field_name(f));
  return out;
}

// Pulls every change of the plan into its file's text, in memory.
class PullRun {
 public:
  explicit PullRun(const PlannedRun& run) : run_(run) {
    for (const auto& c : run.desired) cases_[c.external_id] = &c;
    for (const auto& s : run.desired_shared_steps) shared_steps_[s.external_id] = &s;
  }

  void pull(const core::Change& change) {
    const bool bound = change.action == core::Action::Update || change.action == core::Action::Adopt;
    const std::string what = std::string(core::kind_label(change.kind)) + " " + change.external_id;
    if (!bound || change.diff.empty()) {
      if (change.action == core::Action::Restore)
        std::cout << "skipped " << what << ": " << (change.kind == core::Kind::Case ? "deleted" : "archived")
                  << " in TestOps (apply restores it)\n";
      return;
    }
    if (from_feature_file(change)) {
      std::cout << "skipped " << change.external_id << " (" << change.source.file
                << "): pull writes YAML only\n";
      return;
    }
    std::vector<core::Field> fields;
    for (const auto field : change.diff)
      if (change.kind != core::Kind::Case || !io::pull_keeps(field)) fields.push_back(field);
    if (fields.size() != change.diff.size()) {
      ++kept_;
      std::cout << "kept the attachments of " << what << " (" << change.source.file
                << "): they differ from TestOps', and pull writes no files (apply uploads the repository's)\n";
    }
    if (fields.empty()) return;
    auto* file = file_of(change.source.file);
    if (!file) return;
    try {
      file->after = pull_one(*file, change, fields);
      ++file->pulled[change.kind];
    } catch (const io::PullError& e) {
      problems_.push_back(e.what());
    }
  }

  std::map<std::string, FilePull>& files() { return files_; }
  std::vector<std::string>& problems() { return problems_; }
  std::size_t kept() const { return kept_; }  // changes whose attachments stayed as the repository has them

 private:
  std::string pull_one(const FilePull& file, const core::Change& change,
                       const std::vector<core::Field>& fields) {
    const std::string& path = change.source.file;
    if (change.kind == core::Kind::SharedStep) {
      const auto it = shared_steps_.find(change.external_id);
      if (it == shared_steps_.end()) return file.after;
      return io::pull_shared_step(file.after, path, *it->second, remote_content(change), fields, run_.config)
          .text;
    }
    const auto it = cases_.find(change.external_id);
    if (it == cases_.end()) return file.after;
    return io::pull_case(file.after, path, *it->second, remote_content(change), fields, run_.config).text;
  }

  FilePull* file_of(const std::string& path) {
    auto& file = files_[path];
    if (!file.read) {
      const auto read = io::read_whole_file(path, kMaxPulledFileBytes);
      if (!read.ok()) {
        problems_.push_back(path + ": " + read.error);
        files_.erase(path);
        return nullptr;
      }
      file.before = file.after = read.text;
      file.read = true;
    }
    return &file;
  }

  const PlannedRun& run_;
  std::map<std::string, const core::DesiredCase*> cases_;
  std::map<std::string, const core::DesiredSharedStep*> shared_steps_;
  std::map<std::string, FilePull> files_;
  std::vector<std::string> problems_;
  std::size_t kept_ = 0;
};

}  // namespace

int command_pull(const GlobalOptions& global, const Args& args) {
  bool dry_run = false, detailed = false;
  std::vector<std::string> targets;
  ArgParser parser(
      "ato-sync pull [--target ID]... [--dry-run] [--detailed-exitcode]",
      "Writes edits made in Allure TestOps into the YAML of the managed cases and shared steps:\n"
      "only the keys whose values differ are rewritten, in place; comments, key order, quoting\n"
      "and every other key and document stay. Prints a unified diff per file. Cases from\n"
      ".feature files are listed and skipped; attachments are never downloaded (listed, kept).\n"
      "Nothing is written to TestOps.");
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

  for (const auto& note : run.plan.notes)
    if (note.reason == core::NoteReason::LeftToResults)
      std::cout << "skipped " << field_list(note.left_to_results) << " of case " << note.external_id << " ("
                << core::ato_label(note.allure_id) << "): automated in TestOps, left to its test results\n";
  PullRun pull(run);
  for (const auto& change : run.plan.changes) pull.pull(change);

  std::size_t changed_files = 0;
  std::map<core::Kind, std::size_t> pulled;
  for (const auto& [path, file] : pull.files()) {
    if (file.before == file.after) continue;
    std::cout << render::unified_file_diff(path, file.before, file.after, global.color);
    if (!dry_run) io::replace_file(path, file.after);
    ++changed_files;
    for (const auto& [kind, n] : file.pulled) pulled[kind] += n;
  }
  const std::string resources = pulled_resources(pulled);
  if (changed_files == 0 && pull.kept() > 0)
    std::cout << "Nothing else to pull; the attachments named above differ still.\n";
  else if (changed_files == 0)
    std::cout << "Nothing to pull. The YAML matches Allure TestOps.\n";
  else if (dry_run)
    std::cout << "Pull (dry run): " << resources << " would be written into " << plural(changed_files, "file")
              << "; nothing was written.\n";
  else
    std::cout << "Pull complete! " << resources << " written into " << plural(changed_files, "file") << ".\n";
  const auto& problems = pull.problems();
  if (!problems.empty())
    throw CommandFailed(problems, "Pull failed: " + plural(problems.size(), "problem") +
                                      " (above); the other files were " + (dry_run ? "shown" : "written"));
  return exit_code_after(run, detailed && changed_files > 0 ? 2 : 0);
}

}  // namespace ato::cli
