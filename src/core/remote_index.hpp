#pragma once
// The remote side of a plan, indexed: by identity and by Allure ID, with the
// conflicts that stop planning for one id (SPEC.md §2).
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/case.hpp"
#include "core/diagnostic.hpp"

namespace ato::core {

// Where a remote case stands (SPEC.md §1.1 `archive`).
enum class Lifecycle { Live, SoftDeleted, ArchivedByStatus };
// archive_status empty: archiving is a soft delete.
Lifecycle lifecycle_of(const RemoteCase& remote, const std::string& archive_status);

struct RemoteIndex {
  // A live case wins over soft-deleted twins; among soft-deleted ones only,
  // the lowest Allure ID (the one a restore keeps).
  std::map<std::string, const RemoteCase*> by_identity;
  std::unordered_map<std::int64_t, const RemoteCase*> by_allure_id;
  std::set<std::string> conflicted;  // ids nothing may be planned for
  int managed_live = 0;              // live managed cases, for the guard
};

// `remote` must outlive the index. Each conflict is reported once in `problems`.
RemoteIndex index_remote(const std::vector<RemoteCase>& remote, const std::string& archive_status,
                         Diagnostics& problems);

}  // namespace ato::core
