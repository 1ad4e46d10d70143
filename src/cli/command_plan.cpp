#include <stdexcept>

#include "cli/commands.hpp"

namespace ato::cli {

int command_plan(const GlobalOptions&, const Args&) { throw std::runtime_error("'plan' is not implemented yet"); }

}  // namespace ato::cli
