#pragma once
// Every case an AQL query selects, even when cases are soft-deleted, restored
// or created while the pages are read (issue #15). Offset pages shift under
// such changes, so a case that was there all along can fall between two
// pages and be created again; ids do not move. The pages are read side by
// side as before; then one keyset sweep asks for the cases that lie between
// the pages read (`id > a and id < b` for each seam, `id > last` after the
// last page): one request more, not one round trip per page.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "remote/api_client.hpp"

namespace ato::remote {

// `target`: the search route with its fixed query, e.g.
// "/testcase/__search?projectId=1&deleted=false". Returns every case that
// matched throughout the reading, each once, sorted by id.
std::vector<json> search_cases(ApiClient& client, const std::string& target, const std::string& rql, int parallelism);

// The open interval (above, below) of ids between two pages; no `below`: the
// ids after the last page.
struct IdGap {
  std::int64_t above = 0;
  std::optional<std::int64_t> below;
};

// `rql` limited to the gaps, and to ids above `after` when given (the keyset).
std::string rql_within(const std::string& rql, const std::vector<IdGap>& gaps, std::optional<std::int64_t> after);

}  // namespace ato::remote
