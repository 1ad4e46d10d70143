#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"
#include "cli/import_shared_steps.hpp"
#include "cli/remote_shared_steps.hpp"
#include "cli/session.hpp"
#include "core/case_naming.hpp"
#include "cli/planning.hpp"
#include "io/case_loader.hpp"
#include "io/case_writer.hpp"
#include "io/file_io.hpp"
#include "util/sha256.hpp"

namespace ato::cli {
namespace {

namespace fs = std::filesystem;

// What the repository already has: ids in use and Allure IDs already bound.
struct LocalCases {
  std::set<std::string> external_ids;
  std::map<std::int64_t, std::string> bound;  // allure_id -> where (file:line)
  std::map<std::int64_t, std::string> bound_ids;  // allure_id -> external id
  std::vector<core::DesiredSharedStep> shared_steps;
};

LocalCases read_local_cases(const core::Config& config) {
  LocalCases local;
  std::error_code ec;
  if (!fs::is_directory(cases_root(config), ec)) return local;
  auto repository = load_repository_or_exit(config);
  local.shared_steps = std::move(repository.shared_steps);
  for (const auto& c : repository.cases) {
    local.external_ids.insert(c.external_id);
    if (c.allure_id) {
      local.bound[*c.allure_id] = core::format_place(c.source);
      local.bound_ids[*c.allure_id] = c.external_id;
    }
  }
  return local;
}

std::vector<std::int64_t> parse_allure_ids(const std::vector<std::string>& texts) {
  std::vector<std::int64_t> ids;
  for (const auto& text : texts) {
    char* end = nullptr;
    errno = 0;
    const long long id = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno != 0 || id <= 0)
      throw UsageError("--allure-id takes a positive number (the case's Allure ID), not '" + text + "'");
    ids.push_back(id);
  }
  return ids;
}

// The cases to import. Prints why a requested case is skipped; a requested
// id that does not exist goes to `errors`.
std::vector<core::RemoteCase> select_cases(core::TestOpsPort& port, bool all,
                                           const std::vector<std::int64_t>& requested,
                                           const LocalCases& local, std::vector<std::string>& errors) {
  std::vector<std::int64_t> ids = requested;
  int managed = 0, bound = 0;
  if (all) {
    ids.clear();
    for (const auto& row : port.find_all()) {
      if (!row.external_id.empty())
        ++managed;
      else if (local.bound.count(row.allure_id))
        ++bound;
      else
        ids.push_back(row.allure_id);
    }
  }
  std::map<std::int64_t, core::RemoteCase> found;
  if (!ids.empty())
    for (auto& remote : port.read_cases(ids)) found.emplace(remote.allure_id, std::move(remote));

  std::vector<core::RemoteCase> selected;
  std::set<std::int64_t> seen;
  for (const std::int64_t id : ids) {
    if (!seen.insert(id).second) continue;
    const auto it = found.find(id);
    const std::string which = "#" + std::to_string(id);
    if (it == found.end()) {
      errors.push_back("there is no case " + which + " in the project");
    } else if (it->second.deleted) {
      std::cout << "Skipped " << which << ": it is deleted in TestOps (restore it there first)\n";
    } else if (!it->second.external_id.empty()) {
      std::cout << "Skipped " << which << ": already managed as \"" << it->second.external_id << "\"\n";
    } else if (const auto binding = local.bound.find(id); binding != local.bound.end()) {
      std::cout << "Skipped " << which << ": already bound by allure_id in " << binding->second << "\n";
    } else {
      selected.push_back(std::move(it->second));
    }
  }
  if (managed > 0) std::cout << "Skipped " << managed << " cases that ato-sync already manages.\n";
  if (bound > 0) std::cout << "Skipped " << bound << " cases already bound by allure_id in the repository.\n";
  return selected;
}

// The Allure IDs of the shared steps these steps refer to, at any depth.
void add_shared_step_ids(const std::vector<core::Step>& steps, std::vector<std::int64_t>& out) {
  for (const auto& step : steps) {
    if (step.shared_step_id != 0) out.push_back(step.shared_step_id);
    add_shared_step_ids(step.steps, out);
  }
}

// The schema comment, when the repository has the schema at its root.
std::string schema_ref_for(const core::Config& config, const fs::path& dir, const std::string& schema_file) {
  std::error_code ec;
  const fs::path schema =
      fs::absolute(fs::path(config.config_path).parent_path() / "schema" / schema_file, ec);
  if (ec || !fs::exists(schema, ec)) return "";
  return fs::relative(schema, fs::absolute(dir, ec), ec).generic_string();
}

// Creates the file only when it does not exist yet ("x": O_EXCL).
bool write_new_file(const fs::path& path, const std::string& text, std::string& error) {
  FILE* file = std::fopen(path.c_str(), "wx");
  if (!file) {
    error = errno == EEXIST ? "exists already; it was not overwritten" : std::strerror(errno);
    return false;
  }
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) error = "could not be written completely";
  return written && closed;
}

