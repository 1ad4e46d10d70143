#pragma once
// Two applies at once (two CI jobs) can both create one case (SPEC.md §5).
// After its creates, apply looks up every identity it created; where several
// live cases carry one, the lowest Allure ID stays and the others are
// soft-deleted. Every run that looks decides the same way, whichever
// created first, so both reach the same result without a lock. Pure.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/testops_port.hpp"

namespace ato::core {

// One identity that a concurrent apply created as well.
struct HealedDuplicate {
  std::string external_id;
  std::int64_t kept = 0;  // the lowest live Allure ID: the case that stays
  // Soft-deleted (restorable), ascending; this run's own case among them when it lost.
  std::vector<std::int64_t> removed;
  std::vector<std::int64_t> to_delete;  // the part of `removed` still live: what this run deletes
};

struct Healing {
  std::map<std::string, std::int64_t> survivors;  // external id -> the case that stays
  std::vector<HealedDuplicate> healed;            // sorted by external id
};

// `created`: external id -> the Allure ID this run's create returned.
// `live`: the live cases carrying any of those identity tags (the search
// right after the creates). A created case the search no longer shows was
// removed by the other run as the duplicate: the lowest live one stays.
Healing decide_healing(const std::map<std::string, std::int64_t>& created,
                       const std::vector<SearchRow>& live);

}  // namespace ato::core
