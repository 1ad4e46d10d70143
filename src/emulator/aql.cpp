#include "emulator/aql.hpp"

#include <algorithm>
#include <cctype>

namespace ato::emulator {

struct AqlQuery::Node {
  enum class Kind { And, Or, Not, Compare } kind = Kind::Compare;
  std::shared_ptr<const Node> left, right;
  std::string attribute, op;
  std::vector<AqlValue> values;
};

namespace {

using NodePtr = std::shared_ptr<const AqlQuery::Node>;
using Kind = AqlQuery::Node::Kind;

struct Token {
  enum class Type { Word, String, Number, Op, LParen, RParen, LBracket, RBracket, Comma, End } type;
  std::string text;
  std::size_t at = 0;
};

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (c == '(') tokens.push_back({Token::Type::LParen, "(", i++});
    else if (c == ')') tokens.push_back({Token::Type::RParen, ")", i++});
    else if (c == '[') tokens.push_back({Token::Type::LBracket, "[", i++});
    else if (c == ']') tokens.push_back({Token::Type::RBracket, "]", i++});
    else if (c == ',') tokens.push_back({Token::Type::Comma, ",", i++});
    else if (c == '"') {
      std::string text;
      ++i;
      while (i < s.size() && s[i] != '"') {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        text.push_back(s[i++]);
      }
      if (i >= s.size()) throw AqlError("unterminated string at " + std::to_string(start));
      ++i;
      tokens.push_back({Token::Type::String, text, start});
    } else if (c == '=' || c == '!' || c == '~' || c == '<' || c == '>') {
      std::string op(1, c);
      ++i;
      if (i < s.size() && s[i] == '=') op.push_back(s[i++]);
      if (op == "!" || op == "~" || op == "==") throw AqlError("unknown operator '" + op + "' at " + std::to_string(start));
      tokens.push_back({Token::Type::Op, op, start});
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
      ++i;
      while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
      tokens.push_back({Token::Type::Number, s.substr(start, i - start), start});
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '.')) ++i;
      tokens.push_back({Token::Type::Word, s.substr(start, i - start), start});
    } else {
      throw AqlError(std::string("unexpected character '") + c + "' at " + std::to_string(i));
    }
  }
  tokens.push_back({Token::Type::End, "", s.size()});
  return tokens;
}

std::string lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, const std::vector<std::string>& attributes)
      : tokens_(std::move(tokens)), attributes_(attributes) {}

  NodePtr parse() {
    auto node = parse_or();
    if (peek().type != Token::Type::End) fail("unexpected '" + peek().text + "'");
    return node;
  }

 private:
  const Token& peek() const { return tokens_[pos_]; }
  const Token& next() { return tokens_[pos_++]; }
  [[noreturn]] void fail(const std::string& message) const {
    throw AqlError(message + " at position " + std::to_string(peek().at));
  }
  bool keyword(const char* word) {
    if (peek().type == Token::Type::Word && lower(peek().text) == word) {
      ++pos_;
      return true;
    }
    return false;
  }

  NodePtr binary(Kind kind, NodePtr left, NodePtr right) {
    auto node = std::make_shared<AqlQuery::Node>();
    node->kind = kind;
    node->left = std::move(left);
    node->right = std::move(right);
    return node;
  }

  NodePtr parse_or() {
    auto left = parse_and();
    while (keyword("or")) left = binary(Kind::Or, left, parse_and());
    return left;
  }
  NodePtr parse_and() {
    auto left = parse_unary();
    while (keyword("and")) left = binary(Kind::And, left, parse_unary());
    return left;
  }
  NodePtr parse_unary() {
    if (keyword("not")) return binary(Kind::Not, parse_unary(), nullptr);
    if (peek().type == Token::Type::LParen) {
      next();
      auto inner = parse_or();
      if (next().type != Token::Type::RParen) fail("expected ')'");
      return inner;
    }
    return parse_comparison();
  }
  AqlValue parse_value() {
    const Token& t = next();
    if (t.type == Token::Type::String) return {false, 0, t.text};
    if (t.type == Token::Type::Number) return {true, std::stod(t.text), t.text};
    if (t.type == Token::Type::Word && (t.text == "true" || t.text == "false" || t.text == "null"))
      return {false, 0, t.text};
    --pos_;
    fail("expected a value");
  }
  NodePtr parse_comparison() {
    const Token& attribute = next();
    if (attribute.type != Token::Type::Word) {
      --pos_;
      fail("expected an attribute name");
    }
    if (std::find(attributes_.begin(), attributes_.end(), attribute.text) == attributes_.end())
      throw AqlError("unknown attribute '" + attribute.text + "'");
    auto node = std::make_shared<AqlQuery::Node>();
    node->attribute = attribute.text;
    if (keyword("in")) {
      node->op = "in";
      if (next().type != Token::Type::LBracket) fail("expected '[' after in");
      if (peek().type != Token::Type::RBracket) {
        node->values.push_back(parse_value());
        while (peek().type == Token::Type::Comma) {
          next();
          node->values.push_back(parse_value());
        }
      }
      if (next().type != Token::Type::RBracket) fail("expected ']'");
      return node;
    }
    if (peek().type != Token::Type::Op) fail("expected an operator after '" + attribute.text + "'");
    node->op = next().text;
    node->values.push_back(parse_value());
    return node;
  }

  std::vector<Token> tokens_;
  const std::vector<std::string>& attributes_;
  std::size_t pos_ = 0;
};

