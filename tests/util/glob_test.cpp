#include "util/glob.hpp"

#include <gtest/gtest.h>

namespace ato::util {

TEST(Glob, StarMatchesAcrossSlashes) { EXPECT_TRUE(glob_match("checkout/*", "checkout/guest/saved-card")); }
TEST(Glob, ExactTextMatchesOnlyItself) {
  EXPECT_TRUE(glob_match("login", "login"));
  EXPECT_FALSE(glob_match("login", "login2"));
}
TEST(Glob, QuestionMarkMatchesOneCharacter) {
  EXPECT_TRUE(glob_match("case-?", "case-1"));
  EXPECT_FALSE(glob_match("case-?", "case-12"));
}
TEST(Glob, StarInTheMiddle) { EXPECT_TRUE(glob_match("a*c*e", "abcde")); }

}  // namespace ato::util
