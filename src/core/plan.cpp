#include "core/plan.hpp"

namespace ato::core {
namespace {
constexpr std::pair<Action, std::string_view> kActionNames[] = {
    {Action::Create, "create"}, {Action::Update, "update"}, {Action::Archive, "archive"},
    {Action::Restore, "restore"}, {Action::Adopt, "adopt"}, {Action::Delete, "delete"},
};
}  // namespace

std::string_view action_name(Action action) {
  for (const auto& [a, name] : kActionNames)
    if (a == action) return name;
  return "";
}

std::optional<Action> parse_action(std::string_view name) {
  for (const auto& [a, action_text] : kActionNames)
    if (action_text == name) return a;
  return std::nullopt;
}

namespace {
template <class Summary>
auto& slot(Summary& s, Action action) {
  switch (action) {
    case Action::Create: return s.create;
    case Action::Update: return s.update;
    case Action::Archive: return s.archive;
    case Action::Restore: return s.restore;
    case Action::Adopt: return s.adopt;
    case Action::Delete: return s.deleted;
  }
  return s.create;
}
}  // namespace

Change removal_change(Kind kind, Action action, std::string external_id, std::string reason,
                      const CaseContent& content, const RemoteOrigin& origin) {
  Change c;
  c.kind = kind;
  c.action = action;
  c.external_id = std::move(external_id);
  c.allure_id = origin.allure_id;
  c.reason = std::move(reason);
  c.before = content;
  c.after = content;
  c.remote_last_modified = origin.last_modified;
  c.last_modified_by = origin.last_modified_by;
  return c;
}

void PlanSummary::count(Action action) { ++slot(*this, action); }
int PlanSummary::of(Action action) const { return slot(*this, action); }

PlanSummary Plan::summary() const {
  PlanSummary s;
  for (const auto& change : changes) s.count(change.action);
  return s;
}

}  // namespace ato::core
