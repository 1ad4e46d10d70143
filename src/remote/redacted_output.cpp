#include "remote/redacted_output.hpp"

#include <cstring>
#include <iostream>

namespace ato::remote {

RedactingBuffer::~RedactingBuffer() {
  std::lock_guard lock(mutex_);
  let_out(true);
  target_.pubsync();
}

void RedactingBuffer::let_out(bool everything) {
  // Redact the whole text first: a secret that is complete is replaced
  // before any end of the text is held back for another one.
  pending_ = secrets_.redact(std::move(pending_));
  const std::size_t keep = everything ? 0 : secrets_.partial_at_end(pending_);
  const auto ready = static_cast<std::streamsize>(pending_.size() - keep);
  target_.sputn(pending_.data(), ready);
  pending_.erase(0, static_cast<std::size_t>(ready));
}

RedactingBuffer::int_type RedactingBuffer::overflow(int_type ch) {
  if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
  const char c = traits_type::to_char_type(ch);
  xsputn(&c, 1);
  return ch;
}

std::streamsize RedactingBuffer::xsputn(const char* text, std::streamsize count) {
  std::lock_guard lock(mutex_);
  pending_.append(text, static_cast<std::size_t>(count));
  if (std::memchr(text, '\n', static_cast<std::size_t>(count)) || pending_.size() > 8192) let_out(false);
  return count;
}

int RedactingBuffer::sync() {
  std::lock_guard lock(mutex_);
  let_out(false);
  return target_.pubsync();
}

RedactedOutput::RedactedOutput()
    : original_out_(std::cout.rdbuf()),
      original_err_(std::cerr.rdbuf()),
      out_(std::make_unique<RedactingBuffer>(*original_out_, process_secrets())),
      err_(std::make_unique<RedactingBuffer>(*original_err_, process_secrets())) {
  std::cout.rdbuf(out_.get());
  std::cerr.rdbuf(err_.get());
}

RedactedOutput::~RedactedOutput() {
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(original_out_);
  std::cerr.rdbuf(original_err_);
}

}  // namespace ato::remote
