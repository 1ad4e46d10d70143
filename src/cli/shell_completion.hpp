#pragma once
// Shell completion for bash, zsh and fish, generated from the command table
// and what each command declares to its ArgParser, so that a new flag is
// offered without anyone editing a completion script.
#include <string>
#include <vector>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"

namespace ato::cli {

struct CompletedCommand {
  std::string name;
  std::string summary;
  CommandSyntax syntax;
};

struct CompletionModel {
  std::vector<CompletedCommand> commands;
  std::vector<FlagSyntax> global_flags;     // accepted before or after the command
  std::vector<FlagSyntax> top_level_flags;  // only instead of a command (--version)
};

CompletionModel completion_model();

// What the value of a flag completes to, read from its value name.
enum class ValueKind { none, file, directory, words };
ValueKind value_kind(const std::string& value_name);
std::vector<std::string> value_words(const std::string& value_name);  // for ValueKind::words

std::string bash_completion(const CompletionModel& model);
std::string zsh_completion(const CompletionModel& model);
std::string fish_completion(const CompletionModel& model);

// `ato-sync completion bash|zsh|fish`: hidden from --help, used by the build
// (installed scripts) and by users (`source <(ato-sync completion bash)`).
int command_completion(const Args& args);

}  // namespace ato::cli
