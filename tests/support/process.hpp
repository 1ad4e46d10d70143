#pragma once
// Running real binaries from tests: one-shot commands with captured output,
// and long-running children (the emulator) that tests wait on by reading
// their readiness line, never by sleeping.
#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ato::test {

struct ProcessResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::string cwd;                                // empty = current
  std::map<std::string, std::string> env;         // set (added to the inherited environment)
  std::vector<std::string> unset_env;             // removed from the inherited environment
  std::string stdin_text;
  // run_ato_sync: without the root's power to read any file, so that a test
  // of unreadable files means the same when the tests run as root.
  bool without_root_file_access = false;
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});

// Runs the built ato-sync binary. The environment is cleaned of ATO_* and
// ALLURE_* variables and NO_COLOR first, so the host cannot leak into tests.
ProcessResult run_ato_sync(const std::vector<std::string>& args, ProcessOptions options = {});

class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Reads stdout until a line containing `needle` arrives; returns that line,
  // or nullopt if the child closed stdout (exited) first.
  std::optional<std::string> wait_for_line(const std::string& needle);
  void kill(int signal_number);
  int wait();  // exit code as in ProcessResult
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;  // kept open: a child that watches its stdin ends when the test process dies
  int stdout_fd_ = -1;
  std::string buffer_;
  bool reaped_ = false;
  int exit_code_ = -1;
};

std::string make_temp_dir();  // a fresh directory under $TMPDIR, removed by nobody (CTest's tmp is fine)
void write_file(const std::string& path, const std::string& content);  // creates parent directories
std::string read_file(const std::string& path);

}  // namespace ato::test
