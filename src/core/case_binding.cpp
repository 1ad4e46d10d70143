#include "core/case_binding.hpp"

namespace ato::core {
std::vector<Binding> bind_cases(const std::vector<const DesiredCase*>& desired, const RemoteIndex& index,
                                Diagnostics& errors) {
  std::vector<Binding> out;
  out.reserve(desired.size());
  for (const DesiredCase* d : desired) {
    const auto twin = index.by_identity.find(d->external_id);
    const RemoteCase* managed = twin == index.by_identity.end() ? nullptr : twin->second;
    if (!d->allure_id) {
      out.push_back({d, managed, managed ? BindingKind::Existing : BindingKind::Create});
      continue;
    }
    auto error = [&](std::string message) {
      errors.push_back({Severity::Error, d->allure_id_place(), std::move(message), ""});
    };
    const std::string allure_id = "allure_id " + std::to_string(*d->allure_id);
    const auto bound = index.by_allure_id.find(*d->allure_id);
    if (bound == index.by_allure_id.end()) {
      error(allure_id + " does not exist in TestOps");
    } else if (const RemoteCase* r = bound->second; r->external_id == d->external_id) {
      out.push_back({d, r, BindingKind::Existing});
    } else if (!r->external_id.empty()) {
      error(allure_id + " belongs to \"" + r->external_id + "\" already");
    } else if (managed) {
      error("\"" + d->external_id + "\" is already managed as " + ato_label(managed->allure_id) + "; remove " + allure_id);
    } else {
      out.push_back({d, r, BindingKind::Adopt});
    }
  }
  return out;
}

}  // namespace ato::core
