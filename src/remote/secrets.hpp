#pragma once
// The secrets this process holds: the API token, and what the token exchange
// gave for it (the JWT). Text that leaves the process has them replaced.
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

namespace ato::remote {

inline constexpr const char* kRedacted = "[REDACTED]";

class SecretSet {
 public:
  // `secret` and its URL-encoded form are redacted from now on. Strings
  // shorter than 8 characters are not: they would match ordinary words, and
  // a token that short protects nothing. Thread-safe, like the rest.
  void add(const std::string& secret);
  std::string redact(std::string text) const;
  // The length of the longest end of `text` that is the start of a secret:
  // text that has to wait for what follows before it can be let out.
  std::size_t partial_at_end(const std::string& text) const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> secrets_;  // longest first, so a longer secret is replaced whole
};

// The process's secrets: the auth layer adds to them, the output filter
// (redacted_output.hpp) reads them.
SecretSet& process_secrets();

}  // namespace ato::remote
