#include "util/did_you_mean.hpp"

#include <gtest/gtest.h>

namespace ato::util {

TEST(DidYouMean, SuggestsTheClosestKnownWord) {
  EXPECT_EQ(did_you_mean("endpont", {"endpoint", "project", "cases"}), " (did you mean 'endpoint'?)");
}

TEST(DidYouMean, SuggestsNothingForAWordFarFromAll) {
  EXPECT_EQ(did_you_mean("zzzzzz", {"endpoint", "project"}), "");
}

TEST(DidYouMean, EditDistanceIgnoresCase) { EXPECT_EQ(edit_distance("Tags", "tags"), 0u); }

}  // namespace ato::util
