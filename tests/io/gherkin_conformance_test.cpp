// Conformance of the Gherkin reader with Cucumber's reference parser, over
// its test data in ../shared/gherkin (SPEC.md §1.6): every good file gives
// the reference AST, every bad file the reference errors at their places.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/gherkin/parser.hpp"
#include "io/gherkin_json.hpp"

namespace ato::io::gherkin {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Reference files the reader does not match yet, with the reason. Empty:
// every file of the data conforms.
const std::map<std::string, std::string> kKnownGaps = {};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<json> read_ndjson(const fs::path& path) {
  std::vector<json> messages;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) messages.push_back(json::parse(line));
  return messages;
}

std::vector<fs::path> feature_files(const std::string& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(ATO_GHERKIN_DATA) / folder))
    if (entry.path().extension() == ".feature") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string name_of(const fs::path& file) { return file.filename().string(); }

TEST(GherkinConformance, TheReferenceDataIsThere) {
  EXPECT_GE(feature_files("good").size(), 30u) << ATO_GHERKIN_DATA;
  EXPECT_GE(feature_files("bad").size(), 5u) << ATO_GHERKIN_DATA;
}

TEST(GherkinConformance, EveryGoodFileParsesToTheReferenceAst) {
  for (const auto& file : feature_files("good")) {
    if (kKnownGaps.count(name_of(file))) continue;
    SCOPED_TRACE(name_of(file));
    const auto result = parse(read_file(file));
    for (const auto& error : result.errors)
      ADD_FAILURE() << error.location.line << ":" << error.location.column << ": " << error.message;
    const auto reference = read_ndjson(file.string() + ".ast.ndjson");
    ASSERT_EQ(reference.size(), 1u);
    const json expected = test::without_ids(reference[0]);
    const json actual = test::document_json(result.document);
    EXPECT_EQ(actual, expected) << "diff (reference -> ours): " << json::diff(expected, actual).dump(1);
  }
}

TEST(GherkinConformance, EveryBadFileFailsWithTheReferenceErrors) {
  for (const auto& file : feature_files("bad")) {
    if (kKnownGaps.count(name_of(file))) continue;
    SCOPED_TRACE(name_of(file));
    const auto result = parse(read_file(file));
    std::vector<std::string> expected, actual;
    for (const auto& message : read_ndjson(file.string() + ".errors.ndjson")) {
      const auto& error = message.at("parseError");
      const auto& at = error.at("source").at("location");
      expected.push_back(std::to_string(at.at("line").get<int>()) + ":" +
                         std::to_string(at.value("column", 0)) + " " +
                         error.at("message").get<std::string>());
    }
    for (const auto& error : result.errors) {
      const std::string place =
          std::to_string(error.location.line) + ":" + std::to_string(error.location.column);
      // The reference message starts with its place: "(2:1): expected: ..."
      actual.push_back(place + " (" + place + "): " + error.message);
    }
    EXPECT_EQ(actual, expected);
  }
}

}  // namespace
}  // namespace ato::io::gherkin
