#include "cli/shell_completion.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>

namespace ato::cli {

CompletionModel completion_model() {
  CompletionModel model;
  for (const auto& entry : command_table()) {
    auto syntax = describe_command([&] { entry.run(GlobalOptions{}, {}); });
    model.commands.push_back({entry.name, entry.summary, std::move(syntax)});
  }
  // The flags run.cpp takes out wherever they stand; the completion test
  // checks this list against `ato-sync --help`.
  model.global_flags = {
      {"--config", {}, "PATH", "config file (default ./ato-sync.yaml)"},
      {"--token-file", {}, "PATH", "read the API token from a file"},
      {"--cacert", {}, "FILE", "extra CA bundle for TLS"},
      {"--no-color", {}, "", "no colours"},
      {"--verbose", {}, "", "log every request (never the token)"},
      {"--help", {"-h"}, "", "show the help"},
  };
  model.top_level_flags = {{"--version", {}, "", "print the version"}};
  return model;
}

ValueKind value_kind(const std::string& value_name) {
  if (value_name.empty()) return ValueKind::none;
  if (value_name == "FILE" || value_name == "PATH") return ValueKind::file;
  if (value_name == "DIR") return ValueKind::directory;
  // `text|json|markdown`, or a single literal value such as `full`.
  const bool literal = std::all_of(value_name.begin(), value_name.end(),
                                   [](unsigned char c) { return std::islower(c) || c == '|' || c == '-'; });
  return literal ? ValueKind::words : ValueKind::none;
}

std::vector<std::string> value_words(const std::string& value_name) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= value_name.size()) {
    const auto bar = std::min(value_name.find('|', start), value_name.size());
    if (bar > start) words.push_back(value_name.substr(start, bar - start));
    start = bar + 1;
  }
  return words;
}

int command_completion(const Args& args) {
  std::string shell;
  std::vector<std::string> positionals;
  ArgParser parser("ato-sync completion bash|zsh|fish",
                   "Prints the completion script for a shell, generated from the commands and flags.");
  parser.positionals(&positionals, 1);
  parser.examples(
      "  source <(ato-sync completion bash)\n"
      "  ato-sync completion zsh > \"${fpath[1]}/_ato-sync\"\n"
      "  ato-sync completion fish > ~/.config/fish/completions/ato-sync.fish\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;
  if (!positionals.empty()) shell = positionals[0];
  const auto model = completion_model();
  if (shell == "bash")
    std::cout << bash_completion(model);
  else if (shell == "zsh")
    std::cout << zsh_completion(model);
  else if (shell == "fish")
    std::cout << fish_completion(model);
  else
    throw UsageError("completion takes bash, zsh or fish" + (shell.empty() ? "" : ", not '" + shell + "'"));
  return 0;
}

}  // namespace ato::cli
