#include <stdexcept>

#include "cli/commands.hpp"

namespace ato::cli {

int command_import(const GlobalOptions&, const Args&) { throw std::runtime_error("'import' is not implemented yet"); }

}  // namespace ato::cli
