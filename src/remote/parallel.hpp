#pragma once
// parallel_for lives in util/ (apply runs its changes with it too).
#include "util/parallel.hpp"

namespace ato::remote {
using util::parallel_for;
}  // namespace ato::remote
