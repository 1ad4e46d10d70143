#include "cli/run.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "ato/version.hpp"
#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/failure.hpp"
#include "cli/session.hpp"
#include "cli/shell_completion.hpp"
#include "remote/redacted_output.hpp"
#include "render/visible_text.hpp"
#include "util/did_you_mean.hpp"

namespace ato::cli {
namespace {

void print_usage(std::ostream& out) {
  out << "Usage: ato-sync [global flags] <command> [flags]\n\n"
         "Allure TestOps test cases as code: plan and apply YAML cases to TestOps.\n\n"
         "Commands:\n";
  for (const auto& entry : command_table())
    out << "  " << entry.name << std::string(12 - std::string(entry.name).size(), ' ') << entry.summary << "\n";
  out << "\nGlobal flags:\n"
         "  --config PATH      config file (default ./ato-sync.yaml)\n"
         "  --token-file PATH  read the API token from a file (else env ATO_TOKEN, ALLURE_TOKEN)\n"
         "  --cacert FILE      extra CA bundle for TLS (env ATO_CA_BUNDLE)\n"
         "  --no-color         no colours (also env NO_COLOR)\n"
         "  --verbose          log every request (never the token)\n"
         "  --version          print the version\n"
         "  --help             this help; `ato-sync <command> --help` for a command\n";
}

// Takes the global flags out of `args`, wherever they stand.
Args take_global_flags(Args args, GlobalOptions& global, bool& no_color) {
  Args rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value_of = [&](const std::string& flag) -> std::optional<std::string> {
      if (arg == flag) {
        if (i + 1 >= args.size()) throw UsageError("flag '" + flag + "' needs a value");
        if (looks_like_flag(args[i + 1]))
          throw UsageError("flag '" + flag + "' needs a value, but '" + args[i + 1] +
                           "' is a flag; for a value that starts with '-', write " + flag + "=" + args[i + 1]);
        return args[++i];
      }
      if (arg.rfind(flag + "=", 0) == 0) return arg.substr(flag.size() + 1);
      return std::nullopt;
    };
    if (auto v = value_of("--config")) global.config_path = *v;
    else if (auto t = value_of("--token-file")) global.token_file = *t;
    else if (auto c = value_of("--cacert")) global.cacert = *c;
    else if (arg == "--no-color") no_color = true;
    else if (arg == "--verbose") global.verbose = true;
    else rest.push_back(arg);
  }
  return rest;
}

}  // namespace

const std::vector<CommandEntry>& command_table() {
  static const std::vector<CommandEntry> table = {
      {"validate", "check the config and every case file, offline", command_validate},
      {"plan", "show what apply would change in Allure TestOps", command_plan},
      {"apply", "make Allure TestOps match the cases", command_apply},
      {"show", "render a saved plan", command_show},
      {"import", "write YAML for existing unmanaged cases", command_import},
      {"ids", "list external id, Allure ID and permalink of managed cases", command_ids},
      {"coverage", "which cases automated results link to", command_coverage},
      {"init", "write a starter config, an example case and a CI workflow", command_init},
      {"cases", "list every case as read from YAML and .feature files, offline", command_cases},
      {"pull", "write edits made in Allure TestOps into the YAML files", command_pull},
      {"fmt", "rewrite YAML files in the canonical layout", command_fmt},
  };
  return table;
}

int run(int argc, char** argv) {
  // A reader of our output that goes away (`apply | head`) must not end the
  // process halfway through the changes: writes to it just fail from then on.
  std::signal(SIGPIPE, SIG_IGN);
  // Every message leaves through this filter: the token and the JWT never show.
  remote::RedactedOutput redacted_output;
  Args args(argv + 1, argv + argc);
  bool color_stderr = false;
  try {
    GlobalOptions global;
    bool no_color = false;
    args = take_global_flags(std::move(args), global, no_color);
    const char* no_color_env = std::getenv("NO_COLOR");
    if (no_color_env && *no_color_env) no_color = true;
    global.color = !no_color && isatty(STDOUT_FILENO);
    global.stderr_is_tty = isatty(STDERR_FILENO);
    global.color_stderr = !no_color && global.stderr_is_tty;
    color_stderr = global.color_stderr;
    if (global.cacert.empty())
      if (const char* bundle = std::getenv("ATO_CA_BUNDLE")) global.cacert = bundle;

    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      print_usage(args.empty() ? std::cerr : std::cout);
      return args.empty() ? 1 : 0;
    }
    if (args[0] == "--version" || args[0] == "version") {
      std::cout << "ato-sync " << kVersion << "\n";
      return 0;
    }
    if (args[0] == "completion") return command_completion(Args(args.begin() + 1, args.end()));  // hidden
    for (const auto& entry : command_table()) {
      if (args[0] == entry.name) return entry.run(global, Args(args.begin() + 1, args.end()));
    }
    std::vector<std::string> names;
    for (const auto& entry : command_table()) names.emplace_back(entry.name);
    throw UsageError("unknown command '" + args[0] + "'" + util::did_you_mean(args[0], names) +
                     "; see 'ato-sync --help'");
  } catch (const std::exception& e) {
    // The one place errors leave a command (cli/failure.hpp).
    print_failure(e, std::cerr, color_stderr);
    return 1;
  }
}

}  // namespace ato::cli
