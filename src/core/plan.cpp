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

void PlanSummary::count(Action action) { ++slot(*this, action); }
int PlanSummary::of(Action action) const { return slot(*this, action); }

PlanSummary Plan::summary() const {
  PlanSummary s;
  for (const auto& change : changes) s.count(change.action);
  return s;
}

}  // namespace ato::core
