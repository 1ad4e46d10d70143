#pragma once
// The live cases that carry any of some identity tags: apply's check for
// duplicates after its creates (SPEC.md §5). A few identities are asked by
// name, `tag = "..." or ...`, in searches of bounded URL length, side by
// side. Many (a first apply of thousands) would take hundreds of searches,
// each of which a server evaluates over the project: when reading every
// managed live case takes fewer requests, that is read instead. The count
// comes from one page of size 1.
#include <string>
#include <vector>

#include "remote/api_client.hpp"

namespace ato::remote {

struct IdentitySearch {
  std::string target;       // the search route with its fixed query ("...?projectId=1&deleted=false")
  std::string managed_rql;  // every managed case: `tag ~= "ato-sync:"`
  int parallelism = 8;
};

// `tags`: the exact identity tags. Returns the matching TestCaseDtos, each once.
std::vector<json> search_identities(ApiClient& client, const IdentitySearch& search,
                                    const std::vector<std::string>& tags);

// The `tag = ... or ...` queries for `tags`, each at most `max_chars` long
// (one longer tag alone makes its own query).
std::vector<std::string> identity_queries(const std::vector<std::string>& tags, std::size_t max_chars);

}  // namespace ato::remote
