#include "remote/testops_adapter.hpp"

#include <algorithm>

#include "core/case_fields.hpp"
#include "remote/adapter_writes.hpp"
#include "remote/case_mapping.hpp"
#include "remote/case_search.hpp"
#include "remote/identity_search.hpp"
#include "remote/parallel.hpp"
#include "remote/shared_step_mapping.hpp"
#include "util/quote.hpp"

namespace ato::remote {

std::string aql_string(const std::string& value) { return util::double_quoted(value); }

namespace {

template <class Write>
void write_existing_case(Write write) {
  write_existing("case", write);
}

}  // namespace

TestOpsAdapter::TestOpsAdapter(core::Config config, std::unique_ptr<ApiClient> client)
    : config_(std::move(config)), client_(std::move(client)) {}

const ReferenceData& TestOpsAdapter::reference() {
  std::call_once(reference_once_, [this] { ref_ = load_reference_data(*client_, config_); });
  return *ref_;
}

std::int64_t TestOpsAdapter::project_id() { return reference().project_id; }

core::KnownNames TestOpsAdapter::known_names() {
  const auto& ref = reference();
  std::lock_guard lock(reference_mutex_);
  return ref.known_names();
}

std::vector<json> TestOpsAdapter::search_dtos(const std::string& rql, bool deleted) {
  const std::string target = "/testcase/__search?projectId=" + std::to_string(project_id()) +
                             "&deleted=" + (deleted ? "true" : "false");
  return search_cases(*client_, target, rql, config_.parallelism);
}

std::vector<core::SearchRow> TestOpsAdapter::search(const std::string& rql, bool deleted) {
  std::vector<core::SearchRow> rows;
  for (const auto& dto : search_dtos(rql, deleted)) rows.push_back(row_from_dto(dto, config_.id_tag_prefix));
  return rows;
}

std::vector<core::SearchRow> TestOpsAdapter::find_managed() {
  const std::string rql = "tag ~= " + aql_string(config_.id_tag_prefix);
  std::vector<core::SearchRow> found[2];  // live, deleted: asked side by side
  parallel_for(2, 2, [&](std::size_t i) { found[i] = search(rql, i == 1); });
  std::vector<core::SearchRow> rows;
  for (auto& part : found)
    for (auto& row : part)
      if (!row.external_id.empty()) rows.push_back(std::move(row));  // `~=` also matches "xato-sync:..."
  // A case deleted or restored while both lists were read can be in both:
  // keep it once, as live (a live case beside a deleted one wins, SPEC.md §2).
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.allure_id < b.allure_id; });
  rows.erase(std::unique(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.allure_id == b.allure_id; }),
             rows.end());
  return rows;
}

std::vector<core::SearchRow> TestOpsAdapter::find_all() { return search("id > 0", false); }

std::vector<core::RemoteCase> TestOpsAdapter::read_cases(const std::vector<std::int64_t>& ids) {
  const auto& ref = reference();
  std::vector<std::optional<core::RemoteCase>> found(ids.size());
  parallel_for(ids.size(), config_.parallelism, [&](std::size_t i) {
    try {
      const json overview = client_->get(case_path(ids[i]) + "/overview");
      // The overview has no relations: one more request per case read.
      auto relations = relations_from_dto(client_->get(case_path(ids[i]) + "/relation"));
      // The overview shows a reference to a shared step as an inline copy: the normalized form tells.
      const json normalized =
          may_refer_to_shared_steps(overview) ? client_->get(case_path(ids[i]) + "/step") : json();
      std::lock_guard lock(reference_mutex_);
      found[i] = case_from_overview(overview, ref, config_.id_tag_prefix);
      found[i]->content.relations = std::move(relations);
      if (!normalized.is_null()) found[i]->content.steps = case_steps_from_normalized(normalized);
    } catch (const core::RemoteError& e) {
      if (e.status() != 404) throw;
    }
  });
  std::vector<core::RemoteCase> out;
  for (auto& c : found)
    if (c) out.push_back(std::move(*c));
  return out;
}

void TestOpsAdapter::create_field_values(const std::vector<core::NewFieldValue>& values) {
  reference();
  const std::string target = "/project/" + std::to_string(ref_->project_id) + "/cfv";
  // Side by side: each value is its own request.
  parallel_for(values.size(), config_.parallelism, [&](std::size_t i) {
    const auto& v = values[i];
    std::int64_t field_id;
    {
      std::lock_guard lock(reference_mutex_);
      field_id = id_of(ref_->fields, v.field, "custom field");
      if (ref_->values[field_id].count(v.value)) return;
    }
    std::int64_t value_id = 0;
    try {
      const json created = client_->send("POST", target, {{"customField", {{"id", field_id}}}, {"name", v.value}},
                                         Retry::NotBlindly);
      value_id = created.value("id", std::int64_t{0});
    } catch (const core::RemoteError& e) {
      // Unknown outcome, or it exists already (409): read the values again.
      if (e.status() != 409 && !dynamic_cast<const UnknownOutcome*>(&e)) throw;
      for (const auto& existing : read_all_pages(*client_, target + "?customFieldId=" + std::to_string(field_id)))
        if (existing.value("name", "") == v.value) value_id = existing.value("id", std::int64_t{0});
      if (!value_id) throw;
    }
    std::lock_guard lock(reference_mutex_);
    ref_->values[field_id][v.value] = value_id;
  });
}

