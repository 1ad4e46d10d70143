#include "io/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>

namespace ato::io {

// Receives the parser's events for one document at a time and adds its nodes
// to the tree, the way YAML::NodeBuilder does: anchors count from 1 in each
// document, an alias is the anchored node itself, a map's children alternate
// key and value.
class YamlTreeBuilder : public YAML::EventHandler {
 public:
  explicit YamlTreeBuilder(YamlTree& tree) : tree_(tree) {}

  // Before each document.
  void start() {
    anchors_.clear();
    root_ = kNone;
  }
  // After the parser has delivered a document.
  void finish() {
    if (root_ == kNone) root_ = add(YAML::NodeType::Null, YAML::Mark::null_mark(), 0);
    tree_.roots_.push_back(root_);
  }

  // yaml-cpp 0.7 (Debian 12's) starts a document at a ',' outside [ ] and { }
  // without consuming it, then starts the same empty document there again,
  // forever (jbeder/yaml-cpp#1040; a file holding just "," or "--- ," does
  // it). Any other document consumes at least one token, so one that starts
  // where the previous one did is that loop: it ends here, as a syntax error.
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (started_ && mark.pos == last_start_.pos)
      throw YAML::ParserException(mark,
                                  "a document cannot start with ',' (quote text that begins with a comma)");
    started_ = true;
    last_start_ = mark;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    done(add(YAML::NodeType::Null, mark, anchor));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    // The parser only passes anchors it has seen; the guard is for safety alone.
    const bool known = anchor < anchors_.size() && anchors_[anchor] != kNone;
    done(known ? anchors_[anchor] : add(YAML::NodeType::Null, mark, 0));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const auto index = add(YAML::NodeType::Scalar, mark, anchor);
    tree_.nodes_[index].scalar = value;
    // yaml-cpp tags a plain scalar "?" and a quoted or block one "!".
    tree_.nodes_[index].plain = tag == "?";
    done(index);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(add(YAML::NodeType::Sequence, mark, anchor));
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(add(YAML::NodeType::Map, mark, anchor));
  }
  void OnMapEnd() override { close(); }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  struct Open {
    std::uint32_t node;
    std::size_t first_pending;  // where its children start in pending_
  };

  std::uint32_t add(YAML::NodeType::value type, const YAML::Mark& mark, YAML::anchor_t anchor) {
    const auto index = static_cast<std::uint32_t>(tree_.nodes_.size());
    auto& node = tree_.nodes_.emplace_back();
    node.type = type;
    node.mark = mark;
    if (anchor) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNone);
      anchors_[anchor] = index;
    }
    return index;
  }

  void open(std::uint32_t index) { open_.push_back({index, pending_.size()}); }

  // A collection's children are complete: they move to the tree in one block.
  void close() {
    const Open collection = open_.back();
    open_.pop_back();
    if (tree_.nodes_[collection.node].type == YAML::NodeType::Map) find_duplicate_keys(collection.first_pending);
    auto& node = tree_.nodes_[collection.node];
    node.first_child = static_cast<std::uint32_t>(tree_.children_.size());
    node.child_count = static_cast<std::uint32_t>(pending_.size() - collection.first_pending);
    tree_.children_.insert(tree_.children_.end(),
                           pending_.begin() + static_cast<std::ptrdiff_t>(collection.first_pending),
                           pending_.end());
    pending_.resize(collection.first_pending);
    done(collection.node);
  }

  // The keys of the map whose key/value children start at pending_[first]:
  // each scalar key that an earlier one repeats. Each map ends once (an alias
  // does not end it again), so this sees every map once. Maps of a few keys
  // are compared pairwise; larger ones sorted, so that a map of many keys
  // stays linear-logarithmic.
  void find_duplicate_keys(std::size_t first) {
    keys_.clear();
    for (std::size_t i = first; i + 1 < pending_.size(); i += 2) {
      const auto& key = tree_.nodes_[pending_[i]];
      if (key.type == YAML::NodeType::Scalar) keys_.push_back(pending_[i]);
    }
    auto report = [&](std::uint32_t earlier, std::uint32_t later) {
      const auto& a = tree_.nodes_[earlier];
      tree_.duplicate_keys_.push_back({a.scalar, a.mark, tree_.nodes_[later].mark});
    };
    constexpr std::size_t kPairwise = 16;
    if (keys_.size() <= kPairwise) {
      for (std::size_t j = 1; j < keys_.size(); ++j)
        for (std::size_t i = 0; i < j; ++i)
          if (tree_.nodes_[keys_[i]].scalar == tree_.nodes_[keys_[j]].scalar) {
            report(keys_[i], keys_[j]);
            break;
          }
      return;
    }
    // Stable by position, so each repeat is reported against the first key.
    std::stable_sort(keys_.begin(), keys_.end(), [&](std::uint32_t a, std::uint32_t b) {
      return tree_.nodes_[a].scalar < tree_.nodes_[b].scalar;
    });
    const std::size_t before = tree_.duplicate_keys_.size();
    for (std::size_t group = 0, j = 1; j < keys_.size(); ++j) {
      if (tree_.nodes_[keys_[j]].scalar != tree_.nodes_[keys_[group]].scalar) group = j;
      else report(keys_[group], keys_[j]);
    }
    std::sort(tree_.duplicate_keys_.begin() + static_cast<std::ptrdiff_t>(before), tree_.duplicate_keys_.end(),
              [](const YamlDuplicateKey& a, const YamlDuplicateKey& b) { return a.second.pos < b.second.pos; });
  }

  // A node is complete: it is the next child of the innermost open collection, or the root.
  void done(std::uint32_t index) {
    if (open_.empty())
      root_ = index;
    else
      pending_.push_back(index);
  }

  YamlTree& tree_;
  std::vector<std::uint32_t> anchors_;  // anchor id -> node
  std::vector<Open> open_;
  std::vector<std::uint32_t> pending_;  // children of the open collections, innermost last
  std::vector<std::uint32_t> keys_;     // scratch for find_duplicate_keys
  std::uint32_t root_ = kNone;
  bool started_ = false;   // a document has started
  YAML::Mark last_start_;  // where the last one started
};

