#include "io/case_loader.hpp"

#include <yaml-cpp/exceptions.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include "core/case_identity.hpp"
#include "core/normalize.hpp"
#include "core/plan.hpp"
#include "core/relations.hpp"
#include "core/shared_step_uses.hpp"
#include "io/case_item_readers.hpp"
#include "io/case_parser.hpp"
#include "io/feature_case_source.hpp"
#include "io/file_io.hpp"
#include "io/text_checks.hpp"
#include "io/yaml_support.hpp"
#include "io/yaml_documents.hpp"
#include "io/test_plan_file.hpp"

namespace ato::io {
namespace fs = std::filesystem;

namespace {

// A case file is a few KiB; 10,000 cases in one file is about 2 MiB.
constexpr std::uint64_t kMaxCaseFileBytes = 16u << 20;

// The files a folder of the repository holds: case files (YAML and Gherkin)
// or shared step files (YAML only).
struct FolderKind {
  std::string_view missing;  // the error when the folder does not exist; empty: no folder means none
  bool features = false;     // .feature files too
};
constexpr FolderKind kCaseFolder{"the cases folder does not exist (set `cases:` in the config)", true};
constexpr FolderKind kSharedStepFolder{"", false};

bool is_source_file(const fs::path& path, const FolderKind& kind) {
  const auto ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || (kind.features && ext == ".feature");
}

bool is_feature_file(const std::string& file) {
  constexpr std::string_view kExtension = ".feature";
  return file.size() >= kExtension.size() && file.compare(file.size() - kExtension.size(), kExtension.size(), kExtension) == 0;
}

// Why a directory entry named like a case file cannot be read as one, or
// empty when it can. Such an entry is an error, never skipped: its cases
// would look deleted and the plan would archive them.
std::string unreadable_reason(const fs::directory_entry& entry) {
  std::error_code ec;
  if (entry.is_regular_file(ec)) return {};  // the type read with the folder: no stat for most files
  const fs::file_status status = entry.status(ec);  // follows a symlink
  if (ec && ec != std::errc::no_such_file_or_directory) return ec.message();  // a symlink loop, ...
  if (ec || !fs::exists(status)) {
    std::error_code link_ec;
    if (entry.is_symlink(link_ec)) {
      const auto target = fs::read_symlink(entry.path(), link_ec);
      return "it is a symlink to " + (link_ec ? std::string("a path") : "\"" + target.string() + "\"") +
             ", which does not exist";
    }
    return ec ? ec.message() : "it does not exist";
  }
  const std::string kind = special_file_kind(status.type());
  if (kind.empty()) return {};
  if (status.type() == fs::file_type::directory)
    return "it is a folder, not a file (rename it: a name ending in .yaml or .yml is a case file)";
  return "it is " + kind + (kind == "not a regular file" ? "" : ", not a regular file");
}

// The config is read by the config loader only, even when it lies in the
// cases folder (`cases: .`) and is named like a case file.
bool is_config_file(const fs::directory_entry& entry, const std::string& config_path) {
  if (config_path.empty() || entry.path().filename() != fs::path(config_path).filename()) return false;
  std::error_code ec;
  return fs::equivalent(entry.path(), config_path, ec);
}

// Every case file below `root`, sorted. Symlinked folders are not followed,
// so a symlink loop cannot trap the scan; a folder that cannot be read is an
// error, never skipped (its cases would look deleted). Only regular files are
// read: a pipe or a device could block the read forever.
std::vector<std::string> find_source_files(const std::string& root, const std::string& config_path,
                                           const FolderKind& kind, core::Diagnostics& diagnostics) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    if (!kind.missing.empty())
      diagnostics.push_back({core::Severity::Error, {display_path(root), 0, 0}, std::string(kind.missing), ""});
    return files;
  }
  std::vector<fs::path> folders{root};
  while (!folders.empty()) {
    const fs::path folder = std::move(folders.back());
    folders.pop_back();
    fs::directory_iterator it(folder, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const auto& entry = *it;
      std::error_code type_ec;
      const bool real_folder = !entry.is_symlink(type_ec) && entry.is_directory(type_ec);
      if (real_folder && entry.path().filename().string().front() == '.') continue;
      if (!is_source_file(entry.path(), kind)) {
        if (real_folder) folders.push_back(entry.path());
        continue;
      }
      if (is_config_file(entry, config_path)) continue;
      if (const auto reason = unreadable_reason(entry); !reason.empty())
        diagnostics.push_back({core::Severity::Error, {display_path(entry.path().string()), 0, 0},
                               "cannot read the file: " + reason, ""});
      else
        files.push_back(entry.path().string());
    }
    if (ec)
      diagnostics.push_back(
          {core::Severity::Error, {display_path(folder.string()), 0, 0}, "cannot read the folder: " + ec.message(), ""});
    ec.clear();
  }
  std::sort(files.begin(), files.end());
  return files;
}

using FileParser = FileCases (*)(std::string text, const std::string& file, const core::Config& config);

FileCases load_file(const std::string& path, const core::Config& config, const fs::path& cwd, FileParser parse) {
  const std::string shown = display_path(path, cwd);
  FileText file = read_whole_file(path, kMaxCaseFileBytes);
  if (!file.ok())
    return {{},
            {{core::Severity::Error,
              {shown, 0, 0},
              "cannot read the file: " + file.error +
                  (file.too_large ? " for a case file (split it into several files)" : ""),
              ""}}};
  return parse(std::move(file.text), shown, config);
}

