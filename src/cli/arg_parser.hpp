#pragma once
// A small flag parser for one subcommand: `--flag`, `--opt VALUE`,
// `--opt=VALUE`, repeatable options, Terraform-style aliases (`-out FILE`),
// positionals, and did-you-mean for unknown flags.
#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace ato::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a command accepts, as declared to its parser: shell completion and
// the man page are generated from it, so they cannot drift from the flags.
struct FlagSyntax {
  std::string name;                  // --out
  std::vector<std::string> aliases;  // -out
  std::string value_name;            // FILE; empty for a flag without value
  std::string help;
  bool repeatable = false;
};
struct CommandSyntax {
  std::string usage;
  std::vector<FlagSyntax> flags;
  std::size_t max_positionals = 0;
};

// Runs `run_command` only until it calls ArgParser::parse, and returns what
// the command declared; nothing after the parse (config, network) happens.
CommandSyntax describe_command(const std::function<void()>& run_command);

// "--json", "-out": a word that a flag's separate value cannot be, so that
// `plan -out --json` is an error instead of a file named "--json" ("-" alone,
// stdin by convention, is a value). `--out=--json` still says it is meant.
bool looks_like_flag(const std::string& arg);

class ArgParser {
 public:
  ArgParser(std::string usage, std::string summary);

  void flag(const std::string& name, bool* target, const std::string& help);
  void option(const std::string& name, std::string* target, const std::string& value_name,
              const std::string& help);
  void repeated(const std::string& name, std::vector<std::string>* target, const std::string& value_name,
                const std::string& help);
  void alias(const std::string& alias, const std::string& name);
  // Positionals are collected in order; at most `max` of them.
  void positionals(std::vector<std::string>* target, std::size_t max);
  void examples(const std::string& text);

  void parse(const std::vector<std::string>& args);  // throws UsageError
  // parse(), then with --help prints help() to `out` and answers true: the
  // command returns 0 without doing anything else.
  bool parse_or_print_help(const std::vector<std::string>& args, std::ostream& out);
  bool help_requested() const { return help_requested_; }  // --help or -h was given
  std::string help() const;
  CommandSyntax syntax() const;

 private:
  struct Spec {
    std::string name;
    std::string value_name;  // empty for flags
    std::string help;
    std::function<void(const std::string&)> set;
    bool seen = false;
    bool repeatable = false;
  };
  Spec* find(const std::string& name);

  std::string usage_;
  std::string summary_;
  std::string examples_;
  std::vector<Spec> specs_;
  std::vector<std::pair<std::string, std::string>> aliases_;
  std::vector<std::string>* positionals_ = nullptr;
  std::size_t max_positionals_ = 0;
  bool help_requested_ = false;
};

}  // namespace ato::cli
