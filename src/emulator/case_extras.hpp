#pragma once
// Members, examples and relations of a case in the real API's shapes
// (API-NOTES.md "Members", "Relations", "Parameters and examples").
#include "emulator/dto.hpp"

namespace ato::emulator {

json members_dto(const Store& store, const StoredCase& c);  // [MemberDto]
json examples_dto(const StoredCase& c);                     // [TestCaseExampleDto]
json parameters_dto(const StoredCase& c);                   // [{name}], in order
// Every relation at case `id`, mirrored ones as they read from there;
// relations to soft-deleted cases are hidden.
json relations_dto(const Store& store, std::int64_t id);
// [{"name", "role": {"id"}}] -> members; throws BadRequest.
std::vector<CaseMember> parse_members(const json& body, const Store& store);

}  // namespace ato::emulator
