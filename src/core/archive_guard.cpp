#include "core/archive_guard.hpp"

namespace ato::core {

std::optional<Diagnostic> check_archive_guard(const Plan& plan, int managed_live, const ArchiveGuard& guard,
                                              std::optional<int> allow_archive) {
  const auto summary = plan.summary();
  const int archives = summary.archive + summary.deleted;  // a pruned test plan is removed too
  if (archives == 0) return std::nullopt;
  if (allow_archive && *allow_archive >= archives) return std::nullopt;
  const bool too_many = archives > guard.max_archive && archives * 100 > guard.max_archive_percent * managed_live;
  const bool everything = archives == managed_live;
  if (!too_many && !everything) return std::nullopt;
  const bool deletes = summary.deleted > 0;
  return Diagnostic{Severity::Error,
                    {},
                    std::string(deletes ? "plan would archive or delete " : "plan would archive ") +
                        std::to_string(archives) + " of " + std::to_string(managed_live) +
                        (deletes ? " managed resources" : " managed cases") + " (guard: more than " +
                        std::to_string(guard.max_archive) + " and more than " +
                        std::to_string(guard.max_archive_percent) + "%, or all of them); re-run with --allow-archive " +
                        std::to_string(archives) + " if that is intended",
                    ""};
}

}  // namespace ato::core