std::optional<std::int64_t> TestOpsAdapter::find_by_identity(const std::string& external_id) {
  // By the exact tag, not by the row's identity: a case that carries two
  // identity tags is found by either of them, and never created again.
  const std::string tag = config_.id_tag_prefix + external_id;
  for (const auto& dto : search_dtos("tag = " + aql_string(tag), false))
    if (carries_tag(dto, tag)) return row_from_dto(dto, config_.id_tag_prefix).allure_id;
  return std::nullopt;
}

core::TestOpsPort::Created TestOpsAdapter::create_case(const std::string& external_id,
                                                       const core::CaseContent& content) {
  json body;
  {
    const auto& ref = reference();
    std::lock_guard lock(reference_mutex_);
    body = create_body(external_id, content, ref, config_.id_tag_prefix);
  }
  // The case may exist after an unknown outcome: look for its identity before sending again.
  const std::int64_t id = create_without_duplicate(
      "case", config_.api_prefix + "/testcase",
      [&] {
        return client_->send("POST", "/testcase", body, Retry::NotBlindly).value("id", std::int64_t{0});
      },
      [&] { return find_by_identity(external_id); });
  return {id, fields_after_create(content)};
}

std::vector<core::SearchRow> TestOpsAdapter::find_live_with_identities(
    const std::vector<std::string>& external_ids) {
  std::vector<std::string> tags;
  for (const auto& id : external_ids) tags.push_back(config_.id_tag_prefix + id);
  const IdentitySearch search{
      "/testcase/__search?projectId=" + std::to_string(project_id()) + "&deleted=false",
      "tag ~= " + aql_string(config_.id_tag_prefix), config_.parallelism};
  std::vector<core::SearchRow> rows;
  for (const auto& dto : search_identities(*client_, search, tags)) {
    auto row = row_from_dto(dto, config_.id_tag_prefix);
    if (!row.deleted) rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.allure_id < b.allure_id; });
  return rows;
}

void TestOpsAdapter::delete_case(std::int64_t allure_id) {
  client_->send("DELETE", case_path(allure_id), nullptr);
}

void TestOpsAdapter::update_case(std::int64_t allure_id, const std::string& external_id, const core::CaseContent& after,
                                 const std::vector<core::Field>& fields) {
  const auto& ref = reference();
  // One request per route that a written field takes (SPEC.md §5).
  const auto routed = [&](core::WriteRoute route) {
    return std::any_of(fields.begin(), fields.end(), [&](core::Field f) { return core::spec_of(f).route == route; });
  };
  json patch, cfv, issues;
  {
    std::lock_guard lock(reference_mutex_);
    patch = patch_body(external_id, after, fields, ref, config_.id_tag_prefix);
    if (routed(core::WriteRoute::CustomFieldValues)) cfv = cfv_body(after, ref);
    if (routed(core::WriteRoute::Issues)) issues = issues_body(after.issues, ref);
  }
  const std::string path = case_path(allure_id);
  write_existing_case([&] {
    if (!patch.is_null()) client_->send("PATCH", path, patch);
    if (routed(core::WriteRoute::Scenario)) client_->send("POST", path + "/scenario", scenario_body(after));
    if (routed(core::WriteRoute::Issues)) client_->send("POST", path + "/issue", issues);
    if (routed(core::WriteRoute::CustomFieldValues)) client_->send("PATCH", path + "/cfv", cfv);
    if (routed(core::WriteRoute::Examples)) client_->send("POST", path + "/example", examples_body(after.examples));
  });
}

void TestOpsAdapter::replace_relations(std::int64_t allure_id, const std::vector<core::Relation>& relations) {
  write_existing_case([&] { client_->send("POST", case_path(allure_id) + "/relation", relations_body(relations)); });
}

void TestOpsAdapter::archive_case(std::int64_t allure_id) {
  if (config_.archive_status.empty()) {
    write_existing_case([&] { delete_case(allure_id); });
    return;
  }
  std::int64_t status;
  {
    const auto& ref = reference();
    status = id_of(ref.statuses, config_.archive_status, "status");
  }
  write_existing_case([&] { client_->send("PATCH", case_path(allure_id), {{"statusId", status}}); });
}

void TestOpsAdapter::restore_case(std::int64_t allure_id) {
  // With archive-by-status, the update that follows sets the status back.
  if (config_.archive_status.empty())
    write_existing_case([&] { client_->send("POST", case_path(allure_id) + "/restore", nullptr); });
}

}  // namespace ato::remote
