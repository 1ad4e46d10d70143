#include "cli/failure.hpp"

#include <ostream>

#include "render/diagnostics_view.hpp"
#include "render/visible_text.hpp"

namespace ato::cli {

// A server's message or a file name may hold control characters: shown escaped.
void print_failure(const std::exception& error, std::ostream& err, bool color) {
  const auto* failed = dynamic_cast<const CommandFailed*>(&error);
  if (!failed) {
    err << "ato-sync: error: " << render::visible_text(error.what()) << "\n";
    return;
  }
  if (!failed->problems().empty()) render::print_diagnostics(failed->problems(), err, color);
  for (const auto& message : failed->messages()) err << "ato-sync: error: " << render::visible_text(message) << "\n";
  if (!failed->closing().empty()) err << failed->closing() << "\n";
}

}  // namespace ato::cli
