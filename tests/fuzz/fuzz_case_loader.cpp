// libFuzzer: any bytes as a case file must give diagnostics, never a crash or a hang.
#include <yaml-cpp/exceptions.h>

#include "io/case_parser.hpp"
#include "io/text_checks.hpp"
#include "io/yaml_tree.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (ato::io::find_text_problem(text)) return 0;
  ato::core::Config config;
  config.integrations["JIRA"] = {1, ""};
  ato::io::DiagnosticSink sink("fuzz.yaml");
  try {
    const ato::io::YamlTree tree(text, ato::io::YamlDocuments::All);
    for (const auto& document : tree.roots())
      if (!document.IsNull()) ato::io::parse_case(document, config, sink);
  } catch (const YAML::Exception&) {
  }
  return 0;
}
