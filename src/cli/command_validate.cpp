#include <stdexcept>

#include "cli/commands.hpp"

namespace ato::cli {

int command_validate(const GlobalOptions&, const Args&) { throw std::runtime_error("'validate' is not implemented yet"); }

}  // namespace ato::cli
