#include "render/apply_views.hpp"

#include <ostream>

#include "render/change_lines.hpp"

namespace ato::render {

void TtyProgress::change_started(std::size_t index, std::size_t total, const core::Change& change) {
  out_ << "\r\033[Kapplying " << index << "/" << total << ": " << change.external_id << " ("
       << core::action_name(change.action) << ")" << std::flush;
}

void TtyProgress::finished() { out_ << "\r\033[K" << std::flush; }

void render_apply_report(const apply::ApplyReport& report, std::size_t planned, std::ostream& out) {
  const std::string counts = counts_text(report.done, Tense::Done) + ".";
  for (const auto& healed : report.healed) {
    out << "Healed duplicate: " << healed.external_id << " was also created by a concurrent apply; kept ATO #"
        << healed.kept << ", soft-deleted";
    for (std::size_t i = 0; i < healed.removed.size(); ++i)
      out << (i ? ", " : " ") << "ATO #" << healed.removed[i];
    out << " (restorable).\n";
  }
  if (report.ok()) {
    out << "Apply complete! " << counts << "\n";
    return;
  }
  for (const auto& f : report.failures) {
    out << "Error: " << core::kind_label(f.kind) << " " << f.external_id << " (" << core::action_name(f.action);
    if (f.allure_id) out << ", ATO #" << *f.allure_id;
    out << "): " << f.message << "\n";
  }
  if (report.cancelled) out << "Apply interrupted: changes not started were left alone.\n";
  out << "Apply failed: " << report.failures.size() << " of " << planned << " changes failed; " << counts
      << " Run plan again to see what is left.\n";
}

}  // namespace ato::render
