// Reference data: project, layers, workflow and statuses, custom fields and
// their values, integrations.
#include "emulator/api.hpp"

namespace ato::emulator {
namespace {

json named(const NamedItem& item) { return {{"id", item.id}, {"name", item.name}}; }

int page_param(const httplib::Request& req) { return static_cast<int>(int_param(req, "page", 0)); }
int size_param(const httplib::Request& req) { return static_cast<int>(int_param(req, "size", 10)); }

}  // namespace

void Api::register_reference_routes(httplib::Server& server) {
  const std::string p = options_.prefix;
  auto cap = [this] { return faults_.settings().page_cap; };
  auto project_dto = [this] {
    return json{{"id", store_.project.id}, {"name", store_.project.name}, {"isPublic", false},
                {"abbreviation", nullptr}};
  };
  auto check_project = [this](std::int64_t id) {
    if (id != store_.project.id) throw NotFound("project " + std::to_string(id) + " not found");
  };

  route(server, "GET", p + R"(/project/(-?\d+))", false, [=, this](const httplib::Request& req) {
    check_project(std::stoll(req.matches[1]));
    return Answer{200, project_dto()};
  });
  route(server, "GET", p + "/project", false, [=, this](const httplib::Request& req) {
    json items = json::array();
    const std::string query = req.get_param_value("query");
    if (store_.project.name.find(query) != std::string::npos) items.push_back(project_dto());
    return Answer{200, page_of(items, page_param(req), size_param(req), cap())};
  });
  route(server, "GET", p + "/testlayer", false, [=, this](const httplib::Request& req) {
    json items = json::array();
    for (const auto& layer : store_.layers) items.push_back(named(layer));
    return Answer{200, page_of(items, page_param(req), size_param(req), cap())};
  });
  route(server, "GET", p + "/workflowschema", false, [=, this](const httplib::Request& req) {
    check_project(int_param(req, "projectId", store_.project.id));
    json statuses = json::array();
    for (const auto& s : store_.statuses) statuses.push_back(named(s));
    json items = json::array();
    items.push_back({{"id", 1}, {"projectId", store_.project.id}, {"type", "manual"},
                     {"workflow", {{"id", store_.workflow.id}, {"name", store_.workflow.name}, {"statuses", statuses}}}});
    items.push_back({{"id", 2}, {"projectId", store_.project.id}, {"type", "automated"},
                     {"workflow", {{"id", store_.automated_workflow.id}, {"name", store_.automated_workflow.name},
                                   {"statuses", statuses}}}});
    return Answer{200, page_of(items, page_param(req), size_param(req), cap())};
  });
  route(server, "GET", p + "/status", false, [=, this](const httplib::Request& req) {
    const auto workflow = int_param(req, "workflowId", 0);
    json items = json::array();
    if (workflow == store_.workflow.id || workflow == store_.automated_workflow.id)
      for (const auto& s : store_.statuses) items.push_back({{"id", s.id}, {"name", s.name}, {"color", "#999999"}});
    return Answer{200, page_of(items, page_param(req), size_param(req), cap())};
  });
  route(server, "GET", p + R"(/project/(-?\d+)/cf)", false, [=, this](const httplib::Request& req) {
    check_project(std::stoll(req.matches[1]));
    json items = json::array();
    for (const auto& f : store_.fields)
      items.push_back({{"id", f.project_link}, {"projectId", store_.project.id}, {"name", f.name},
                       {"required", false}, {"singleSelect", false}, {"locked", false},
                       {"customField", {{"id", f.id}, {"name", f.name}, {"singleSelect", false}}}});
    return Answer{200, page_of(items, page_param(req), size_param(req), cap())};
  });
  route(server, "GET", p + R"(/project/(-?\d+)/cfv)", false, [=, this](const httplib::Request& req) {
    check_project(std::stoll(req.matches[1]));
    const auto field = int_param(req, "customFieldId", 0);
    if (!store_.field(field)) throw BadRequest("customFieldId " + std::to_string(field) + " is not a custom field");
    json items = json::array();
    for (const auto& v : store_.values)
      if (v.field_id == field) items.push_back({{"id", v.id}, {"name", v.name}});
    return Answer{200, page_of(items, page_param(req), size_param(req), cap())};
  });
  route(server, "POST", p + R"(/project/(-?\d+)/cfv)", true, [=, this](const httplib::Request& req) {
    check_project(std::stoll(req.matches[1]));
    const json body = json::parse(req.body);
    const auto field = body.at("customField").at("id").get<std::int64_t>();
    const auto name = body.at("name").get<std::string>();
    if (!store_.field(field)) throw BadRequest("custom field " + std::to_string(field) + " does not exist");
    if (name.empty()) throw BadRequest("a custom field value needs a name");
    for (const auto& v : store_.values)
      if (v.field_id == field && v.name == name)
        return Answer{409, {{"status", 409}, {"message", "value '" + name + "' already exists"}}};
    CustomFieldValue value{store_.new_id(), field, name};
    store_.values.push_back(value);
    return Answer{200, {{"id", value.id}, {"name", value.name}, {"customField", {{"id", field}}}}};
  });
  route(server, "GET", p + "/integration", false, [=, this](const httplib::Request& req) {
    json items = json::array();
    for (const auto& i : store_.integrations)
      items.push_back({{"id", i.id}, {"name", i.name}, {"info", {{"type", i.type}, {"name", i.name}}}});
    return Answer{200, page_of(items, page_param(req), size_param(req), cap())};
  });
}

}  // namespace ato::emulator
