// Test case attachments (API-NOTES.md "Test case attachments"): multipart
// uploads, the list, content download and replacement, rename, delete.
#include <algorithm>

#include "emulator/api.hpp"

namespace ato::emulator {
namespace {

// assumed (API-NOTES.md): a body over 10 MiB is refused.
constexpr std::size_t kMaxUploadBytes = 10u << 20;

Answer refused(int status, const std::string& message) { return {status, error_body(status, message)}; }

// The `file` parts of a multipart body, or the answer that refuses it.
std::optional<Answer> file_parts(const httplib::Request& req,
                                 std::vector<httplib::MultipartFormData>& parts) {
  if (!req.is_multipart_form_data()) return refused(415, "the body must be multipart/form-data");
  std::size_t total = 0;
  const auto range = req.files.equal_range("file");
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second.filename.find_first_not_of(" \t") == std::string::npos)
      throw BadRequest("every file part needs a filename");
    total += it->second.content.size();
    parts.push_back(it->second);
  }
  if (parts.empty()) throw BadRequest("no part named 'file'");
  if (total > kMaxUploadBytes) return refused(413, "the upload is larger than 10 MiB");
  return std::nullopt;
}

std::string type_of(const httplib::MultipartFormData& part) {
  return part.content_type.empty() ? "application/octet-stream" : part.content_type;
}

}  // namespace

void Api::register_attachment_routes(httplib::Server& server) {
  const std::string p = options_.prefix;
  const std::string one = p + R"(/testcase/attachment/(-?\d+))";

  const auto attachment_of = [this](const httplib::Request& req) -> StoredAttachment& {
    const auto id = std::stoll(req.matches[1]);
    const auto it = store_.attachments.find(id);
    if (it == store_.attachments.end()) throw NotFound("attachment " + std::to_string(id) + " not found");
    return it->second;
  };
  const auto case_of = [this](std::int64_t id) -> StoredCase& {
    const auto it = store_.cases.find(id);
    if (it == store_.cases.end() || it->second.deleted)
      throw NotFound("test case " + std::to_string(id) + " not found");
    return it->second;
  };

  route(server, "POST", p + "/testcase/attachment", true, [this, case_of](const httplib::Request& req) {
    auto& c = case_of(int_param(req, "testCaseId", -1));
    std::vector<httplib::MultipartFormData> parts;
    if (auto refusal = file_parts(req, parts)) return *refusal;
    json rows = json::array();
    for (const auto& part : parts) {
      StoredAttachment a{store_.new_id(), c.id, part.filename, type_of(part), part.content};
      rows.push_back(attachment_row_dto(store_.attachments[a.id] = std::move(a)));
    }
    store_.touch(c, current_user_);
    return Answer{200, rows};
  });
  route(server, "GET", p + "/testcase/attachment", false, [this](const httplib::Request& req) {
    json rows = json::array();
    for (const auto* a : store_.attachments_of(int_param(req, "testCaseId", -1)))
      rows.push_back(attachment_row_dto(*a));
    return Answer{200, page_of(rows, static_cast<int>(int_param(req, "page", 0)),
                               static_cast<int>(int_param(req, "size", 10)), faults_.settings().page_cap)};
  });
  route(server, "GET", one + "/content", false, [attachment_of](const httplib::Request& req) {
    const auto& a = attachment_of(req);
    Answer answer{200, nullptr, a.bytes, a.content_type, {}};
    const std::string disposition = req.get_param_value("inline") == "true" ? "inline" : "attachment";
    answer.headers.emplace_back("Content-Disposition", disposition + "; filename=\"" + a.name + "\"");
    return answer;
  });
  // assumed (API-NOTES.md): replacing the bytes keeps the name and does not move the case's lastModifiedDate.
  route(server, "PUT", one + "/content", true, [attachment_of](const httplib::Request& req) {
    auto& a = attachment_of(req);
    std::vector<httplib::MultipartFormData> parts;
    if (auto refusal = file_parts(req, parts)) return *refusal;
    if (parts.size() != 1) throw BadRequest("exactly one part named 'file'");
    a.bytes = parts.front().content;
    if (!parts.front().content_type.empty()) a.content_type = parts.front().content_type;
    return Answer{200, attachment_row_dto(a)};
  });
  route(server, "PATCH", one, true, [attachment_of](const httplib::Request& req) {
    auto& a = attachment_of(req);
    const json body = json::parse(req.body);
    if (!body.is_object()) throw BadRequest("the body must be a JSON object");
    if (body.contains("name") && body["name"].is_string()) a.name = body["name"].get<std::string>();
    if (body.contains("contentType") && body["contentType"].is_string())
      a.content_type = body["contentType"].get<std::string>();
    return Answer{200, attachment_row_dto(a)};
  });
  route(server, "DELETE", one, true, [this, attachment_of](const httplib::Request& req) {
    const auto& a = attachment_of(req);
    const auto it = store_.cases.find(a.case_id);
    if (it != store_.cases.end()) {
      // assumed (API-NOTES.md): refused while a step shows it.
      if (scenario_names_attachment(it->second.scenario, a.id))
        return refused(409, "attachment " + std::to_string(a.id) + " is used in the scenario");
      store_.touch(it->second, current_user_);
    }
    const auto id = a.id;
    store_.attachments.erase(id);
    return Answer{200, nullptr};
  });
}

}  // namespace ato::emulator
