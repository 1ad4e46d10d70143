#pragma once
// The `ato-sync ids` export: external id, Allure ID and permalink of every
// managed case, as JSON or CSV. The JSON form is also read back, so that
// `coverage --ids FILE` works without TestOps.
#include <string>
#include <vector>

#include "core/coverage.hpp"
#include "core/diagnostic.hpp"

namespace ato::io {

// [{"external_id": ..., "allure_id": ..., "permalink": ...}, ...], keys in that order.
std::string ids_to_json(const std::vector<core::CaseIdentity>& cases);
// Header `external_id,allure_id,permalink`, RFC 4180 quoting where needed.
std::string ids_to_csv(const std::vector<core::CaseIdentity>& cases);

struct IdsRead {
  std::vector<core::CaseIdentity> cases;
  core::Diagnostics diagnostics;  // errors naming the file; `cases` is unusable when any
};

IdsRead parse_ids_json(const std::string& text, const std::string& file);
IdsRead read_ids_file(const std::string& path);

}  // namespace ato::io
