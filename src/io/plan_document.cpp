#include "io/plan_document.hpp"

#include <stdexcept>

#include "core/case_fields.hpp"
#include "core/permalink.hpp"
#include "io/case_json.hpp"

namespace ato::io {
namespace {

using PlanJson = nlohmann::ordered_json;



constexpr std::pair<core::NoteReason, std::string_view> kNoteReasons[] = {
    {core::NoteReason::LeftToResults, "left_to_results"},
    {core::NoteReason::NotManaged, "not_managed"},
    {core::NoteReason::KeptInUse, "kept_in_use"},
};

std::string_view note_reason_name(core::NoteReason reason) {
  for (const auto& [r, name] : kNoteReasons)
    if (r == reason) return name;
  return "";
}

core::NoteReason parse_note_reason(const std::string& name, const std::string& path) {
  for (const auto& [r, text] : kNoteReasons)
    if (text == name) return r;
  throw std::runtime_error(path + ": unknown note reason \"" + name + "\"");
}

bool looks_like_yaml(const std::string& path) {
  for (const std::string ext : {".yaml", ".yml"})
    if (path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0) return true;
  return false;
}

}  // namespace

std::string encode_plan(const SavedPlan& saved) {
  const auto s = saved.plan.summary();
  PlanJson summary = PlanJson::object();
  for (const auto action : core::kAllActions) summary[std::string(core::action_name(action))] = s.of(action);
  PlanJson changes = PlanJson::array();
  for (const auto& c : saved.plan.changes) {
    PlanJson fields = PlanJson::array();
    for (const auto f : c.diff)
      fields.push_back({{"name", std::string(core::field_name(f))}, {"before", field_to_json(f, c.before)}, {"after", field_to_json(f, c.after)}});
    PlanJson writes = PlanJson::array();
    for (const auto f : c.writes) writes.push_back(std::string(core::field_name(f)));
    changes.push_back({{"kind", std::string(core::kind_name(c.kind))},
                       {"external_id", c.external_id},
                       {"allure_id", c.allure_id ? PlanJson(*c.allure_id) : PlanJson()},
                       {"action", std::string(core::action_name(c.action))},
                       {"reason", c.reason},
                       {"permalink", c.allure_id && c.kind == core::Kind::Case ? PlanJson(core::case_permalink(saved.endpoint, saved.project_id, *c.allure_id)) : PlanJson()},
                       {"remote_last_modified", c.remote_last_modified},
                       {"last_modified_by", c.last_modified_by},
                       {"source", {{"file", c.source.file}, {"line", c.source.line}, {"column", c.source.column}}},
                       {"fields", fields},
                       {"writes", writes},
                       {"before", content_to_json(c.before, c.kind)},
                       {"after", content_to_json(c.after, c.kind)}});
  }
  PlanJson new_values = PlanJson::array();
  for (const auto& v : saved.plan.new_field_values) new_values.push_back({{"field", v.field}, {"value", v.value}});
  PlanJson notes = PlanJson::array();
  for (const auto& n : saved.plan.notes) {
    PlanJson fields = PlanJson::array();
    for (const auto f : n.left_to_results) fields.push_back(std::string(core::field_name(f)));
    notes.push_back({{"kind", std::string(core::kind_name(n.kind))}, {"reason", std::string(note_reason_name(n.reason))},
                     {"external_id", n.external_id}, {"allure_id", n.allure_id},
                     {"automated", n.reason == core::NoteReason::LeftToResults}, {"left_to_results", fields},
                     {"used_by", n.used_by}});
  }
  PlanJson shared_step_ids = PlanJson::object();
  for (const auto& [id, allure_id] : saved.plan.shared_step_ids) shared_step_ids[id] = allure_id;
  const PlanJson doc = {{"format_version", kPlanFormatVersion},
                    {"tool_version", saved.tool_version},
                    {"endpoint", saved.endpoint},
                    {"project_id", saved.project_id},
                    {"created_at", saved.created_at},
                    {"summary", summary},
                    {"new_field_values", new_values},
                    {"shared_step_ids", shared_step_ids},
                    {"notes", notes},
                    {"changes", changes}};
  // Remote text is not checked as YAML text is: invalid UTF-8 from TestOps
  // shows as U+FFFD rather than failing the whole plan.
  return doc.dump(2, ' ', false, PlanJson::error_handler_t::replace) + "\n";
}

SavedPlan decode_plan(const std::string& text, const std::string& path) {
  const PlanJson doc = PlanJson::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    // Never suggest `plan -out` over this path: it may be a case file (`show cases/x.yaml`).
    throw std::runtime_error(path + ": not a saved plan (not a JSON object" +
                             std::string(looks_like_yaml(path) ? "; it looks like a case file" : "") +
                             "); save a plan with `ato-sync plan -out plan.json` and show that file");
  try {
    const std::string version = doc.at("format_version").get<std::string>();
    // 1.0 has no kinds (every change is a case) and one field list that
    // meant both what differs and what apply writes.
    const bool version_1_0 = version == "1.0";
    if (version.rfind("1.", 0) != 0)
      throw std::runtime_error(path + ": plan format_version " + version + " is not supported; this ato-sync reads 1.x");
    SavedPlan saved;
    doc.at("tool_version").get_to(saved.tool_version);
    doc.at("endpoint").get_to(saved.endpoint);
    doc.at("project_id").get_to(saved.project_id);
    saved.created_at = doc.value("created_at", "");
    for (const auto& v : doc.at("new_field_values"))
      saved.plan.new_field_values.push_back({v.at("field").get<std::string>(), v.at("value").get<std::string>()});
    // 1.2 adds shared steps (their ids) and notes.
    if (doc.contains("shared_step_ids"))
      for (const auto& [id, allure_id] : doc.at("shared_step_ids").items())
        saved.plan.shared_step_ids[id] = allure_id.get<std::int64_t>();
    if (doc.contains("notes"))
      for (const auto& n : doc.at("notes")) {
        core::PlanNote note{n.at("external_id").get<std::string>(), n.at("allure_id").get<std::int64_t>(), {}};
        for (const auto& f : n.at("left_to_results")) {
          const auto field = core::parse_field(f.get<std::string>());
          if (!field) throw std::runtime_error(path + ": unknown field \"" + f.get<std::string>() + "\"");
          note.left_to_results.push_back(*field);
        }
        if (n.contains("kind")) {
          const auto kind = core::parse_kind(n.at("kind").get<std::string>());
          if (!kind) throw std::runtime_error(path + ": unknown kind \"" + n.at("kind").get<std::string>() + "\"");
          note.kind = *kind;
        }
        if (n.contains("reason")) note.reason = parse_note_reason(n.at("reason").get<std::string>(), path);
        note.used_by = n.value("used_by", 0);
        saved.plan.notes.push_back(std::move(note));
      }
    for (const auto& j : doc.at("changes")) {
      core::Change c;
      const auto action = core::parse_action(j.at("action").get<std::string>());
      if (!action) throw std::runtime_error(path + ": unknown action \"" + j.at("action").get<std::string>() + "\"");
      c.action = *action;
      if (!version_1_0) {
        const auto kind = core::parse_kind(j.at("kind").get<std::string>());
        if (!kind) throw std::runtime_error(path + ": unknown kind \"" + j.at("kind").get<std::string>() + "\"");
        c.kind = *kind;
      }
      c.external_id = j.at("external_id").get<std::string>();
      if (!j.at("allure_id").is_null()) c.allure_id = j.at("allure_id").get<std::int64_t>();
      c.reason = j.at("reason").get<std::string>();
      c.remote_last_modified = j.at("remote_last_modified").get<std::int64_t>();
      c.last_modified_by = j.at("last_modified_by").get<std::string>();
      const auto& source = j.at("source");
      c.source = {source.at("file").get<std::string>(), source.at("line").get<int>(), source.at("column").get<int>()};
      const auto field_named = [&](const std::string& name) {
        const auto field = core::parse_field(name);
        if (!field) throw std::runtime_error(path + ": unknown field \"" + name + "\"");
        return *field;
      };
      for (const auto& f : j.at("fields")) c.diff.push_back(field_named(f.at("name").get<std::string>()));
      if (version_1_0) c.writes = c.diff;
      else
        for (const auto& name : j.at("writes")) c.writes.push_back(field_named(name.get<std::string>()));
      c.before = content_from_json(j.at("before"), c.kind);
      c.after = content_from_json(j.at("after"), c.kind);
      if (c.action != core::Action::Create && !c.allure_id)
        throw std::runtime_error(path + ": change for \"" + c.external_id + "\" has no allure_id");
      saved.plan.changes.push_back(std::move(c));
    }
    return saved;
  } catch (const PlanJson::exception& e) {
    throw std::runtime_error(path + ": damaged saved plan: " + e.what());
  }
}

}  // namespace ato::io
