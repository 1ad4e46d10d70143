// The flag parser: a flag's separate value is never another flag.
#include "cli/arg_parser.hpp"

#include <gtest/gtest.h>

namespace ato::cli {
namespace {

struct PlanLikeFlags {
  std::string out;
  bool json = false;
  ArgParser parser{"ato-sync plan", "plans"};
  PlanLikeFlags() {
    parser.option("--out", &out, "FILE", "save the plan");
    parser.alias("-out", "--out");
    parser.flag("--json", &json, "json");
  }
};

std::string usage_error(PlanLikeFlags& flags, const std::vector<std::string>& args) {
  try {
    flags.parser.parse(args);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

// It used to write the plan to a file named "--json".
TEST(ArgParser, AFlagIsNotTheValueOfTheFlagBeforeIt) {
  PlanLikeFlags flags;
  EXPECT_EQ(usage_error(flags, {"-out", "--json"}),
            "flag '-out' needs a value (FILE), but '--json' is a flag; for a value that starts with '-', write "
            "-out=--json");
  EXPECT_EQ(flags.out, "");
}

TEST(ArgParser, AValueThatStartsWithADashIsGivenWithEquals) {
  PlanLikeFlags flags;
  EXPECT_EQ(usage_error(flags, {"--out=--json", "--json"}), "");
  EXPECT_EQ(flags.out, "--json");
  EXPECT_TRUE(flags.json);
}

TEST(ArgParser, ADashAloneIsAValue) {
  PlanLikeFlags flags;
  EXPECT_EQ(usage_error(flags, {"-out", "-"}), "");
  EXPECT_EQ(flags.out, "-");
}

}  // namespace
}  // namespace ato::cli
