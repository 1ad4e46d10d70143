#pragma once
// Names and ids of the project's reference data, read once per run, so the
// rest of ato-sync speaks in names (API-NOTES.md: look ids up by name).
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/plan.hpp"
#include "remote/api_client.hpp"

namespace ato::remote {

struct ReferenceData {
  std::int64_t project_id = 0;
  std::int64_t workflow_id = 0;
  std::map<std::string, std::int64_t> statuses;  // of the manual workflow
  std::map<std::string, std::int64_t> layers;
  std::map<std::string, std::int64_t> fields;    // custom field name -> customField.id
  std::map<std::int64_t, std::map<std::string, std::int64_t>> values;  // field id -> value name -> value id
  std::map<std::string, std::int64_t> integrations;  // issue prefix (config) -> integration id
  std::map<std::int64_t, std::string> integration_names;  // id -> name, for issues of unmapped integrations
  std::map<std::string, std::int64_t> roles;              // member role name -> id
  std::vector<core::Field> from_test_results;             // the update schema's fields that results own

  core::KnownNames known_names() const;
  std::optional<std::string> prefix_of(std::int64_t integration_id) const;
};

// Every element of a paged list: follows `last`, whatever page size the
// server grants. `target` already holds its query ("...?a=b"). When the first
// page gives `totalPages`, the others are read `parallelism` at a time.
std::vector<json> read_all_pages(ApiClient& client, const std::string& target, int page_size = 1000,
                                 int parallelism = 1);
// The same, page by page: each page's `content`, in page order.
std::vector<json> read_pages(ApiClient& client, const std::string& target, int page_size = 1000, int parallelism = 1);
// One page of a paged list; throws unless the answer holds a `content` list.
json read_page(ApiClient& client, const std::string& target, int page, int page_size);
// A page without a readable `last`, or an empty one, ends the list.
bool is_last_page(const json& page);

ReferenceData load_reference_data(ApiClient& client, const core::Config& config);

// "a b" -> "a%20b"
std::string url_encode(const std::string& value);

}  // namespace ato::remote