// The shared steps the imported cases use that the repository lacked, one
// file each, pinned by allure_id.
void write_shared_steps(const core::Config& config, const std::vector<SharedStepImport::NewFile>& files,
                        std::vector<std::string>& errors) {
  const fs::path dir = shared_steps_root(config);
  std::error_code ec;
  int written = 0;
  for (const auto& file : files) {
    const fs::path path = dir / (file.external_id + ".yaml");
    fs::create_directories(path.parent_path(), ec);
    std::string error;
    const auto text = io::write_shared_step_yaml({file.external_id, file.allure_id, file.content},
                                                 schema_ref_for(config, path.parent_path(), "shared-step.schema.json"));
    if (!write_new_file(path, text, error)) {
      errors.push_back(path.string() + " " + error);
      continue;
    }
    ++written;
    std::cout << "  + " << path.string() << "  (shared step #" << file.allure_id << " \"" << file.content.name << "\")\n";
  }
  std::cout << "Imported " << written << (written == 1 ? " shared step" : " shared steps") << " into " << dir.string()
            << ".\n";
}

// `import --test-plans`: every test plan of the project that no file names
// (by allure_id or name), one file each in the query form, pinned by allure_id.
void write_test_plans(const core::Config& config, core::TestOpsPort& port, std::vector<std::string>& errors) {
  const fs::path dir = test_plans_root(config);
  core::Diagnostics problems;
  std::size_t files = 0;
  const auto local = io::load_test_plans(dir.string(), config, problems, files);
  if (core::has_errors(problems)) throw CommandFailed(std::move(problems), "the test plan files have errors; nothing was imported");
  std::set<std::string> names;
  std::set<std::int64_t> pinned;
  for (const auto& p : local) {
    names.insert(p.name);
    if (p.allure_id) pinned.insert(*p.allure_id);
  }
  std::error_code ec;
  int written = 0;
  for (const auto& remote : port.read_test_plans()) {
    if (pinned.count(remote.allure_id) || names.count(remote.name)) continue;
    if (remote.query.empty()) {
      errors.push_back("test plan #" + std::to_string(remote.allure_id) + " \"" + remote.name +
                       "\" has no query (a tree selection?): it was not imported");
      continue;
    }
    std::string slug = core::slug_from_name(remote.name);
    if (slug.empty()) slug = "test-plan-" + std::to_string(remote.allure_id);
    const std::string name = core::first_free_name(slug, [&](const std::string& candidate) {
      return fs::exists(dir / (candidate + ".yaml")) || fs::exists(dir / (candidate + ".yml"));
    });
    const fs::path path = dir / (name + ".yaml");
    fs::create_directories(path.parent_path(), ec);
    std::string error;
    const auto text = io::write_test_plan_yaml(remote.name, remote.allure_id, remote.query,
                                               schema_ref_for(config, path.parent_path(), "test-plan.schema.json"));
    if (!write_new_file(path, text, error)) {
      errors.push_back(path.string() + " " + error);
      continue;
    }
    ++written;
    std::cout << "  + " << path.string() << "  (test plan #" << remote.allure_id << " \"" << remote.name << "\")\n";
  }
  std::cout << "Imported " << written << (written == 1 ? " test plan" : " test plans") << " into " << dir.string()
            << ".\n";
}

