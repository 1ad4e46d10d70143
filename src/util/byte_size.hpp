#pragma once
#include <cstdint>
#include <string>

namespace ato::util {

// A size for people: "512 B", "12.5 KiB", "10 MiB".
std::string describe_bytes(std::int64_t bytes);

}  // namespace ato::util
