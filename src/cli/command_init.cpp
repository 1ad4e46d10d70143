#include <stdexcept>

#include "cli/commands.hpp"

namespace ato::cli {

int command_init(const GlobalOptions&, const Args&) { throw std::runtime_error("'init' is not implemented yet"); }

}  // namespace ato::cli
