#pragma once
// YAML documents as a compact tree, built from yaml-cpp's parser events.
//
// It is the tree YAML::Load builds (same node types, marks and map order,
// duplicate keys kept and listed, an alias shares the anchored node, even one
// that contains itself), held in two flat arrays instead of one reference-counted
// heap node per value: building, reading and dropping YAML::Node trees was a
// fifth of `validate`'s CPU time. YamlNode offers the part of YAML::Node's
// interface the readers use, under the same names, with the same meaning.
#include <yaml-cpp/mark.h>
#include <yaml-cpp/node/type.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ato::io {

class YamlTree;
struct YamlEntry;

// A handle on one node of a YamlTree (which must outlive it). A default one is
// undefined, like YAML::Node's answer for a missing key: only `operator bool`
// may be asked of it.
class YamlNode {
 public:
  YamlNode() = default;
  YamlNode(const YamlTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

  explicit operator bool() const { return tree_ != nullptr; }
  YAML::NodeType::value Type() const;
  bool IsNull() const { return Type() == YAML::NodeType::Null; }
  bool IsScalar() const { return Type() == YAML::NodeType::Scalar; }
  bool IsSequence() const { return Type() == YAML::NodeType::Sequence; }
  bool IsMap() const { return Type() == YAML::NodeType::Map; }
  const std::string& Scalar() const;  // empty unless a scalar
  // A scalar written without quotes, block indicator or tag (`42`, not
  // `"42"`, `|` or `!!str 42`): the YAML core schema may read it as a
  // number or a boolean (io/yaml_core_schema.hpp).
  bool IsPlainScalar() const;
  const YAML::Mark& Mark() const;

  // Items of a sequence, pairs of a map, else 0.
  std::size_t size() const;
  // The i-th item of a sequence; undefined past the end or when not a sequence.
  YamlNode operator[](std::size_t i) const;
  // The value of the first pair whose key is a scalar equal to `key`;
  // undefined when there is none or when not a map.
  YamlNode operator[](std::string_view key) const;
  YamlNode operator[](const char* key) const { return (*this)[std::string_view(key)]; }
  YamlNode operator[](const std::string& key) const { return (*this)[std::string_view(key)]; }

  // Iterates the pairs of a map (nothing for other nodes).
  class Iterator;
  Iterator begin() const;
  Iterator end() const;

 private:
  const YamlTree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

struct YamlEntry {
  YamlNode first;   // the key
  YamlNode second;  // the value
};

class YamlNode::Iterator {
 public:
  Iterator(const YamlTree* tree, const std::uint32_t* at) : tree_(tree), at_(at) {}
  YamlEntry operator*() const { return {YamlNode(tree_, at_[0]), YamlNode(tree_, at_[1])}; }
  Iterator& operator++() {
    at_ += 2;
    return *this;
  }
  bool operator!=(const Iterator& other) const { return at_ != other.at_; }

 private:
  const YamlTree* tree_;
  const std::uint32_t* at_;
};

// A key written twice in one mapping. YAML forbids it, and a reader that took
// the first or the last one would drop the other in silence.
struct YamlDuplicateKey {
  std::string key;
  YAML::Mark first;   // the key that came first
  YAML::Mark second;  // the one that repeats it
};

enum class YamlDocuments {
  All,    // every document, like YAML::LoadAll
  First,  // the first only, like YAML::Load (which does not read the rest)
};

// The documents of one input. Neither copied nor moved: nodes point at it.
class YamlTree {
 public:
  // Throws YAML::ParserException (with its mark) on a syntax error, as
  // YAML::Load and YAML::LoadAll do.
  YamlTree(std::string text, YamlDocuments which);
  YamlTree(const YamlTree&) = delete;
  YamlTree& operator=(const YamlTree&) = delete;

  // One root per document; an empty document's root is Null, as with
  // YAML::LoadAll. YamlDocuments::First gives exactly one root, Null for an
  // empty input, as YAML::Load does.
  std::vector<YamlNode> roots() const;
  // Every repeated scalar key of every mapping, in the order the mappings end.
  const std::vector<YamlDuplicateKey>& duplicate_keys() const { return duplicate_keys_; }

 private:
  friend class YamlNode;
  friend class YamlTreeBuilder;

  struct NodeData {
    YAML::NodeType::value type = YAML::NodeType::Null;
    bool plain = false;  // a scalar with yaml-cpp's tag "?" (untagged plain)
    YAML::Mark mark = YAML::Mark::null_mark();
    std::string scalar;
    std::uint32_t first_child = 0;  // into children_: items, or key and value of each pair
    std::uint32_t child_count = 0;  // entries in children_ (twice the pairs of a map)
  };

  std::vector<NodeData> nodes_;
  std::vector<std::uint32_t> children_;
  std::vector<std::uint32_t> roots_;
  std::vector<YamlDuplicateKey> duplicate_keys_;
};

}  // namespace ato::io