// Drops from `content` what cannot come along as a file (a name that cannot
// be a file name, a second file of one name), from its steps too.
void keep_portable_attachments(core::CaseContent& content) {
  std::set<std::string> kept;
  std::vector<core::Attachment> files;
  for (auto& a : content.attachments)
    if (io::is_portable_file_name(a.name) && kept.insert(a.name).second) files.push_back(std::move(a));
  content.attachments = std::move(files);
  const std::function<void(std::vector<core::Step>&)> prune = [&](std::vector<core::Step>& steps) {
    for (auto& step : steps) {
      std::erase_if(step.attachments, [&](const std::string& name) { return !kept.count(name); });
      prune(step.steps);
    }
  };
  prune(content.steps);
}

// Downloads the case's attachments into `folder` (SPEC.md §1.4); their
// digests go to the cache, so the next plan compares without downloading.
void download_attachments(core::TestOpsPort& port, const core::CaseContent& content, const fs::path& folder,
                          const DigestOptions& digests) {
  if (content.attachments.empty()) return;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw std::runtime_error("cannot create " + folder.string() + ": " + ec.message());
  std::vector<std::int64_t> ids;
  for (const auto& a : content.attachments) ids.push_back(a.remote_id);
  std::vector<core::Attachment> written(content.attachments.size());
  port.read_attachments(ids, [&](std::size_t i, const std::string& bytes) {
    const auto& a = content.attachments[i];
    io::replace_file((folder / a.name).string(), bytes);
    written[i] = a;
    written[i].size = static_cast<std::int64_t>(bytes.size());
    written[i].sha256 = util::sha256_hex(bytes);
  });
  remember_written_digests(written, digests);
}

}  // namespace

