// `ato-sync cases` (SPEC.md §3): every case as read, YAML and features alike.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/process.hpp"

namespace ato::test {
namespace {

std::string repo() {
  const auto dir = make_temp_dir();
  write_file(dir + "/ato-sync.yaml", "endpoint: https://a\nproject: 1\n");
  write_file(dir + "/cases/login.yaml", "id: account/login\nname: User logs in\nsteps: [do it]\n");
  write_file(
      dir + "/cases/checkout.feature",
      "Feature: Checkout\n  @id:checkout/guest @layer:UI\n  Scenario: Guest pays\n    When the guest pays\n");
  return dir;
}

ProcessResult cases(const std::string& cwd, std::vector<std::string> args = {}) {
  args.insert(args.begin(), "cases");
  ProcessOptions options;
  options.cwd = cwd;
  return run_ato_sync(args, options);
}

TEST(Cases, ListsIdPlaceAndNameOfYamlAndFeatureCases) {
  const auto result = cases(repo());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "account/login   cases/login.yaml:1:1        User logs in\n"
            "checkout/guest  cases/checkout.feature:3:3  Guest pays\n");
}

TEST(Cases, JsonHoldsTheWholeContentAndTargetsFilter) {
  const auto result = cases(repo(), {"--json", "--target", "checkout/*"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const auto doc = nlohmann::json::parse(result.out);
  ASSERT_EQ(doc.at("cases").size(), 1u);
  const auto& c = doc["cases"][0];
  EXPECT_EQ(c.at("external_id"), "checkout/guest");
  EXPECT_EQ(c.at("source").at("file"), "cases/checkout.feature");
  EXPECT_EQ(c.at("content").at("layer"), "UI");
  EXPECT_EQ(c.at("content").at("custom_fields").at("Feature"), nlohmann::json::array({"Checkout"}));
}

TEST(Cases, AnErrorInAFileFailsWithItsPlace) {
  const auto dir = repo();
  write_file(dir + "/cases/broken.feature", "Feature: F\n  Scenario: No id\n");
  const auto result = cases(dir);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cases/broken.feature:2:3: error: Scenario \"No id\" has no @id: tag"),
            std::string::npos)
      << result.err;
}

TEST(Cases, TheGherkinExampleIsValidAndListed) {
  ProcessOptions options;
  options.cwd = ATO_SOURCE_DIR "/examples/gherkin";
  const auto validate = run_ato_sync({"validate", "--strict"}, options);
  EXPECT_EQ(validate.exit_code, 0) << validate.err;
  const auto listed = cases(ATO_SOURCE_DIR "/examples/gherkin");
  EXPECT_EQ(
      listed.out,
      "checkout/guest-card-types  cases/checkout/payments.feature:20:5  Guest pays with a <card> card\n"
      "checkout/guest-saved-card  cases/checkout/payments.feature:10:5  Guest pays with a saved card\n");
}

}  // namespace
}  // namespace ato::test
