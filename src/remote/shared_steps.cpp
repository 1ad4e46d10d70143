// TestOpsAdapter: shared steps (API-NOTES.md "Shared steps"), and telling a
// case's references to them from inline copies with as few requests as can be.
#include <algorithm>

#include "remote/adapter_writes.hpp"
#include "remote/case_mapping.hpp"
#include "remote/parallel.hpp"
#include "remote/shared_step_mapping.hpp"
#include "remote/testops_adapter.hpp"

namespace ato::remote {

std::vector<json> TestOpsAdapter::shared_step_dtos(bool archived, const std::string& search) {
  // Live and archived ones are two listings: without `archived` a server may list only the live ones.
  std::string target = "/sharedstep?projectId=" + std::to_string(project_id()) +
                       "&archived=" + (archived ? "true" : "false") + "&sort=id,ASC";
  if (!search.empty()) target += "&search=" + url_encode(search);
  return read_all_pages(*client_, target, 1000, config_.parallelism);
}

std::vector<json> TestOpsAdapter::all_shared_step_dtos() {
  std::vector<json> found[2];  // live, archived: asked side by side
  parallel_for(2, 2, [&](std::size_t i) { found[i] = shared_step_dtos(i == 1); });
  std::vector<json> dtos;
  for (auto& part : found)
    for (auto& dto : part) dtos.push_back(std::move(dto));
  // One archived or unarchived while both lists were read can be in both: keep it once.
  const auto id_of_dto = [](const json& dto) { return dto.value("id", std::int64_t{0}); };
  std::stable_sort(dtos.begin(), dtos.end(),
                   [&](const json& a, const json& b) { return id_of_dto(a) < id_of_dto(b); });
  dtos.erase(std::unique(dtos.begin(), dtos.end(),
                         [&](const json& a, const json& b) { return id_of_dto(a) == id_of_dto(b); }),
             dtos.end());
  return dtos;
}

void TestOpsAdapter::know_shared_step_name(const json& name) {
  if (!name.is_string() || name.get<std::string>().empty()) return;
  std::lock_guard lock(shared_step_names_mutex_);
  shared_step_names_.insert(name.get<std::string>());
}

bool TestOpsAdapter::may_refer_to_shared_steps(const json& overview) {
  const auto scenario = overview.find("scenario");
  if (scenario == overview.end() || !scenario->is_object() || !scenario->contains("steps") ||
      !(*scenario)["steps"].is_array() || (*scenario)["steps"].empty())
    return false;  // no steps: nothing to list the shared steps for
  std::call_once(shared_step_names_once_, [this] {
    for (const auto& dto : all_shared_step_dtos()) know_shared_step_name(dto.value("name", json()));
  });
  std::lock_guard lock(shared_step_names_mutex_);
  return names_any_of(*scenario, shared_step_names_);
}

std::vector<core::RemoteSharedStep> TestOpsAdapter::list_shared_steps() {
  const std::vector<json> dtos = all_shared_step_dtos();
  // These are the names the cases' references read as: read_cases needs no
  // listing of its own after this one (and learns the ones created since).
  std::call_once(shared_step_names_once_, [] {});
  for (const auto& dto : dtos) know_shared_step_name(dto.value("name", json()));
  std::vector<core::RemoteSharedStep> out;
  out.reserve(dtos.size());
  for (const auto& dto : dtos) out.push_back(shared_step_from_dto(dto));
  return out;
}

std::map<std::int64_t, std::vector<core::Step>> TestOpsAdapter::read_shared_step_steps(
    const std::vector<std::int64_t>& ids) {
  std::vector<std::optional<std::vector<core::Step>>> read(ids.size());
  parallel_for(ids.size(), config_.parallelism, [&](std::size_t i) {
    try {
      read[i] = shared_step_steps_from_normalized(client_->get(shared_step_path(ids[i]) + "/step"));
    } catch (const core::RemoteError& e) {
      if (e.status() != 404) throw;  // deleted since it was listed
    }
  });
  std::map<std::int64_t, std::vector<core::Step>> out;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (read[i]) out[ids[i]] = std::move(*read[i]);
  return out;
}

std::optional<std::int64_t> TestOpsAdapter::find_shared_step(const std::string& name) {
  // `search` matches any part in any case: compare the whole name exactly.
  std::optional<std::int64_t> found;
  for (const auto& dto : shared_step_dtos(false, name))
    if (dto.value("name", json()) == name)
      found = std::max(found.value_or(0), dto.value("id", std::int64_t{0}));
  return found;
}

std::int64_t TestOpsAdapter::create_shared_step(const core::CaseContent& content) {
  const json body = {{"projectId", project_id()}, {"name", content.name}};
  const std::int64_t id = create_without_duplicate(
      "shared step", config_.api_prefix + "/sharedstep",
      [&] {
        return client_->send("POST", "/sharedstep", body, Retry::NotBlindly).value("id", std::int64_t{0});
      },
      [&] { return find_shared_step(content.name); });
  know_shared_step_name(content.name);
  if (!content.steps.empty())
    client_->send("POST", shared_step_path(id) + "/scenario", scenario_body(content));
  return id;
}

void TestOpsAdapter::update_shared_step(std::int64_t allure_id, const core::CaseContent& after,
                                        const std::vector<core::Field>& fields) {
  const auto writes = [&](core::Field field) {
    return std::find(fields.begin(), fields.end(), field) != fields.end();
  };
  const std::string path = shared_step_path(allure_id);
  write_existing("shared step", [&] {
    if (writes(core::Field::Name)) {
      client_->send("PATCH", path, {{"name", after.name}});
      know_shared_step_name(after.name);
    }
    if (writes(core::Field::Steps)) client_->send("POST", path + "/scenario", scenario_body(after));
  });
}

void TestOpsAdapter::archive_shared_step(std::int64_t allure_id) {
  write_existing("shared step",
                 [&] { client_->send("POST", shared_step_path(allure_id) + "/archive", nullptr); });
}

void TestOpsAdapter::unarchive_shared_step(std::int64_t allure_id) {
  write_existing("shared step",
                 [&] { client_->send("POST", shared_step_path(allure_id) + "/unarchive", nullptr); });
}

}  // namespace ato::remote
