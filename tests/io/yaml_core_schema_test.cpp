// Plain scalars are read as editors read them (YAML 1.2 core schema), and
// text fields reject what editors take for a number or a boolean (issue 24).
#include "io/yaml_core_schema.hpp"

#include <gtest/gtest.h>

#include "io/yaml_support.hpp"
#include "io/yaml_tree.hpp"

namespace ato::io {
namespace {

TEST(YamlCoreSchema, NumbersAndBooleansOfYaml12) {
  for (const char* text : {"42", "-7", "+3", "0o17", "0x1F", "012"})
    EXPECT_EQ(core_schema_type(text), PlainScalarType::Integer) << text;
  for (const char* text : {"1.10", "1.", ".5", "-2.5e3", "1e3", ".inf", "-.Inf", ".nan"})
    EXPECT_EQ(core_schema_type(text), PlainScalarType::Float) << text;
  for (const char* text : {"true", "False", "TRUE"})
    EXPECT_EQ(core_schema_type(text), PlainScalarType::Boolean) << text;
}

TEST(YamlCoreSchema, WhatYaml11ReadAsBooleansOrDatesIsText) {
  for (const char* text : {"yes", "no", "on", "off", "y", "2024-01-01", "1_000", "1:30", "0b101", "tRue", ".",
                           "-", "e5", "1.2.3", "0x", "v1.0", "42 ", "12abc"})
    EXPECT_EQ(core_schema_type(text), PlainScalarType::Text) << text;
}

struct Read {
  std::optional<std::string> text;
  std::optional<long long> number;
  std::string message;
};

Read read_value(const std::string& yaml) {
  YamlTree tree(yaml, YamlDocuments::First);
  const YamlNode value = tree.roots().at(0)["v"];
  DiagnosticSink sink("f.yaml");
  Read read;
  read.text = read_string(value, "v", sink);
  DiagnosticSink numbers("f.yaml");
  read.number = read_integer(value, "v", numbers);
  const auto diagnostics = sink.take();
  const auto number_diagnostics = numbers.take();
  if (!diagnostics.empty()) read.message = diagnostics[0].message;
  if (!number_diagnostics.empty()) read.message += "|" + number_diagnostics[0].message;
  return read;
}

TEST(YamlCoreSchema, AnUnquotedNumberIsNoTextAndTheMessageSaysToQuoteIt) {
  const auto read = read_value("v: 1.10\n");
  EXPECT_FALSE(read.text);
  EXPECT_EQ(read.message.substr(0, read.message.find('|')),
            "v must be a string, not the number 1.10; write \"1.10\" in quotes to mean the text");
  EXPECT_EQ(read_value("v: true\n").message.substr(0, 28), "v must be a string, not the ");
  EXPECT_NE(read_value("v: true\n").message.find("boolean true"), std::string::npos);
}

TEST(YamlCoreSchema, QuotedBlockAndYaml11WordsAreText) {
  EXPECT_EQ(read_value("v: \"42\"\n").text, "42");
  EXPECT_EQ(read_value("v: '1.10'\n").text, "1.10");
  EXPECT_EQ(read_value("v: |\n  42\n").text, "42\n");
  EXPECT_EQ(read_value("v: yes\n").text, "yes");
}

TEST(YamlCoreSchema, AWholeNumberIsWrittenBareAndAQuotedOneIsText) {
  EXPECT_EQ(read_value("v: 12\n").number, 12);
  const auto quoted = read_value("v: '12'\n");
  EXPECT_FALSE(quoted.number);
  EXPECT_EQ(quoted.message, "|v must be a whole number, not the string \"12\"; write it without quotes");
}

}  // namespace
}  // namespace ato::io
