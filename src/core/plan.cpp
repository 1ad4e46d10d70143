#include "core/plan.hpp"

namespace ato::core {
namespace {
constexpr std::pair<Action, std::string_view> kActionNames[] = {
    {Action::Create, "create"}, {Action::Update, "update"}, {Action::Archive, "archive"},
    {Action::Restore, "restore"}, {Action::Adopt, "adopt"},
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

PlanSummary Plan::summary() const {
  PlanSummary s;
  for (const auto& change : changes) {
    switch (change.action) {
      case Action::Create: ++s.create; break;
      case Action::Update: ++s.update; break;
      case Action::Archive: ++s.archive; break;
      case Action::Restore: ++s.restore; break;
      case Action::Adopt: ++s.adopt; break;
    }
  }
  return s;
}

}  // namespace ato::core