// Each YAML document of `text` through `parse_document`.
template <class ParseDocument>
FileCases parse_yaml_file(std::string text, const std::string& file, ParseDocument parse_document) {
  FileCases result;
  result.diagnostics = read_yaml_documents(std::move(text), file, result.cases, parse_document);
  return result;
}

// Every file of one folder, in parallel, sorted by id, with identity errors.
CasesResult load_folder(const std::string& root, const core::Config& config, const FolderKind& kind,
                        FileParser parse, core::Kind what) {
  CasesResult result;
  const auto files = find_source_files(root, config.config_path, kind, result.diagnostics);
  result.files = files.size();

  std::vector<FileCases> per_file(files.size());
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);  // empty when unreadable: paths are then shown as found
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) per_file[i] = load_file(files[i], config, cwd, parse);
  };
  const std::size_t threads =
      std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), (files.size() + 63) / 64);
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();

  // Sorted by id, stable in file order. Sorting pointers and moving each case
  // once is cheaper than sorting the cases, which are large.
  std::vector<core::DesiredCase*> by_id;
  for (auto& r : per_file) {
    for (auto& c : r.cases) by_id.push_back(&c);
    std::move(r.diagnostics.begin(), r.diagnostics.end(), std::back_inserter(result.diagnostics));
  }
  std::stable_sort(by_id.begin(), by_id.end(), [](const auto* a, const auto* b) { return a->external_id < b->external_id; });
  result.cases.reserve(by_id.size());
  for (auto* c : by_id) result.cases.push_back(std::move(*c));
  auto identity_errors = core::check_identities(result.cases, what);
  std::move(identity_errors.begin(), identity_errors.end(), std::back_inserter(result.diagnostics));
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  return result;
}


}  // namespace

FileCases parse_case_file(std::string text, const std::string& file, const core::Config& config) {
  if (is_feature_file(file)) {
    auto features = parse_feature_file(text, file, config);
    for (std::size_t i = 0; i < features.cases.size() && i < features.extras.size(); ++i) {
      auto& c = features.cases[i];
      auto& extras = features.extras[i];
      c.content.examples = std::move(extras.examples);
      if (!extras.owner.empty()) {
        c.content.members.push_back({kOwnerRole, extras.owner});
        c.content = core::normalize(std::move(c.content));
      }
    }
    return {std::move(features.cases), std::move(features.diagnostics)};
  }
  return parse_yaml_file(std::move(text), file,
                         [&](YamlNode doc, DiagnosticSink& sink) { return parse_case(doc, config, sink); });
}

FileCases parse_shared_step_file(std::string text, const std::string& file, const core::Config& config) {
  return parse_yaml_file(std::move(text), file,
                         [&](YamlNode doc, DiagnosticSink& sink) { return parse_shared_step(doc, config, sink); });
}

bool diagnostic_less(const core::Diagnostic& a, const core::Diagnostic& b) {
  return std::tie(a.where.file, a.where.line, a.where.column, a.message) <
         std::tie(b.where.file, b.where.line, b.where.column, b.message);
}

CasesResult load_cases(const std::string& cases_root, const core::Config& config) {
  auto result = load_folder(cases_root, config, kCaseFolder, parse_case_file, core::Kind::Case);
  auto relation_errors = core::check_relation_targets(result.cases);
  std::move(relation_errors.begin(), relation_errors.end(), std::back_inserter(result.diagnostics));
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  return result;
}

CasesResult load_shared_steps(const std::string& shared_steps_root, const core::Config& config) {
  return load_folder(shared_steps_root, config, kSharedStepFolder, parse_shared_step_file, core::Kind::SharedStep);
}

std::vector<core::DesiredTestPlan> load_test_plans(const std::string& test_plans_root, const core::Config& config,
                                                   core::Diagnostics& diagnostics, std::size_t& files) {
  std::vector<core::DesiredTestPlan> plans;
  if (test_plans_root.empty()) return plans;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const auto paths = find_source_files(test_plans_root, config.config_path, kSharedStepFolder, diagnostics);
  files += paths.size();
  for (const auto& path : paths) {
    const std::string shown = display_path(path, cwd);
    FileText file = read_whole_file(path, kMaxCaseFileBytes);
    if (!file.ok()) {
      diagnostics.push_back({core::Severity::Error, {shown, 0, 0}, "cannot read the file: " + file.error, ""});
      continue;
    }
    auto parsed = parse_test_plan_file(std::move(file.text), shown);
    std::move(parsed.plans.begin(), parsed.plans.end(), std::back_inserter(plans));
    std::move(parsed.diagnostics.begin(), parsed.diagnostics.end(), std::back_inserter(diagnostics));
  }
  return plans;
}

RepositoryResult load_repository(const std::string& cases_root, const std::string& shared_steps_root,
                                 const core::Config& config, const std::string& test_plans_root) {
  auto shared = load_shared_steps(shared_steps_root, config);
  auto cases = load_cases(cases_root, config);
  RepositoryResult result;
  result.files = shared.files + cases.files;
  result.diagnostics = std::move(shared.diagnostics);
  std::move(cases.diagnostics.begin(), cases.diagnostics.end(), std::back_inserter(result.diagnostics));
  auto uses = core::check_shared_step_uses(cases.cases, shared.cases);
  std::move(uses.begin(), uses.end(), std::back_inserter(result.diagnostics));
  auto test_plans = load_test_plans(test_plans_root, config, result.diagnostics, result.files);
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  result.desired = {std::move(cases.cases), std::move(shared.cases), std::move(test_plans)};
  return result;
}

}  // namespace ato::io
