#pragma once
// The human (terminal) and markdown (PR comment) views of a plan. The JSON
// view is the saved-plan document (io/plan_document.hpp).
#include <cstddef>
#include <iosfwd>
#include <string>

#include "core/plan.hpp"

namespace ato::render {

struct RenderContext {
  bool color = false;
  std::string endpoint;
  std::int64_t project_id = 0;
};

void render_human(const core::Plan& plan, const RenderContext& context, std::ostream& out);

inline constexpr std::size_t kMarkdownLimit = 65000;
// A PR comment: summary table, a warning when anything is archived, one
// <details> per case with a diff block; cut to `limit` characters with a note.
std::string render_markdown(const core::Plan& plan, const RenderContext& context, std::size_t limit = kMarkdownLimit);

}  // namespace ato::render