int command_import(const GlobalOptions& global, const Args& args) {
  bool all = false;
  std::vector<std::string> id_texts;
  std::string dir_flag;
  bool test_plans = false;
  ArgParser parser("ato-sync import (--all | --allure-id N... | --test-plans) [--dir DIR]",
                   "Writes one YAML file per existing TestOps case that ato-sync does not manage yet, with\n"
                   "`allure_id` set: the next plan adopts each of them (and shows no other change). File\n"
                   "names and ids come from the case names; existing files are never overwritten.\n"
                   "--test-plans writes the project's test plans that no file names as test plan files.");
  parser.flag("--all", &all, "every live case of the project that is not managed yet");
  parser.repeated("--allure-id", &id_texts, "N", "the case with this Allure ID (repeatable)");
  parser.option("--dir", &dir_flag, "DIR", "where to write (default <cases>/imported)");
  parser.flag("--test-plans", &test_plans, "the project's test plans no file names, into the test plans folder");
  parser.examples(
      "  ato-sync import --all\n  ato-sync import --allure-id 1234 --allure-id 1240 --dir cases/checkout\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;
  if (all && !id_texts.empty()) throw UsageError("give either --all or --allure-id N (repeatable)");
  if (!all && id_texts.empty() && !test_plans)
    throw UsageError("give either --all or --allure-id N (repeatable), or --test-plans");
  const auto requested = parse_allure_ids(id_texts);

  const core::Config config = load_config_or_exit(global, true);
  if (test_plans && !all && id_texts.empty()) {
    std::vector<std::string> errors;
    write_test_plans(config, *connect_testops(config, global), errors);
    if (!errors.empty()) throw CommandFailed(std::move(errors), "");
    return 0;
  }
  const fs::path dir = dir_flag.empty() ? fs::path(cases_root(config)) / "imported" : fs::path(dir_flag);
  LocalCases local = read_local_cases(config);
  const auto port = connect_testops(config, global);
  std::set<std::string> taken = local.external_ids;
  // Relation targets that are cases of the repository are written by external id.
  std::map<std::int64_t, std::string> repository_ids = local.bound_ids;
  for (const auto& row : port->find_managed()) {
    taken.insert(row.external_id);
    if (local.external_ids.count(row.external_id)) repository_ids.emplace(row.allure_id, row.external_id);
  }

  std::vector<std::string> errors;
  const auto selected = select_cases(*port, all, requested, local, errors);
  if (selected.empty()) {
    std::cout << "Nothing to import.\n";
    if (test_plans) write_test_plans(config, *port, errors);
    if (!errors.empty()) throw CommandFailed(std::move(errors), "");
    return 0;
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create " + dir.string() + ": " + ec.message());
  const std::string schema_ref = schema_ref_for(config, dir, "case.schema.json");
  // References to shared steps become `use:`: the project's shared steps are
  // listed only when an imported case has one, and only those used are read.
  std::vector<std::int64_t> used_ids;
  for (const auto& remote : selected) add_shared_step_ids(remote.content.steps, used_ids);
  std::vector<core::RemoteSharedStep> remote_shared_steps;
  if (!used_ids.empty()) {
    std::sort(used_ids.begin(), used_ids.end());
    used_ids.erase(std::unique(used_ids.begin(), used_ids.end()), used_ids.end());
    remote_shared_steps = port->list_shared_steps();
    SharedStepSteps no_cache;
    fill_shared_step_steps(*port, remote_shared_steps, used_ids, no_cache);
  }
  SharedStepImport shared_steps(local.shared_steps, remote_shared_steps);

  std::vector<std::string> names;
  for (const auto& remote : selected) {
    std::string slug = core::slug_from_name(remote.content.name);
    if (slug.empty()) slug = "case-" + std::to_string(remote.allure_id);
    names.push_back(core::first_free_name(slug, [&](const std::string& candidate) {
      return taken.count(candidate) || fs::exists(dir / (candidate + ".yaml")) ||
             fs::exists(dir / (candidate + ".yml"));
    }));
    taken.insert(names.back());
    repository_ids.emplace(remote.allure_id, names.back());
  }

  int imported = 0;
  for (std::size_t i = 0; i < selected.size(); ++i) {
    core::RemoteCase remote = selected[i];
    remote.content.steps = shared_steps.with_uses(std::move(remote.content.steps));
    for (auto& relation : remote.content.relations)
      if (const auto it = repository_ids.find(relation.target_allure_id); it != repository_ids.end())
        relation.target_id = it->second;
    const std::string& name = names[i];
    const fs::path path = dir / (name + ".yaml");
    const std::string stem = fs::path(name).filename().string();
    core::CaseContent content = remote.content;
    keep_portable_attachments(content);
    const std::string folder = stem + ".files";
    if (!content.attachments.empty() && fs::exists(path.parent_path() / folder)) {
      errors.push_back((path.parent_path() / folder).string() + " exists already; the case was not imported");
      continue;
    }
    const std::string text = io::write_case_yaml({name, remote.allure_id, content, folder}, config, schema_ref);
    std::string error;
    if (!write_new_file(path, text, error)) {
      errors.push_back(path.string() + " " + error);
      continue;
    }
    try {
      download_attachments(*port, content, path.parent_path() / folder,
                           digest_options(config, port->project_id(), false));
    } catch (const std::exception& e) {
      errors.push_back(path.string() + ": its attachments were not downloaded: " + e.what());
    }
    ++imported;
    std::cout << "  + " << path.string() << "  (#" << remote.allure_id << " \"" << remote.content.name
              << "\")\n";
    for (const auto& problem : io::round_trip_problems(remote.content, config))
      std::cerr << path.string() << ": warning: " << problem << "\n";
  }
  std::cout << "Imported " << imported << (imported == 1 ? " case" : " cases") << " into " << dir.string()
            << ".\n";
  if (!shared_steps.new_files().empty()) write_shared_steps(config, shared_steps.new_files(), errors);
  if (test_plans) write_test_plans(config, *port, errors);
  if (imported > 0)
    std::cout << "Next: review the files, then `ato-sync plan` shows " << imported
              << " to adopt; `ato-sync apply` binds them (adds the identity tag).\n";
  if (!errors.empty()) throw CommandFailed(std::move(errors), "");
  return 0;
}

}  // namespace ato::cli
