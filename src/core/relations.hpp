#pragma once
// Relations between cases (SPEC.md §1.2 `relations`, API-NOTES.md
// "Relations"): their names, their mirror at the other end, and the checks
// and rules that both sides of a plan share.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case.hpp"
#include "core/diagnostic.hpp"

namespace ato::core {

std::string_view relation_key(RelationType type);           // YAML key: "is_cloned_by"
std::string_view relation_testops_name(RelationType type);  // TestOps: "is cloned by"
std::optional<RelationType> parse_relation_key(std::string_view key);
std::optional<RelationType> parse_relation_testops_name(std::string_view name);
std::vector<std::string> relation_keys();
// How the relation reads at the other end: clones <-> is cloned by; related to reads the same.
RelationType mirror_of(RelationType type);

// "clones checkout/guest", "related_to ATO #4711": how plans show one.
std::string relation_text(const Relation& relation);
// The relations that are compared and shown (mirrored ones left out).
std::vector<Relation> declared_relations(const std::vector<Relation>& relations);

// A target named by external id must be a case of the repository: one
// error at each that is not, with did-you-mean.
Diagnostics check_relation_targets(const std::vector<DesiredCase>& cases);

// Both directions between external ids and Allure IDs, as far as a plan knows them.
struct CaseIds {
  std::map<std::string, std::int64_t> allure_of;
  std::map<std::int64_t, std::string> external_of;
};

// Puts the relations of both sides in one form before they are compared:
// - remote: a pair of cases whose relations were both read takes its
//   relations from the end TestOps wrote last (a post on one end does not
//   move the other's lastModifiedDate, so the other end's cached list may be
//   stale); relations to soft-deleted cases are dropped (TestOps hides them);
// - both: targets carry the external id and the Allure ID where known;
// - a relation between two repository cases belongs to the case that
//   declares it: at the other end it is marked mirrored (the desired side
//   gains it as mirrored, so apply writes it along). Declared by neither, it
//   belongs to the end whose type is the active one (clones, not is cloned
//   by; related to: the lower id), so its removal shows once.
void align_relations(std::vector<DesiredCase>& desired, std::vector<RemoteCase>& remote, const CaseIds& ids);

}  // namespace ato::core
