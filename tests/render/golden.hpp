#pragma once
// Golden files of the views: compared as they are; UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "support/process.hpp"

namespace ato::render::golden {

inline const std::string kDir = ATO_SOURCE_DIR "/tests/render/golden/";

inline void expect_golden(const std::string& actual, const std::string& name) {
  if (std::getenv("UPDATE_GOLDEN")) test::write_file(kDir + name, actual);
  EXPECT_EQ(actual, test::read_file(kDir + name)) << "golden: " << name;
}

}  // namespace ato::render::golden
