#include <stdexcept>

#include "cli/commands.hpp"

namespace ato::cli {

int command_coverage(const GlobalOptions&, const Args&) { throw std::runtime_error("'coverage' is not implemented yet"); }

}  // namespace ato::cli
