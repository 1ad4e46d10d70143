// Members, relations, examples and automated cases in compute_plan: how both
// sides are put in one form, mirrored relations, roles, notes (issue 16).
#include <gtest/gtest.h>

#include "core/builders.hpp"
#include "core/case_fields.hpp"
#include "core/lints.hpp"
#include "core/relations.hpp"

namespace ato::core {
namespace {

using namespace testing;

Relation to(RelationType type, const std::string& id) { return {type, id, 0, false}; }
Relation to(RelationType type, std::int64_t allure_id) { return {type, "", allure_id, false}; }

PlanOptions with_roles() {
  auto o = options();
  o.known.roles = {"Lead", "Owner", "Reviewer"};
  return o;
}

CaseContent related(const std::string& name, std::vector<Relation> relations) {
  auto c = content(name);
  c.relations = std::move(relations);
  return c;
}

std::vector<Field> fields_of(const PlanResult& result, const std::string& id) {
  for (const auto& c : result.plan.changes)
    if (c.external_id == id) return c.diff;
  return {};
}

TEST(CaseModelPlan, MembersDiffAsASetOfRoleUserPairs) {
  auto mine = content("A");
  mine.members = {{"Reviewer", "bob"}, {"Owner", "alice"}};
  auto theirs = content("A");
  theirs.members = {{"Owner", "alice"}, {"Reviewer", "bob"}};
  EXPECT_FALSE(compute_plan({desired("a", mine)}, {remote(1, "a", theirs)}, with_roles()).plan.has_changes());
  theirs.members.push_back({"Lead", "carol"});
  const auto result = compute_plan({desired("a", mine)}, {remote(1, "a", theirs)}, with_roles());
  EXPECT_EQ(fields_of(result, "a"), std::vector<Field>{Field::Members});
  EXPECT_EQ(spec_of(Field::Members).route, WriteRoute::Patch);
}

TEST(CaseModelPlan, UnknownRoleIsAnErrorAtWhereTheRoleIsWritten) {
  auto mine = content("A");
  mine.members = {{"Reviwer", "bob"}};
  auto d = desired("a", mine);
  d.role_places["Reviwer"] = {"cases/a.yaml", 7, 3};
  const auto result = compute_plan({d}, {}, with_roles());
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].where, (SourceLocation{"cases/a.yaml", 7, 3}));
  EXPECT_EQ(result.errors[0].message,
            "unknown member role \"Reviwer\" (did you mean 'Reviewer'?) (known: Lead, Owner, Reviewer)");
}

TEST(CaseModelPlan, ATargetNamedByExternalIdEqualsTheSameTargetReadByAllureId) {
  const auto result = compute_plan({desired("a", related("A", {to(RelationType::Clones, "b")})), desired("b", content("B"))},
                                   {remote(1, "a", related("A", {to(RelationType::Clones, 2)})),
                                    remote(2, "b", related("B", {to(RelationType::IsClonedBy, 1)}))},
                                   options());
  EXPECT_FALSE(result.plan.has_changes()) << result.plan.changes.size();
}

TEST(CaseModelPlan, TheMirroredSideNeverShowsAChangeAndIsWrittenWithIt) {
  const std::vector<DesiredCase> mine = {desired("a", related("A", {to(RelationType::Clones, "b")})),
                                         desired("b", related("B", {to(RelationType::RelatedTo, "c")})),
                                         desired("c", content("C"))};
  const auto result = compute_plan(mine,
                                   {remote(1, "a", related("A", {to(RelationType::Clones, 2)})),
                                    remote(2, "b", related("B", {to(RelationType::IsClonedBy, 1)})),
                                    remote(3, "c", content("C"))},
                                   options());
  ASSERT_EQ(result.plan.changes.size(), 1u);
  const auto& b = result.plan.changes[0];
  EXPECT_EQ(b.external_id, "b");
  EXPECT_EQ(b.diff, std::vector<Field>{Field::Relations});
  // Posting b's list without "is cloned by a" would delete a's relation.
  EXPECT_EQ(b.after.relations, (std::vector<Relation>{{RelationType::RelatedTo, "c", 3, false},
                                                       {RelationType::IsClonedBy, "a", 1, true}}));
}

TEST(CaseModelPlan, ARelationDeclaredByNeitherEndShowsOnceAtItsActiveEnd) {
  const auto result = compute_plan({desired("a", content("A")), desired("b", content("B"))},
                                   {remote(1, "a", related("A", {to(RelationType::Clones, 2)})),
                                    remote(2, "b", related("B", {to(RelationType::IsClonedBy, 1)}))},
                                   options());
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].external_id, "a");
  EXPECT_EQ(spec_of(Field::Relations).items(result.plan.changes[0].before), std::vector<std::string>{"clones b"});
}

TEST(CaseModelPlan, ThePairTakesItsRelationsFromTheEndWrittenLast) {
  // a's view is cached from before someone removed the relation on b.
  auto a = remote(1, "a", related("A", {to(RelationType::Clones, 2)}));
  auto b = remote(2, "b", content("B"));
  b.last_modified = a.last_modified + 10;
  const auto result =
      compute_plan({desired("a", related("A", {to(RelationType::Clones, "b")})), desired("b", content("B"))}, {a, b}, options());
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].external_id, "a");
  EXPECT_EQ(result.plan.changes[0].diff, std::vector<Field>{Field::Relations});
  // And the other way round: b written last with the relation, a's stale view without it.
  a.content.relations.clear();
  b.content.relations = {to(RelationType::IsClonedBy, 1)};
  EXPECT_FALSE(compute_plan({desired("a", related("A", {to(RelationType::Clones, "b")})), desired("b", content("B"))},
                            {a, b}, options())
                   .plan.has_changes());
}

