#include <stdexcept>

#include "cli/commands.hpp"

namespace ato::cli {

int command_ids(const GlobalOptions&, const Args&) { throw std::runtime_error("'ids' is not implemented yet"); }

}  // namespace ato::cli
