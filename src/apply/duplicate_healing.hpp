#pragma once
// The I/O half of duplicate healing (core/duplicate_healing.hpp decides):
// one search for every identity this run created, then the soft deletes.
#include <cstdint>
#include <map>
#include <string>

#include "core/duplicate_healing.hpp"
#include "core/testops_port.hpp"

namespace ato::apply {

struct HealingRun {
  core::Healing healing;
  std::map<std::string, std::string> failures;  // external id -> why it could not be checked or healed
};

// `created`: external id -> the Allure ID this run's create returned. A
// failed search leaves every identity unchecked (a failure each); a failed
// delete fails that identity only.
HealingRun heal_duplicates(const std::map<std::string, std::int64_t>& created, core::TestOpsPort& port,
                           int parallelism);

}  // namespace ato::apply
