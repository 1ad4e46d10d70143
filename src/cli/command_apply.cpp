#include <stdexcept>

#include "cli/commands.hpp"

namespace ato::cli {

int command_apply(const GlobalOptions&, const Args&) { throw std::runtime_error("'apply' is not implemented yet"); }

}  // namespace ato::cli