TEST(CaseModelPlan, AnEndKnownOnlyFromItsSearchRowDoesNotOverrule) {
  auto a = remote(1, "a", related("A", {to(RelationType::Clones, 2)}));
  auto b = remote(2, "b", content("B"));  // not targeted: no relations read
  b.detailed = false;
  b.last_modified = a.last_modified + 10;
  auto o = options();
  o.targets = {"a"};
  EXPECT_FALSE(compute_plan({desired("a", related("A", {to(RelationType::Clones, "b")})), desired("b", content("B"))},
                            {a, b}, o)
                   .plan.has_changes());
}

TEST(CaseModelPlan, ARelationByAllureIdToTheCaseItselfIsAnError) {
  const auto result = compute_plan({desired("a", related("A", {to(RelationType::RelatedTo, 1)}))},
                                   {remote(1, "a", content("A"))}, options());
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].message, "a case cannot relate to itself (ATO #1 is this case)");
}

TEST(CaseModelPlan, RelationsToSoftDeletedCasesAreHidden) {
  const auto result = compute_plan({desired("a", content("A"))},
                                   {remote(1, "a", related("A", {to(RelationType::RelatedTo, 2)})),
                                    remote(2, "gone", content("Gone"), true)},
                                   options());
  EXPECT_FALSE(result.plan.has_changes());
}

TEST(CaseModelPlan, ARelationToACaseOfThisPlanHasNoAllureIdYet) {
  const auto result = compute_plan({desired("a", related("A", {to(RelationType::Duplicates, "b")})), desired("b", content("B"))},
                                   {}, options());
  ASSERT_EQ(result.plan.changes.size(), 2u);
  EXPECT_EQ(result.plan.changes[0].after.relations, (std::vector<Relation>{{RelationType::Duplicates, "b", 0, false}}));
  EXPECT_EQ(result.plan.changes[1].after.relations, (std::vector<Relation>{{RelationType::IsDuplicatedBy, "a", 0, true}}));
  EXPECT_EQ(result.plan.changes[1].diff, set_fields(content("B")));  // the mirrored relation is not "set"
}

TEST(CaseModelPlan, AnAutomatedCaseLeavesItsResultFieldsAndStepsWithOneNote) {
  auto theirs = content("test_guest_checkout");
  theirs.steps = {Step{Keyword::None, "open the page", "", {}}};
  theirs.description = "old";
  auto r = remote(1, "a", theirs);
  r.automated = true;
  auto mine = content("Guest checkout");
  mine.description = "new";
  auto o = options();
  o.known.from_test_results = {Field::Name, Field::Tags};
  const auto result = compute_plan({desired("a", mine)}, {r}, o);
  ASSERT_EQ(result.plan.changes.size(), 1u);
  EXPECT_EQ(result.plan.changes[0].diff, std::vector<Field>{Field::Description});
  EXPECT_EQ(result.plan.changes[0].writes, std::vector<Field>{Field::Description});
  ASSERT_EQ(result.plan.notes.size(), 1u);
  EXPECT_EQ(result.plan.notes[0], (PlanNote{"a", 1, {Field::Name, Field::Steps}}));

  mine.description = "old";
  const auto notes_only = compute_plan({desired("a", mine)}, {r}, o);
  EXPECT_FALSE(notes_only.plan.has_changes());
  EXPECT_EQ(notes_only.plan.notes.size(), 1u);
  r.automated = false;
  EXPECT_TRUE(compute_plan({desired("a", mine)}, {r}, o).plan.notes.empty());
}

TEST(CaseModelPlan, ExampleRowOrderMatters) {
  auto mine = content("A");
  mine.examples = {{"card"}, {{"visa"}, {"amex"}}};
  auto theirs = mine;
  std::swap(theirs.examples.rows[0], theirs.examples.rows[1]);
  const auto result = compute_plan({desired("a", mine)}, {remote(1, "a", theirs)}, options());
  EXPECT_EQ(fields_of(result, "a"), std::vector<Field>{Field::Examples});
}

TEST(CaseModelPlan, RelationTargetsMustBeCasesOfTheRepository) {
  auto d = desired("a", related("A", {to(RelationType::Clones, "checkout/gust"), to(RelationType::RelatedTo, 4711)}));
  d.relation_places["checkout/gust"] = {"cases/a.yaml", 6, 11};
  const auto errors = check_relation_targets({d, desired("checkout/guest", content("G"))});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].where, (SourceLocation{"cases/a.yaml", 6, 11}));
  EXPECT_EQ(errors[0].message,
            "relation target \"checkout/gust\" is not a case of this repository (did you mean 'checkout/guest'?) "
            "(name a case of another source by its Allure ID, a number)");
}

TEST(CaseModelPlan, APlaceholderThatNamesNoParameterIsALintWarning) {
  auto c = content("Pay with <card>");
  c.examples = {{"card"}, {{"visa"}}};
  c.steps = {Step{Keyword::When, "I pay <amount> with <card>", "<card> is charged, <x y> is text", {}}};
  auto d = desired("a", c);
  d.field_sources[Field::Steps] = {"cases/a.yaml", 9, 1};
  const auto warnings = run_lints({d}, {});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].where, (SourceLocation{"cases/a.yaml", 9, 1}));
  EXPECT_EQ(warnings[0].message,
            "placeholder <amount> names none of the case's parameters (card); fix: add it to `examples` or correct "
            "its name [unknown-placeholder]");
  c.examples = {};
  EXPECT_TRUE(run_lints({desired("a", c)}, {}).empty());  // no examples: <x> is text
}

}  // namespace
}  // namespace ato::core