YamlTree::YamlTree(std::string text, YamlDocuments which) {
  // Case files hold about one node per 12 bytes; reserving saves the regrowth
  // copies (4% of validate), capped so a large file does not reserve much.
  const std::size_t expected_nodes = std::min<std::size_t>(text.size() / 12 + 8, 1u << 14);
  nodes_.reserve(expected_nodes);
  children_.reserve(expected_nodes);
  std::istringstream in(std::move(text));
  YAML::Parser parser(in);
  YamlTreeBuilder builder(*this);
  do {
    builder.start();
    if (!parser.HandleNextDocument(builder)) {
      if (which == YamlDocuments::First) builder.finish();  // YAML::Load's Null for an empty input
      break;
    }
    builder.finish();
  } while (which == YamlDocuments::All);
}

std::vector<YamlNode> YamlTree::roots() const {
  std::vector<YamlNode> roots;
  roots.reserve(roots_.size());
  for (const auto index : roots_) roots.emplace_back(this, index);
  return roots;
}

YAML::NodeType::value YamlNode::Type() const { return tree_->nodes_[index_].type; }

const std::string& YamlNode::Scalar() const { return tree_->nodes_[index_].scalar; }

bool YamlNode::IsPlainScalar() const {
  const auto& node = tree_->nodes_[index_];
  return node.type == YAML::NodeType::Scalar && node.plain;
}

const YAML::Mark& YamlNode::Mark() const { return tree_->nodes_[index_].mark; }

std::size_t YamlNode::size() const {
  const auto& node = tree_->nodes_[index_];
  return node.type == YAML::NodeType::Map ? node.child_count / 2 : node.child_count;
}

YamlNode YamlNode::operator[](std::size_t i) const {
  const auto& node = tree_->nodes_[index_];
  if (node.type != YAML::NodeType::Sequence || i >= node.child_count) return {};
  return {tree_, tree_->children_[node.first_child + i]};
}

YamlNode YamlNode::operator[](std::string_view key) const {
  const auto& node = tree_->nodes_[index_];
  if (node.type != YAML::NodeType::Map) return {};
  for (std::uint32_t i = 0; i < node.child_count; i += 2) {
    const auto& k = tree_->nodes_[tree_->children_[node.first_child + i]];
    if (k.type == YAML::NodeType::Scalar && k.scalar == key)
      return {tree_, tree_->children_[node.first_child + i + 1]};
  }
  return {};
}

YamlNode::Iterator YamlNode::begin() const {
  const auto& node = tree_->nodes_[index_];
  const std::uint32_t* at = tree_->children_.data() + node.first_child;
  return {tree_, node.type == YAML::NodeType::Map ? at : at + node.child_count};
}

YamlNode::Iterator YamlNode::end() const {
  const auto& node = tree_->nodes_[index_];
  return {tree_, tree_->children_.data() + node.first_child + node.child_count};
}

}  // namespace ato::io
