#include "cli/commands.hpp"
#include "cli/failure.hpp"

namespace ato::cli {

int command_fmt(const GlobalOptions&, const Args&) { throw CommandFailed("fmt: not yet"); }

}  // namespace ato::cli
