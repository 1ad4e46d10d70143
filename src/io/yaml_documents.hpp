#pragma once
// Each YAML document of a file through a reader, for the files whose every
// document is one resource (case, shared step and test plan files).
#include <yaml-cpp/exceptions.h>

#include <string>
#include <vector>

#include "io/text_checks.hpp"
#include "io/yaml_support.hpp"

namespace ato::io {

// `read(doc, sink)` answers an optional item; the items land in `out`, in
// document order, and the problems are returned.
template <class Item, class ReadDocument>
core::Diagnostics read_yaml_documents(std::string text, const std::string& file, std::vector<Item>& out,
                                      ReadDocument read) {
  DiagnosticSink sink(file);
  if (auto problem = find_text_problem(text)) {
    sink.error(core::SourceLocation{sink.file(), problem->line, problem->column}, problem->message);
    return sink.take();
  }
  try {
    const YamlTree tree(std::move(text), YamlDocuments::All);
    report_duplicate_keys(tree, sink);
    for (const auto& doc : tree.roots()) {
      if (doc.IsNull()) continue;  // an empty document between two `---`
      if (auto item = read(doc, sink)) out.push_back(std::move(*item));
    }
  } catch (const YAML::Exception& e) {
    sink.error(sink.at(e.mark), "YAML syntax error: " + e.msg);
  }
  return sink.take();
}

}  // namespace ato::io