bool compare(const AqlValue& actual, const std::string& op, const AqlValue& expected) {
  if (op == "~=") return lower(actual.text).find(lower(expected.text)) != std::string::npos;
  if (actual.is_number && expected.is_number) {
    const double a = actual.number, b = expected.number;
    if (op == "=") return a == b;
    if (op == "!=") return a != b;
    if (op == "<") return a < b;
    if (op == "<=") return a <= b;
    if (op == ">") return a > b;
    if (op == ">=") return a >= b;
    return false;
  }
  if (op == "=") return actual.text == expected.text;
  if (op == "!=") return actual.text != expected.text;
  if (op == "<") return actual.text < expected.text;
  if (op == "<=") return actual.text <= expected.text;
  if (op == ">") return actual.text > expected.text;
  if (op == ">=") return actual.text >= expected.text;
  return false;
}

template <class Read>
bool evaluate(const AqlQuery::Node& node, const Read& read) {
  switch (node.kind) {
    case Kind::And: return evaluate(*node.left, read) && evaluate(*node.right, read);
    case Kind::Or: return evaluate(*node.left, read) || evaluate(*node.right, read);
    case Kind::Not: return !evaluate(*node.left, read);
    case Kind::Compare: break;
  }
  const auto& values = read(node.attribute);  // a temporary from an AttributeReader lives to the end
  if (node.op == "!=") {
    return std::none_of(values.begin(), values.end(),
                        [&](const AqlValue& v) { return compare(v, "=", node.values[0]); });
  }
  if (node.op == "in") {
    return std::any_of(values.begin(), values.end(), [&](const AqlValue& v) {
      return std::any_of(node.values.begin(), node.values.end(),
                         [&](const AqlValue& e) { return compare(v, "=", e); });
    });
  }
  return std::any_of(values.begin(), values.end(),
                     [&](const AqlValue& v) { return compare(v, node.op, node.values[0]); });
}

}  // namespace

AqlQuery AqlQuery::parse(const std::string& text, const std::vector<std::string>& attributes) {
  if (text.find_first_not_of(" \t\n") == std::string::npos) throw AqlError("empty query");
  AqlQuery query;
  query.root_ = Parser(tokenize(text), attributes).parse();
  return query;
}

bool AqlQuery::matches(const AttributeReader& read) const { return evaluate(*root_, read); }
bool AqlQuery::matches_kept(const AttributeLookup& lookup) const { return evaluate(*root_, lookup); }

}  // namespace ato::emulator
