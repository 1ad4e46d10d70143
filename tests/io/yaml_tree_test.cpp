#include "io/yaml_tree.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/exceptions.h>

namespace ato::io {
namespace {

TEST(YamlTree, MapsKeepTheirOrderAndMarks) {
  const YamlTree tree("id: a\nname: A\nsteps:\n  - one\n  - two\n", YamlDocuments::All);
  const auto roots = tree.roots();
  ASSERT_EQ(roots.size(), 1u);
  const YamlNode doc = roots[0];
  ASSERT_TRUE(doc.IsMap());
  ASSERT_EQ(doc.size(), 3u);
  std::vector<std::string> keys;
  for (const auto& entry : doc) keys.push_back(entry.first.Scalar());
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "name", "steps"}));
  EXPECT_EQ(doc["name"].Scalar(), "A");
  EXPECT_EQ(doc["name"].Mark().line, 1);  // 0-based, as yaml-cpp's marks
  EXPECT_EQ(doc["steps"][1].Scalar(), "two");
  EXPECT_EQ(doc["steps"][1].Mark().column, 4);
}

TEST(YamlTree, MissingKeysAndItemsAreUndefined) {
  const YamlTree tree("a: [1]\n", YamlDocuments::All);
  const YamlNode doc = tree.roots()[0];
  EXPECT_FALSE(doc["nope"]);
  EXPECT_FALSE(doc["a"][5]);
  EXPECT_FALSE(doc["a"]["key of a sequence"]);
}

TEST(YamlTree, EveryDocumentOrOnlyTheFirst) {
  const std::string text = "id: a\n---\nid: b\n---\n";
  EXPECT_EQ(YamlTree(text, YamlDocuments::All).roots().size(), 3u);  // the last one empty, Null
  EXPECT_TRUE(YamlTree(text, YamlDocuments::All).roots()[2].IsNull());
  const YamlTree first(text, YamlDocuments::First);
  ASSERT_EQ(first.roots().size(), 1u);
  EXPECT_EQ(first.roots()[0]["id"].Scalar(), "a");
  EXPECT_TRUE(YamlTree("", YamlDocuments::First).roots()[0].IsNull());
}

TEST(YamlTree, PlainScalarsAreToldApartFromQuotedAndBlockOnes) {
  const YamlTree tree("a: 42\nb: \"42\"\nc: |\n  42\nd: !!str 42\n", YamlDocuments::All);
  const YamlNode doc = tree.roots()[0];
  EXPECT_TRUE(doc["a"].IsPlainScalar());
  EXPECT_FALSE(doc["b"].IsPlainScalar());
  EXPECT_FALSE(doc["c"].IsPlainScalar());
  EXPECT_FALSE(doc["d"].IsPlainScalar());
}

TEST(YamlTree, AnAliasSharesTheAnchoredNode) {
  const YamlTree tree("base: &b {x: 1}\ncopy: *b\n", YamlDocuments::All);
  const YamlNode doc = tree.roots()[0];
  EXPECT_EQ(doc["copy"]["x"].Scalar(), "1");
  EXPECT_EQ(doc["copy"].Mark().line, doc["base"].Mark().line);
}

TEST(YamlTree, DuplicateKeysAreListedWithBothPlaces) {
  const YamlTree tree("name: A\nid: a\nname: B\n", YamlDocuments::All);
  ASSERT_EQ(tree.duplicate_keys().size(), 1u);
  const auto& dup = tree.duplicate_keys()[0];
  EXPECT_EQ(dup.key, "name");
  EXPECT_EQ(dup.first.line, 0);
  EXPECT_EQ(dup.second.line, 2);
  EXPECT_EQ(tree.roots()[0]["name"].Scalar(), "A");  // the first pair, as YAML::Node answers
}

TEST(YamlTree, SyntaxErrorsThrowWithTheirPlace) {
  try {
    YamlTree tree("a: [1, 2\n", YamlDocuments::All);
    FAIL() << "no error";
  } catch (const YAML::ParserException& e) {
    EXPECT_GE(e.mark.line, 0);
  }
}

}  // namespace
}  // namespace ato::io
