#pragma once
// Golden files of the views: compared as they are; UPDATE_GOLDEN=1 rewrites them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>

#include "io/plan_document.hpp"
#include "render/plan_views.hpp"

#include "support/process.hpp"

namespace ato::render::golden {

inline const std::string kDir = ATO_SOURCE_DIR "/tests/render/golden/";

inline void expect_golden(const std::string& actual, const std::string& name) {
  if (std::getenv("UPDATE_GOLDEN")) test::write_file(kDir + name, actual);
  EXPECT_EQ(actual, test::read_file(kDir + name)) << "golden: " << name;
}

// The plan's three views against `stem`.txt, .md and .json, and the JSON read back.
inline void expect_plan_views(const core::Plan& plan, const std::string& stem) {
  const RenderContext context{false, "https://acme.testops.cloud", 42};
  std::ostringstream human;
  render_human(plan, context, human);
  expect_golden(human.str(), stem + ".txt");
  expect_golden(render_markdown(plan, context), stem + ".md");
  const io::SavedPlan saved{"0.1.0", context.endpoint, 42, "2026-11-24T10:00:00Z", plan};
  const auto text = io::encode_plan(saved);
  expect_golden(text, stem + ".json");
  const auto back = io::decode_plan(text, "plan.json");
  EXPECT_EQ(back.plan.changes, plan.changes);
  EXPECT_EQ(back.plan.notes, plan.notes);
}

}  // namespace ato::render::golden
