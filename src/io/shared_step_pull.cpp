#include "io/shared_step_pull.hpp"

#include "core/case_fields.hpp"
#include "core/shared_step.hpp"
#include "io/case_writer.hpp"

namespace ato::io {

std::vector<std::string> shared_step_key_order() { return {"id", "name", "allure_id", "steps"}; }

PulledCase pull_shared_step(const std::string& text, const std::string& file,
                            const core::DesiredSharedStep& desired, const core::CaseContent& remote,
                            const std::vector<core::Field>& fields, const core::Config& config) {
  for (const auto& step : remote.steps)
    if (step.uses_shared_step())
      throw PullError(file + ": shared step " + desired.external_id +
                      " holds a shared step in TestOps, which a shared step file cannot say");
  DocumentPull how;
  how.kind_label = "shared step";
  how.key_order = shared_step_key_order();
  how.entries = shared_step_yaml_entries({desired.external_id, desired.allure_id, remote});
  for (const auto field : fields) how.keys.emplace_back(core::field_name(field));
  how.parse = &parse_shared_step_file;
  how.fields = core::shared_step_fields();
  return pull_document(text, file, desired, remote, fields, config, how);
}

}  // namespace ato::io
