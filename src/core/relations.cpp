#include "core/relations.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "util/did_you_mean.hpp"

namespace ato::core {
namespace {

struct RelationName {
  RelationType type;
  std::string_view key;
  std::string_view testops;
  RelationType mirror;
};

constexpr RelationName kRelationNames[] = {
    {RelationType::RelatedTo, "related_to", "related to", RelationType::RelatedTo},
    {RelationType::Clones, "clones", "clones", RelationType::IsClonedBy},
    {RelationType::IsClonedBy, "is_cloned_by", "is cloned by", RelationType::Clones},
    {RelationType::Duplicates, "duplicates", "duplicates", RelationType::IsDuplicatedBy},
    {RelationType::IsDuplicatedBy, "is_duplicated_by", "is duplicated by", RelationType::Duplicates},
    {RelationType::Automates, "automates", "automates", RelationType::IsAutomatedBy},
    {RelationType::IsAutomatedBy, "is_automated_by", "is automated by", RelationType::Automates},
};

const RelationName& row_of(RelationType type) {
  for (const auto& row : kRelationNames)
    if (row.type == type) return row;
  return kRelationNames[0];
}

// The end a relation declared by neither end belongs to (see align_relations).
bool is_active_end(RelationType type, const std::string& self, const std::string& other) {
  switch (type) {
    case RelationType::RelatedTo: return self < other;
    case RelationType::Clones:
    case RelationType::Duplicates:
    case RelationType::Automates: return true;
    default: return false;
  }
}

void sort_relations(std::vector<Relation>& relations) {
  std::sort(relations.begin(), relations.end());
  relations.erase(std::unique(relations.begin(), relations.end(),
                              [](const Relation& a, const Relation& b) {
                                return a.type == b.type && a.target_id == b.target_id &&
                                       a.target_allure_id == b.target_allure_id;
                              }),
                  relations.end());
}

// Remote relations as TestOps holds them now: each pair read at both ends
// takes the end written last; targets that are soft-deleted are hidden.
void reconcile_remote(std::vector<RemoteCase>& remote) {
  std::unordered_map<std::int64_t, const RemoteCase*> by_id;
  std::set<std::int64_t> deleted;
  for (const auto& r : remote) {
    if (r.deleted) deleted.insert(r.allure_id);
    else if (r.detailed) by_id[r.allure_id] = &r;
  }
  const auto newer = [&](std::int64_t other, const RemoteCase& self) {
    const auto it = by_id.find(other);
    return it != by_id.end() && it->second->last_modified > self.last_modified ? it->second : nullptr;
  };
  std::vector<std::vector<Relation>> lists(remote.size());
  for (std::size_t i = 0; i < remote.size(); ++i) {
    const auto& self = remote[i];
    if (!self.detailed || self.deleted) continue;
    for (const auto& r : self.content.relations)
      if (!deleted.count(r.target_allure_id) && !newer(r.target_allure_id, self)) lists[i].push_back(r);
  }
  // What each case's relations say about the others, by target.
  std::unordered_map<std::int64_t, std::vector<std::pair<const RemoteCase*, RelationType>>> incoming;
  for (const auto& [id, r] : by_id)
    for (const auto& relation : r->content.relations) incoming[relation.target_allure_id].push_back({r, relation.type});
  for (std::size_t i = 0; i < remote.size(); ++i) {
    const auto& self = remote[i];
    if (!self.detailed || self.deleted) continue;
    const auto it = incoming.find(self.allure_id);
    if (it == incoming.end()) continue;
    for (const auto& [other, type] : it->second)
      if (other != &self && newer(other->allure_id, self)) lists[i].push_back({mirror_of(type), "", other->allure_id, false});
  }
  for (std::size_t i = 0; i < remote.size(); ++i)
    if (remote[i].detailed && !remote[i].deleted) remote[i].content.relations = std::move(lists[i]);
}

void fill_ids(Relation& r, const CaseIds& ids) {
  if (!r.target_id.empty()) {
    const auto it = ids.allure_of.find(r.target_id);
    r.target_allure_id = it == ids.allure_of.end() ? 0 : it->second;
  } else if (const auto it = ids.external_of.find(r.target_allure_id); it != ids.external_of.end()) {
    r.target_id = it->second;
  }
}

using Declared = std::map<std::string, std::set<std::pair<RelationType, std::string>>>;

bool declares(const Declared& declared, const std::string& self, RelationType type, const std::string& target) {
  const auto it = declared.find(self);
  return it != declared.end() && it->second.count({type, target});
}

}  // namespace

std::string_view relation_key(RelationType type) { return row_of(type).key; }
std::string_view relation_testops_name(RelationType type) { return row_of(type).testops; }
RelationType mirror_of(RelationType type) { return row_of(type).mirror; }

std::optional<RelationType> parse_relation_key(std::string_view key) {
  for (const auto& row : kRelationNames)
    if (row.key == key) return row.type;
  return std::nullopt;
}

std::optional<RelationType> parse_relation_testops_name(std::string_view name) {
  for (const auto& row : kRelationNames)
    if (row.testops == name) return row.type;
  return std::nullopt;
}

std::vector<std::string> relation_keys() {
  std::vector<std::string> out;
  for (const auto& row : kRelationNames) out.emplace_back(row.key);
  return out;
}

std::string relation_text(const Relation& r) {
  return std::string(relation_key(r.type)) + " " +
         (r.target_id.empty() ? ato_label(r.target_allure_id) : r.target_id);
}

std::vector<Relation> declared_relations(const std::vector<Relation>& relations) {
  std::vector<Relation> out;
  for (const auto& r : relations)
    if (!r.mirrored) out.push_back(r);
  return out;
}

Diagnostics check_relation_targets(const std::vector<DesiredCase>& cases) {
  std::vector<std::string> ids;
  for (const auto& c : cases) ids.push_back(c.external_id);
  std::sort(ids.begin(), ids.end());
  Diagnostics errors;
  for (const auto& c : cases)
    for (const auto& r : c.content.relations) {
      if (r.target_id.empty() || r.mirrored) continue;
      const auto place = c.relation_places.count(r.target_id) ? c.relation_places.at(r.target_id) : c.place_of(Field::Relations);
      if (r.target_id == c.external_id)
        errors.push_back({Severity::Error, place, "a case cannot relate to itself (" + relation_text(r) + ")", ""});
      else if (!std::binary_search(ids.begin(), ids.end(), r.target_id))
        errors.push_back({Severity::Error, place,
                          "relation target \"" + r.target_id + "\" is not a case of this repository" +
                              util::did_you_mean(r.target_id, ids) +
                              " (name a case of another source by its Allure ID, a number)",
                          ""});
    }
  return errors;
}

void align_relations(std::vector<DesiredCase>& desired, std::vector<RemoteCase>& remote, const CaseIds& ids) {
  reconcile_remote(remote);
  for (auto& r : remote)
    for (auto& relation : r.content.relations) fill_ids(relation, ids);
  Declared declared;
  for (auto& d : desired) {
    auto& own = d.content.relations;
    own.erase(std::remove_if(own.begin(), own.end(), [](const Relation& r) { return r.mirrored; }), own.end());
    for (auto& relation : own) {
      fill_ids(relation, ids);
      if (!relation.target_id.empty()) declared[d.external_id].insert({relation.type, relation.target_id});
    }
  }
  std::set<std::string> in_repository;
  for (const auto& d : desired) in_repository.insert(d.external_id);

  for (auto& r : remote) {
    if (!in_repository.count(r.external_id)) continue;
    for (auto& relation : r.content.relations) {
      const auto& other = relation.target_id;
      if (other.empty() || other == r.external_id || !in_repository.count(other)) continue;
      if (declares(declared, r.external_id, relation.type, other)) continue;
      relation.mirrored = declares(declared, other, mirror_of(relation.type), r.external_id) ||
                          !is_active_end(relation.type, r.external_id, other);
    }
    sort_relations(r.content.relations);
  }
  std::map<std::string, std::vector<std::pair<std::string, RelationType>>> declared_toward;
  for (const auto& [source, relations] : declared)
    for (const auto& [type, target] : relations) declared_toward[target].push_back({source, type});
  for (auto& d : desired) {
    if (const auto it = declared_toward.find(d.external_id); it != declared_toward.end())
      for (const auto& [source, type] : it->second) {
        if (source == d.external_id || declares(declared, d.external_id, mirror_of(type), source)) continue;
        Relation mirrored{mirror_of(type), source, 0, true};
        fill_ids(mirrored, ids);
        d.content.relations.push_back(std::move(mirrored));
      }
    sort_relations(d.content.relations);
  }
}

}  // namespace ato::core
