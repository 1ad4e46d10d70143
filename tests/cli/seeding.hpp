#pragma once
// Puts cases into the emulator the way a TestOps user would have made them
// in the UI: no identity tag, every field set through the real API.
#include <nlohmann/json.hpp>
#include <string>

#include "support/emulator.hpp"

namespace ato::test {

class Seeder {
 public:
  explicit Seeder(Emulator& emulator) : emulator_(emulator) {}

  // A case with every field ato-sync manages: status, layer, custom fields
  // (mapped and other, one with two values), tags with severity and
  // priority, issues of two integrations, links, nested steps with keywords
  // and expected results, multi-line text.
  std::int64_t full_case(const std::string& name);
  // Only a name (and the default status the server gives).
  std::int64_t bare_case(const std::string& name);

 private:
  std::int64_t custom_field_id(const std::string& name);
  nlohmann::json field_value(const std::string& field, const std::string& value);
  std::int64_t status_id(const std::string& name);

  Emulator& emulator_;
};

}  // namespace ato::test
