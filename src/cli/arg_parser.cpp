#include "cli/arg_parser.hpp"

#include <ostream>
#include <sstream>

#include "util/did_you_mean.hpp"

namespace ato::cli {
namespace {

// Set by describe_command: parse() then hands the declared syntax back as an
// exception, which no command catches, instead of parsing.
thread_local bool describing = false;
struct Described {
  CommandSyntax syntax;
};

}  // namespace

CommandSyntax describe_command(const std::function<void()>& run_command) {
  describing = true;
  try {
    run_command();
  } catch (Described& described) {
    describing = false;
    return std::move(described.syntax);
  } catch (...) {
    describing = false;
    throw;
  }
  describing = false;
  throw std::logic_error("a command returned without declaring its flags to an ArgParser");
}

CommandSyntax ArgParser::syntax() const {
  CommandSyntax syntax{usage_, {}, positionals_ ? max_positionals_ : 0};
  for (const auto& spec : specs_) {
    FlagSyntax flag{spec.name, {}, spec.value_name, spec.help, spec.repeatable};
    for (const auto& [alias, target] : aliases_)
      if (target == spec.name) flag.aliases.push_back(alias);
    syntax.flags.push_back(std::move(flag));
  }
  return syntax;
}

bool looks_like_flag(const std::string& arg) { return arg.size() > 1 && arg[0] == '-'; }

ArgParser::ArgParser(std::string usage, std::string summary)
    : usage_(std::move(usage)), summary_(std::move(summary)) {}

void ArgParser::flag(const std::string& name, bool* target, const std::string& help) {
  specs_.push_back({name, "", help, [target](const std::string&) { *target = true; }});
}

void ArgParser::option(const std::string& name, std::string* target, const std::string& value_name,
                       const std::string& help) {
  specs_.push_back({name, value_name, help, [target](const std::string& v) { *target = v; }});
}

void ArgParser::repeated(const std::string& name, std::vector<std::string>* target,
                         const std::string& value_name, const std::string& help) {
  Spec spec{name, value_name, help, [target](const std::string& v) { target->push_back(v); }};
  spec.repeatable = true;
  specs_.push_back(std::move(spec));
}

void ArgParser::alias(const std::string& alias, const std::string& name) { aliases_.emplace_back(alias, name); }

void ArgParser::positionals(std::vector<std::string>* target, std::size_t max) {
  positionals_ = target;
  max_positionals_ = max;
}

void ArgParser::examples(const std::string& text) { examples_ = text; }

ArgParser::Spec* ArgParser::find(const std::string& name) {
  std::string canonical = name;
  for (const auto& [alias, target] : aliases_)
    if (alias == name) canonical = target;
  for (auto& spec : specs_)
    if (spec.name == canonical) return &spec;
  return nullptr;
}

void ArgParser::parse(const std::vector<std::string>& args) {
  if (describing) throw Described{syntax()};
  bool only_positionals = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_positionals || arg.size() < 2 || arg[0] != '-') {
      if (!positionals_ || positionals_->size() >= max_positionals_)
        throw UsageError("unexpected argument '" + arg + "'");
      positionals_->push_back(arg);
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      continue;
    }
    if (arg == "--") {
      only_positionals = true;
      continue;
    }
    const auto equals = arg.find('=');
    const std::string name = arg.substr(0, equals);
    Spec* spec = find(name);
    if (!spec) {
      std::vector<std::string> known;
      for (const auto& s : specs_) known.push_back(s.name);
      for (const auto& a : aliases_) known.push_back(a.first);
      throw UsageError("unknown flag '" + name + "'" + util::did_you_mean(name, known));
    }
    if (spec->seen && !spec->repeatable) throw UsageError("flag '" + spec->name + "' given twice");
    spec->seen = true;
    if (spec->value_name.empty()) {
      if (equals != std::string::npos) throw UsageError("flag '" + spec->name + "' takes no value");
      spec->set("");
    } else if (equals != std::string::npos) {
      spec->set(arg.substr(equals + 1));
    } else if (i + 1 < args.size()) {
      if (looks_like_flag(args[i + 1]))
        throw UsageError("flag '" + name + "' needs a value (" + spec->value_name + "), but '" + args[i + 1] +
                         "' is a flag; for a value that starts with '-', write " + name + "=" + args[i + 1]);
      spec->set(args[++i]);
    } else {
      throw UsageError("flag '" + spec->name + "' needs a value (" + spec->value_name + ")");
    }
  }
}

std::string ArgParser::help() const {
  std::ostringstream out;
  out << "Usage: " << usage_ << "\n\n" << summary_ << "\n";
  if (!specs_.empty()) out << "\nOptions:\n";
  for (const auto& spec : specs_) {
    std::string left = spec.name;
    for (const auto& [alias, target] : aliases_)
      if (target == spec.name) left = alias + ", " + left;
    if (!spec.value_name.empty()) left += " " + spec.value_name;
    out << "  " << left;
    // At least two spaces: help2man (the man page) tells the option from its help by them.
    out << std::string(left.size() + 2 < 28 ? 28 - left.size() : 2, ' ') << spec.help << "\n";
  }
  if (!examples_.empty()) out << "\nExamples:\n" << examples_;
  return out.str();
}

bool ArgParser::parse_or_print_help(const std::vector<std::string>& args, std::ostream& out) {
  parse(args);
  if (help_requested_) out << help();
  return help_requested_;
}

}  // namespace ato::cli
