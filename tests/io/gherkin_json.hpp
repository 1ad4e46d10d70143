#pragma once
// The reader's Document in the shape of Cucumber's GherkinDocument message,
// so conformance tests compare it with the reference .ast.ndjson as a whole.
#include <nlohmann/json.hpp>

#include "io/gherkin/ast.hpp"

namespace ato::io::gherkin::test {

nlohmann::json document_json(const Document& document);
// The reference message without what the reader does not produce: ids
// (counters of the reference implementation) and the uri.
nlohmann::json without_ids(nlohmann::json message);

}  // namespace ato::io::gherkin::test
