#pragma once
// A throwaway repository (config + case files) wired to an emulator, so a
// test reads like the user's session: write YAML, run ato-sync, look.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/emulator.hpp"
#include "support/process.hpp"

namespace ato::test {

inline const char* kDefaultConfig =
    "endpoint: http://unused.invalid\n"
    "project: 1\n"
    "integrations:\n  JIRA: {name: Jira}\n  GH: {id: 2}\n";

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A minimal valid case; `extra` adds YAML keys.
inline std::string case_yaml(const std::string& id, const std::string& name, const std::string& extra = "") {
  return "id: " + id + "\nname: " + name + "\nlayer: UI\n" + extra + "steps:\n  - given: a start\n  - then: an end\n";
}

// Requests that wrote to TestOps since the last reset_stats (not reads, not the token exchange).
inline std::int64_t write_requests(Emulator& emulator) {
  std::int64_t n = 0;
  const auto stats = emulator.stats();
  for (const auto& [route, count] : stats["routes"].items())
    if (route.rfind("GET ", 0) != 0 && route != "POST /api/uaa/oauth/token") n += count.get<std::int64_t>();
  return n;
}

// The Allure ID of the live case that carries `external_id`'s identity tag, and its route.
inline std::int64_t managed_case_id(Emulator& emulator, const std::string& external_id) {
  return emulator.cases_with_tag("ato-sync:" + external_id).at(0)["id"].get<std::int64_t>();
}
inline std::string managed_case_path(Emulator& emulator, const std::string& external_id) {
  return "/api/testcase/" + std::to_string(managed_case_id(emulator, external_id));
}

class Workspace {
 public:
  explicit Workspace(Emulator& emulator, const std::string& config = kDefaultConfig)
      : emulator_(emulator), dir_(make_temp_dir()) {
    write("ato-sync.yaml", config);
  }
  const std::string& dir() const { return dir_; }
  void write(const std::string& relative, const std::string& content) { write_file(dir_ + "/" + relative, content); }
  void remove(const std::string& relative) { std::remove((dir_ + "/" + relative).c_str()); }
  std::string read(const std::string& relative) const { return read_file(dir_ + "/" + relative); }

  ProcessResult run(const std::vector<std::string>& args, const std::string& stdin_text = "") const {
    auto options = emulator_.ato_options(dir_);
    options.stdin_text = stdin_text;
    return run_ato_sync(args, options);
  }
  // Runs and fails the test when the exit code differs, showing the output.
  ProcessResult expect(int code, const std::vector<std::string>& args) const {
    auto result = run(args);
    EXPECT_EQ(result.exit_code, code) << "stdout:\n" << result.out << "\nstderr:\n" << result.err;
    return result;
  }

 private:
  Emulator& emulator_;
  std::string dir_;
};

}  // namespace ato::test
