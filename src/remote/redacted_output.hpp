#pragma once
// The one place every message passes on its way out of the process: while a
// RedactedOutput lives, std::cout and std::cerr write through a filter that
// replaces the process's secrets, whatever wrote them (a server or proxy
// error that echoes the Authorization header, a library's message, the
// --verbose log). Secrets never reach a terminal or a CI log.
#include <memory>
#include <mutex>
#include <streambuf>
#include <string>

#include "remote/secrets.hpp"

namespace ato::remote {

// Writes to `target` with `secrets` redacted. Whole lines go out at once (so
// stdout and stderr interleave as before), and everything on a flush, except
// an end that could be the start of a secret: it waits for what follows.
class RedactingBuffer final : public std::streambuf {
 public:
  RedactingBuffer(std::streambuf& target, const SecretSet& secrets) : target_(target), secrets_(secrets) {}
  ~RedactingBuffer() override;  // lets out what was held back

 protected:
  int_type overflow(int_type ch) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  void let_out(bool everything);  // with mutex_ held

  std::streambuf& target_;
  const SecretSet& secrets_;
  std::mutex mutex_;  // threads share std::cerr
  std::string pending_;
};

class RedactedOutput {
 public:
  RedactedOutput();   // filters std::cout and std::cerr through process_secrets()
  ~RedactedOutput();  // flushes and puts the original buffers back
  RedactedOutput(const RedactedOutput&) = delete;
  RedactedOutput& operator=(const RedactedOutput&) = delete;

 private:
  std::streambuf* original_out_;
  std::streambuf* original_err_;
  std::unique_ptr<RedactingBuffer> out_, err_;
};

}  // namespace ato::remote
