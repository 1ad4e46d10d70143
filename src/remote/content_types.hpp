#pragma once
// An attachment's content type from its file's extension (SPEC.md §1.4).
#include <string>

namespace ato::remote {

// "cart.png" -> "image/png"; unknown or none: "application/octet-stream".
std::string content_type_of(const std::string& file_name);

}  // namespace ato::remote
