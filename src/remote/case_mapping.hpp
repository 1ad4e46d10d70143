#pragma once
// Allure TestOps JSON <-> the core model (API-NOTES.md shapes). Pure.
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/testops_port.hpp"
#include "remote/api_client.hpp"
#include "remote/reference_data.hpp"

namespace ato::remote {

// From a TestCaseDto (a search row).
core::SearchRow row_from_dto(const json& dto, const std::string& id_tag_prefix);
// Whether a TestCaseDto's tags include exactly `tag`.
bool carries_tag(const json& dto, const std::string& tag);
// From a TestCaseOverviewDto, normalised.
core::RemoteCase case_from_overview(const json& overview, const ReferenceData& ref, const std::string& id_tag_prefix);

// TestCaseCreateV2Dto with the identity tag and everything that can go inline.
json create_body(const std::string& external_id, const core::CaseContent& content, const ReferenceData& ref,
                 const std::string& id_tag_prefix);
// The fields of `content` that create_body cannot carry (issues: API-NOTES.md),
// written to the case after it is created.
std::vector<core::Field> fields_after_create(const core::CaseContent& content);
// TestCasePatchV2Dto with only the given fields that PATCH carries; null when none.
json patch_body(const std::string& external_id, const core::CaseContent& content, const std::vector<core::Field>& fields,
                const ReferenceData& ref, const std::string& id_tag_prefix);
// TestCaseScenarioV2Dto; each step's attachments become attachment steps, its
// last children, by the ids `content.attachments` carries (all must be known).
json scenario_body(const core::CaseContent& content);
// From a TestCaseAttachmentRowDto.
core::Attachment attachment_from_dto(const json& row);
json issues_body(const std::vector<std::string>& issues, const ReferenceData& ref);  // bare array
// GET .../relation (bare array) -> relations by Allure ID; unknown types are left out.
std::vector<core::Relation> relations_from_dto(const json& relations);
// POST .../relation: every target must carry its Allure ID.
json relations_body(const std::vector<core::Relation>& relations);
json examples_body(const core::Examples& examples);  // POST .../example
// PATCH .../cfv: every custom field of the project, with the case's values (empty clears).
json cfv_body(const core::CaseContent& content, const ReferenceData& ref);

// Throws core::RemoteError naming the missing name (reference data changed since the plan?).
std::int64_t id_of(const std::map<std::string, std::int64_t>& ids, const std::string& name, const std::string& what);

}  // namespace ato::remote
