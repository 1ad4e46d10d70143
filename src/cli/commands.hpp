#pragma once
// One function per subcommand; each parses its own flags and returns the
// process exit code (0 ok, 1 error, 2 changes with --detailed-exitcode).
#include <string>
#include <vector>

#include "cli/global_options.hpp"

namespace ato::cli {

using Args = std::vector<std::string>;

int command_validate(const GlobalOptions& global, const Args& args);
int command_plan(const GlobalOptions& global, const Args& args);
int command_apply(const GlobalOptions& global, const Args& args);
int command_show(const GlobalOptions& global, const Args& args);
int command_import(const GlobalOptions& global, const Args& args);
int command_ids(const GlobalOptions& global, const Args& args);
int command_coverage(const GlobalOptions& global, const Args& args);
int command_init(const GlobalOptions& global, const Args& args);
int command_cases(const GlobalOptions& global, const Args& args);
int command_pull(const GlobalOptions& global, const Args& args);
int command_fmt(const GlobalOptions& global, const Args& args);

struct CommandEntry {
  const char* name;
  const char* summary;
  int (*run)(const GlobalOptions&, const Args&);
};

const std::vector<CommandEntry>& command_table();

}  // namespace ato::cli
