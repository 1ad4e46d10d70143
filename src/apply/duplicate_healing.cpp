#include "apply/duplicate_healing.hpp"

#include <mutex>
#include <vector>

#include "util/parallel.hpp"

namespace ato::apply {

HealingRun heal_duplicates(const std::map<std::string, std::int64_t>& created, core::TestOpsPort& port,
                           int parallelism) {
  HealingRun run;
  if (created.empty()) return run;
  std::vector<std::string> ids;
  for (const auto& [external_id, allure_id] : created) ids.push_back(external_id);
  std::vector<core::SearchRow> live;
  try {
    live = port.find_live_with_identities(ids);
  } catch (const std::exception& e) {
    for (const auto& [external_id, allure_id] : created)
      run.failures[external_id] =
          "created as ATO #" + std::to_string(allure_id) +
          ", but the check for a duplicate from a concurrent apply failed: " + e.what();
    for (const auto& [external_id, allure_id] : created) run.healing.survivors[external_id] = allure_id;
    return run;
  }
  run.healing = core::decide_healing(created, live);
  std::vector<std::pair<std::string, std::int64_t>> deletes;
  for (const auto& healed : run.healing.healed)
    for (const auto id : healed.to_delete) deletes.emplace_back(healed.external_id, id);
  std::mutex mutex;
  util::parallel_for(deletes.size(), parallelism, [&](std::size_t i) {
    const auto& [external_id, id] = deletes[i];
    try {
      port.delete_case(id);
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex);
      run.failures[external_id] =
          "ATO #" + std::to_string(id) + " duplicates ATO #" +
          std::to_string(run.healing.survivors.at(external_id)) +
          " (a concurrent apply created it too), but soft-deleting it failed: " + e.what();
    }
  });
  return run;
}

}  // namespace ato::apply
