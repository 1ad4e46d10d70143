// Shared steps: listing (search, archived), create, read, rename, archive and
// unarchive, scenario, usage and delete (API-NOTES.md "Shared steps").
#include <algorithm>
#include <cctype>

#include "emulator/api.hpp"
#include "emulator/shared_step_dto.hpp"

namespace ato::emulator {
namespace {

std::string folded_case(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return s;
}

// `name` of a create or patch body: a non-empty string.
std::string shared_step_name(const json& body) {
  const auto name = body.find("name");
  if (name == body.end() || !name->is_string() || name->get<std::string>().empty())
    throw BadRequest("name must be a non-empty string");
  return name->get<std::string>();
}

bool sorted_by_id_descending(const httplib::Request& req) {
  for (std::size_t i = 0; i < req.get_param_value_count("sort"); ++i)
    if (folded_case(req.get_param_value("sort", i)) == "id,desc") return true;
  return false;
}

}  // namespace

StoredSharedStep& Api::shared_step(const httplib::Request& req) {
  const auto id = std::stoll(req.matches[1]);
  const auto it = store_.shared_steps.find(id);
  if (it == store_.shared_steps.end()) throw NotFound("shared step " + std::to_string(id) + " not found");
  return it->second;
}

void Api::register_shared_step_routes(httplib::Server& server) {
  const std::string p = options_.prefix;
  const std::string one = p + R"(/sharedstep/(\d+))";
  const auto page = [this](const httplib::Request& req, std::size_t count,
                           const std::function<json(std::size_t)>& item) {
    return page_of(count, static_cast<int>(int_param(req, "page", 0)),
                   static_cast<int>(int_param(req, "size", 10)), faults_.settings().page_cap, item);
  };

  route(server, "GET", p + "/sharedstep", false, [this, page](const httplib::Request& req) {
    if (int_param(req, "projectId", -1) != store_.project.id)
      throw BadRequest("projectId is required and must be a known project");
    const bool archived = req.get_param_value("archived") == "true";  // absent: the live ones only
    const std::string search = folded_case(req.get_param_value("search"));
    std::vector<const StoredSharedStep*> matching;
    for (const auto& [id, s] : store_.shared_steps)
      if (s.archived == archived && folded_case(s.name).find(search) != std::string::npos)
        matching.push_back(&s);
    if (sorted_by_id_descending(req)) std::reverse(matching.begin(), matching.end());
    return Answer{200, page(req, matching.size(),
                            [&](std::size_t i) { return shared_step_dto(store_, *matching[i]); })};
  });
  route(server, "POST", p + "/sharedstep", true, [this](const httplib::Request& req) {
    const json body = json::parse(req.body);
    require_project(store_, body);
    StoredSharedStep s;
    s.id = store_.new_id();
    s.project_id = store_.project.id;
    s.name = shared_step_name(body);
    store_.stamp_new(s, current_user_);
    auto& stored = store_.shared_steps[s.id] = std::move(s);
    return Answer{200, shared_step_dto(store_, stored)};
  });
  route(server, "GET", one, false, [this](const httplib::Request& req) {
    return Answer{200, shared_step_dto(store_, shared_step(req))};
  });
  route(server, "PATCH", one, true, [this](const httplib::Request& req) {
    auto& s = shared_step(req);
    const json body = json::parse(req.body);
    if (!body.is_object()) throw BadRequest("the body must be a JSON object");
    if (body.contains("name") && !body["name"].is_null()) s.name = shared_step_name(body);
    store_.touch(s, current_user_);
    return Answer{200, shared_step_dto(store_, s)};
  });
  route(server, "DELETE", one, true, [this](const httplib::Request& req) {
    const auto& s = shared_step(req);
    if (const auto users = cases_using(store_, s.id, true); !users.empty())
      throw Conflict("shared step " + std::to_string(s.id) + " is used by " + std::to_string(users.size()) +
                     " test case(s); archive it instead");
    store_.shared_steps.erase(s.id);
    return Answer{202, nullptr};
  });
  for (const auto& [action, archived] : {std::pair{"archive", true}, std::pair{"unarchive", false}})
    route(server, "POST", one + "/" + action, true, [this, archived = archived](const httplib::Request& req) {
      auto& s = shared_step(req);
      s.archived = archived;
      store_.touch(s, current_user_);
      return Answer{202, nullptr};
    });
  route(server, "POST", one + "/scenario", true, [this](const httplib::Request& req) {
    auto& s = shared_step(req);
    s.steps = parse_typed_scenario(json::parse(req.body), store_, 0, ScenarioOwner::SharedStep);
    store_.touch(s, current_user_);
    return Answer{200, shared_step_normalized_dto(store_, s)};
  });
  route(server, "DELETE", one + "/scenario", true, [this](const httplib::Request& req) {
    auto& s = shared_step(req);
    s.steps.clear();
    store_.touch(s, current_user_);
    return Answer{200, nullptr};
  });
  route(server, "GET", one + "/step", false, [this](const httplib::Request& req) {
    return Answer{200, shared_step_normalized_dto(store_, shared_step(req))};
  });
  route(server, "GET", one + "/usage", false, [this, page](const httplib::Request& req) {
    const auto users = cases_using(store_, shared_step(req).id, false);
    return Answer{200,
                  page(req, users.size(), [&](std::size_t i) { return case_row_dto(store_, *users[i]); })};
  });
}

}  // namespace ato::emulator
