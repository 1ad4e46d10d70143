#pragma once
// What `import` does with the shared steps that imported cases use (SPEC.md
// §1.3): each becomes `use: ID` in the case, and a shared step file is
// written for each one the repository does not hold yet, pinned by allure_id.
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/case.hpp"
#include "core/shared_step.hpp"

namespace ato::cli {

class SharedStepImport {
 public:
  // `local`: the repository's shared steps; `remote`: the project's.
  SharedStepImport(const std::vector<core::DesiredSharedStep>& local, const std::vector<core::RemoteSharedStep>& remote);

  // The steps with every reference written as `use:`; references to shared
  // steps the repository lacks are queued for writing.
  std::vector<core::Step> with_uses(std::vector<core::Step> steps);

  struct NewFile {
    std::string external_id;
    std::int64_t allure_id = 0;
    core::CaseContent content;
  };
  // The shared steps to write, in the order first used.
  const std::vector<NewFile>& new_files() const { return new_files_; }

 private:
  std::string id_for(std::int64_t allure_id);

  std::map<std::int64_t, std::string> known_;  // Allure ID -> external id
  std::map<std::int64_t, const core::RemoteSharedStep*> remote_;
  std::set<std::string> taken_;
  std::vector<NewFile> new_files_;
};

}  // namespace ato::cli
