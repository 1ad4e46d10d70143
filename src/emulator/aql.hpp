#pragma once
// A parser and evaluator for the AQL subset that test case search accepts:
// `attribute op value` joined by and/or/not and parentheses; ops
// = != ~= < <= > >= in [..]; strings in double quotes.
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace ato::emulator {

class AqlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct AqlValue {
  bool is_number = false;
  double number = 0;
  std::string text;
};

// Values of one attribute of one case (a case has many tags).
using AttributeReader = std::function<std::vector<AqlValue>(const std::string& attribute)>;
// The same from values the caller keeps for the whole call (each attribute
// read once per case), so that a query of many terms copies nothing per term.
using AttributeLookup = std::function<const std::vector<AqlValue>&(const std::string& attribute)>;

class AqlQuery {
 public:
  // Throws AqlError on a malformed query or an unknown attribute.
  static AqlQuery parse(const std::string& text, const std::vector<std::string>& attributes);
  bool matches(const AttributeReader& read) const;
  bool matches_kept(const AttributeLookup& lookup) const;

  struct Node;

 private:
  std::shared_ptr<const Node> root_;
};

}  // namespace ato::emulator
