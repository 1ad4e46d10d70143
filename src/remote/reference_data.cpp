#include "remote/reference_data.hpp"

#include <curl/curl.h>

#include <algorithm>

#include "remote/parallel.hpp"

namespace ato::remote {

std::string url_encode(const std::string& value) {
  char* escaped = curl_easy_escape(nullptr, value.c_str(), static_cast<int>(value.size()));
  std::string out = escaped ? escaped : "";
  curl_free(escaped);
  return out;
}

json read_page(ApiClient& client, const std::string& target, int page, int page_size) {
  const char separator = target.find('?') == std::string::npos ? '?' : '&';
  json answer = client.get(target + separator + "page=" + std::to_string(page) + "&size=" + std::to_string(page_size));
  if (!answer.is_object() || !answer.contains("content") || !answer["content"].is_array())
    throw core::RemoteError("GET " + path_of(target) + " did not answer a page (no `content` list)");
  return answer;
}

bool is_last_page(const json& page) {
  const auto it = page.find("last");
  return it == page.end() || !it->is_boolean() || it->get<bool>() || page["content"].empty();
}

std::vector<json> read_pages(ApiClient& client, const std::string& target, int page_size, int parallelism) {
  auto read = [&](int page) { return read_page(client, target, page, page_size); };
  std::vector<json> pages{read(0)};
  // The first page says how many there are: read the rest side by side.
  const auto total_pages = pages[0].find("totalPages");
  const std::int64_t total =
      total_pages != pages[0].end() && total_pages->is_number_integer() ? total_pages->get<std::int64_t>() : 1;
  if (!is_last_page(pages[0]) && total > 1 && total <= 100000) {
    pages.resize(static_cast<std::size_t>(total));
    parallel_for(pages.size() - 1, parallelism, [&](std::size_t i) { pages[i + 1] = read(static_cast<int>(i + 1)); });
  }
  // Pages that appeared meanwhile (or a server that does not count them): on, one by one.
  while (!is_last_page(pages.back())) pages.push_back(read(static_cast<int>(pages.size())));
  for (auto& page : pages) page = std::move(page["content"]);
  return pages;
}

std::vector<json> read_all_pages(ApiClient& client, const std::string& target, int page_size, int parallelism) {
  std::vector<json> out;
  for (auto& page : read_pages(client, target, page_size, parallelism))
    for (auto& item : page) out.push_back(std::move(item));
  return out;
}

core::KnownNames ReferenceData::known_names() const {
  core::KnownNames known;
  for (const auto& [name, id] : layers) known.layers.push_back(name);
  for (const auto& [name, id] : statuses) known.statuses.push_back(name);
  for (const auto& [name, id] : fields) {
    auto& list = known.custom_field_values[name];
    if (const auto it = values.find(id); it != values.end())
      for (const auto& [value, value_id] : it->second) list.push_back(value);
  }
  for (const auto& [prefix, id] : integrations) known.issue_prefixes.push_back(prefix);
  for (const auto& [name, id] : roles) known.roles.push_back(name);
  known.from_test_results = from_test_results;
  return known;
}

std::optional<std::string> ReferenceData::prefix_of(std::int64_t integration_id) const {
  for (const auto& [prefix, id] : integrations)
    if (id == integration_id) return prefix;
  return std::nullopt;
}

namespace {

// The update schema's field names (API-NOTES.md "Automated cases") that are
// fields of a case here; full_name is not one.
constexpr std::pair<const char*, core::Field> kUpdateSchemaFields[] = {
    {"name", core::Field::Name},
    {"test_layer", core::Field::Layer},
    {"description", core::Field::Description},
    {"precondition", core::Field::Precondition},
    {"expected_result", core::Field::Expected},
    {"link", core::Field::Links},
    {"tag", core::Field::Tags},
    {"issue", core::Field::Issues},
    {"member", core::Field::Members},
    {"custom_field", core::Field::CustomFields},
};

// A field without a row is the server's default, from_test_result.
std::vector<core::Field> fields_from_results(const json& rows) {
  std::vector<core::Field> out;
  for (const auto& [name, field] : kUpdateSchemaFields) {
    bool from_case = false;
    if (rows.is_array())
      for (const auto& row : rows)
        if (row.is_object() && row.value("field", "") == name && row.value("policy", "") == "from_test_case")
          from_case = true;
    if (!from_case) out.push_back(field);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

ReferenceData load_reference_data(ApiClient& client, const core::Config& config) {
  ReferenceData ref;
  if (config.project.id) {
    const json project = client.get("/project/" + std::to_string(*config.project.id));
    ref.project_id = project.value("id", *config.project.id);
  } else {
    for (const auto& p : read_all_pages(client, "/project?query=" + url_encode(config.project.name)))
      if (p.value("name", "") == config.project.name) ref.project_id = p.value("id", std::int64_t{0});
    if (!ref.project_id) throw core::RemoteError("no project named \"" + config.project.name + "\" in TestOps");
  }
  const std::string project = std::to_string(ref.project_id);

  for (const auto& layer : read_all_pages(client, "/testlayer"))
    ref.layers[layer.value("name", "")] = layer.value("id", std::int64_t{0});

  for (const auto& schema : read_all_pages(client, "/workflowschema?projectId=" + project)) {
    if (schema.value("type", "") != "manual" || !schema.contains("workflow")) continue;
    const json& workflow = schema["workflow"];
    ref.workflow_id = workflow.value("id", std::int64_t{0});
    if (workflow.contains("statuses") && workflow["statuses"].is_array() && !workflow["statuses"].empty()) {
      for (const auto& s : workflow["statuses"]) ref.statuses[s.value("name", "")] = s.value("id", std::int64_t{0});
    } else {
      for (const auto& s : read_all_pages(client, "/status?workflowId=" + std::to_string(ref.workflow_id)))
        ref.statuses[s.value("name", "")] = s.value("id", std::int64_t{0});
    }
  }

  for (const auto& link : read_all_pages(client, "/project/" + project + "/cf")) {
    if (!link.contains("customField") || !link["customField"].is_object()) continue;
    const auto id = link["customField"].value("id", std::int64_t{0});
    ref.fields[link["customField"].value("name", link.value("name", ""))] = id;
  }
  std::vector<std::int64_t> field_ids;
  for (const auto& [name, id] : ref.fields) field_ids.push_back(id);
  std::vector<std::vector<json>> field_values(field_ids.size());
  parallel_for(field_ids.size(), config.parallelism, [&](std::size_t i) {
    field_values[i] = read_all_pages(client, "/project/" + project + "/cfv?customFieldId=" + std::to_string(field_ids[i]));
  });
  for (std::size_t i = 0; i < field_ids.size(); ++i) {
    auto& values = ref.values[field_ids[i]];
    for (const auto& v : field_values[i]) values[v.value("name", "")] = v.value("id", std::int64_t{0});
  }

  if (!config.integrations.empty()) {
    const auto integrations = read_all_pages(client, "/integration");
    for (const auto& i : integrations) ref.integration_names[i.value("id", std::int64_t{0})] = i.value("name", "");
    for (const auto& [prefix, wanted] : config.integrations) {
      for (const auto& [id, name] : ref.integration_names)
        if ((wanted.id && *wanted.id == id) || (!wanted.id && wanted.name == name)) ref.integrations[prefix] = id;
    }
  }
  const json roles = client.get("/role");
  if (roles.is_array())
    for (const auto& role : roles) ref.roles[role.value("name", "")] = role.value("id", std::int64_t{0});
  ref.from_test_results = fields_from_results(client.get("/testcaseupdateschema?projectId=" + project));
  return ref;
}

}  // namespace ato::remote
