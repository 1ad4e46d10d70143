#pragma once
// What apply shows: progress on a terminal and the closing report.
#include <cstddef>
#include <iosfwd>

#include "apply/apply_plan.hpp"

namespace ato::render {

// "applying i/N: id (action)", rewritten in place on a TTY.
class TtyProgress final : public apply::ApplyObserver {
 public:
  explicit TtyProgress(std::ostream& out) : out_(out) {}
  void change_started(std::size_t index, std::size_t total, const core::Change& change) override;
  void finished() override;

 private:
  std::ostream& out_;
};

// "Apply complete! N created, ..." or one line per failure and a closing line.
void render_apply_report(const apply::ApplyReport& report, std::size_t planned, std::ostream& out);

}  // namespace ato::render
