#pragma once

namespace ato::cli {

// The whole program: global flags, command dispatch, the one catch that
// turns an exception into `ato-sync: error: ...` and exit 1.
int run(int argc, char** argv);

}  // namespace ato::cli
