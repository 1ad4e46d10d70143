// libFuzzer: any bytes through fmt's formatter and pull's editor: a result
// or a reasoned refusal, never a crash or a hang; what fmt writes means what
// the input meant, and formatting it again changes nothing.
#include <cstdlib>

#include "io/yaml_editor.hpp"
#include "io/yaml_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  static const auto rules = ato::io::case_format_rules({"id", "name", "description", "layer", "tags", "steps"});
  try {
    const auto once = ato::io::format_yaml(text, rules);
    if (once.kept_reason.empty() && once.text != text) {
      if (!ato::io::same_yaml_meaning(text, once.text)) std::abort();
      if (ato::io::format_yaml(once.text, rules).text != once.text) std::abort();
    }
  } catch (const ato::io::YamlFormatError&) {
  }
  using ato::io::YamlValue;
  const std::vector<ato::io::KeyEdit> edits = {
      {"name", YamlValue::of_text("a\nb")},
      {"layer", YamlValue::of_text("UI")},
      {"tags", std::nullopt},
      {"steps", YamlValue::list({YamlValue::of_text("x"), YamlValue::map({{"given", YamlValue::of_text("y")}}, false)},
                                false)}};
  try {
    ato::io::edit_document_keys(text, 0, edits, {"id", "name", "layer", "tags", "steps"});
  } catch (const ato::io::YamlEditError&) {
  }
  return 0;
}
