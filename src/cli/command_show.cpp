#include <stdexcept>

#include "cli/commands.hpp"

namespace ato::cli {

int command_show(const GlobalOptions&, const Args&) { throw std::runtime_error("'show' is not implemented yet"); }

}  // namespace ato::cli
