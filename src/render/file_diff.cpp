#include "render/file_diff.hpp"

#include <dtl/dtl.hpp>

#include <sstream>
#include <vector>

namespace ato::render {
namespace {

std::vector<std::string> file_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::string painted(const std::string& line, bool color) {
  if (!color || line.empty()) return line;
  const char* code = line[0] == '+' ? "\033[32m" : line[0] == '-' ? "\033[31m" : line[0] == '@' ? "\033[36m" : "";
  return *code ? code + line + "\033[0m" : line;
}

}  // namespace

std::string unified_file_diff(const std::string& file, const std::string& before, const std::string& after,
                              bool color) {
  if (before == after) return {};
  dtl::Diff<std::string, std::vector<std::string>> diff(file_lines(before), file_lines(after));
  diff.compose();
  diff.composeUnifiedHunks();
  std::ostringstream hunks;
  diff.printUnifiedFormat(hunks);
  std::string out = painted("--- a/" + file, color) + "\n" + painted("+++ b/" + file, color) + "\n";
  std::istringstream in(hunks.str());
  for (std::string line; std::getline(in, line);) out += painted(line, color) + "\n";
  return out;
}

}  // namespace ato::render
