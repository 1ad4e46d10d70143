#include "core/case_naming.hpp"

#include <gtest/gtest.h>

#include <set>

namespace ato::core {
namespace {

TEST(CaseNaming, SlugIsLowercaseWordsJoinedByDashes) {
  EXPECT_EQ(slug_from_name("Guest can check out (saved card)!"), "guest-can-check-out-saved-card");
}

TEST(CaseNaming, SlugCollapsesAndTrimsSeparators) {
  EXPECT_EQ(slug_from_name("  --Login -- via   SSO__ "), "login-via-sso");
}

TEST(CaseNaming, SlugDropsNonAsciiLetters) {
  EXPECT_EQ(slug_from_name("Café à la carte 2"), "caf-la-carte-2");
  EXPECT_EQ(slug_from_name("Вход в систему"), "");
}

TEST(CaseNaming, LongNamesAreCutAtAWordBoundary) {
  const std::string slug =
      slug_from_name("A very long case name that goes on and on about checkout and payment and shipping");
  EXPECT_LE(slug.size(), kMaxSlugLength);
  EXPECT_EQ(slug, "a-very-long-case-name-that-goes-on-and-on-about-checkout-and");
}

TEST(CaseNaming, ALongWordIsCutHard) {
  const std::string slug = slug_from_name(std::string(70, 'x'));
  EXPECT_EQ(slug, std::string(kMaxSlugLength, 'x'));
}

TEST(CaseNaming, AFreeSlugIsKept) {
  EXPECT_EQ(first_free_name("login", [](const std::string&) { return false; }), "login");
}

TEST(CaseNaming, TakenSlugsGetTheFirstFreeNumber) {
  const std::set<std::string> taken = {"login", "login-2"};
  EXPECT_EQ(first_free_name("login", [&](const std::string& s) { return taken.count(s) > 0; }), "login-3");
}

}  // namespace
}  // namespace ato::core
