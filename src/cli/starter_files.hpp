#pragma once
// What `ato-sync init` writes: a commented config, one example case that
// passes `validate --strict`, and a GitHub Actions workflow.
#include <string>
#include <vector>

namespace ato::cli {

struct StarterFile {
  std::string path;  // relative to the repository root
  std::string content;
};

std::vector<StarterFile> starter_files();

}  // namespace ato::cli
