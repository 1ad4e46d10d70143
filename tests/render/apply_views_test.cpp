#include "render/apply_views.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace ato::render {
namespace {

TEST(ApplyReportView, FailuresAreNamedThenCountedWithWhatSucceeded) {
  apply::ApplyReport report;
  report.done.update = 2;
  report.failures.push_back({"b", core::Action::Update, 2, "PATCH /api/testcase/2 answered 409: conflict"});
  std::ostringstream text;
  render_apply_report(report, 3, text);
  EXPECT_EQ(text.str(),
            "Error: case b (update, ATO #2): PATCH /api/testcase/2 answered 409: conflict\n"
            "Apply failed: 1 of 3 changes failed; 0 created, 2 updated, 0 archived, 0 restored, 0 adopted. "
            "Run plan again to see what is left.\n");
}

TEST(ApplyReportView, SuccessLineCountsEachAction) {
  apply::ApplyReport report;
  report.done.create = 1;
  report.done.archive = 1;
  std::ostringstream text;
  render_apply_report(report, 2, text);
  EXPECT_EQ(text.str(), "Apply complete! 1 created, 0 updated, 1 archived, 0 restored, 0 adopted.\n");
}

TEST(ApplyReportView, AnInterruptedApplySaysWhatWasLeftAlone) {
  apply::ApplyReport report;
  report.cancelled = true;
  std::ostringstream text;
  render_apply_report(report, 4, text);
  EXPECT_NE(text.str().find("Apply interrupted: changes not started were left alone.\n"), std::string::npos);
}

TEST(ApplyReportView, HealedDuplicatesAreNamedBeforeTheCounts) {
  apply::ApplyReport report;
  report.done.create = 2;
  report.healed.push_back({"checkout/guest", 1201, {1202}, {1202}});
  report.healed.push_back({"checkout/saved-card", 1203, {1204, 1205}, {}});
  std::ostringstream text;
  render_apply_report(report, 2, text);
  EXPECT_EQ(text.str(),
            "Healed duplicate: checkout/guest was also created by a concurrent apply; kept ATO #1201, "
            "soft-deleted ATO #1202 (restorable).\n"
            "Healed duplicate: checkout/saved-card was also created by a concurrent apply; kept ATO #1203, "
            "soft-deleted ATO #1204, ATO #1205 (restorable).\n"
            "Apply complete! 2 created, 0 updated, 0 archived, 0 restored, 0 adopted.\n");
}

TEST(ApplyProgress, RewritesOneLineOnTheTerminal) {
  std::ostringstream out;
  TtyProgress progress(out);
  core::Change change;
  change.external_id = "checkout/guest";
  change.action = core::Action::Update;
  progress.change_started(2, 5, change);
  progress.finished();
  EXPECT_EQ(out.str(), "\r\033[Kapplying 2/5: checkout/guest (update)\r\033[K");
}

}  // namespace
}  // namespace ato::render
