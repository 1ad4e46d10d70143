#pragma once
// SHA-256 (FIPS 180-4), fed in pieces so that a file is hashed as it is read.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ato::util {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  void update(std::string_view data) { update(data.data(), data.size()); }
  // The digest as 64 lowercase hex digits; the object is spent afterwards.
  std::string hex_digest();

 private:
  void block(const std::uint8_t* p);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes seen
};

std::string sha256_hex(std::string_view data);

}  // namespace ato::util
