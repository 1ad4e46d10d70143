// Writing files: regular files are replaced atomically, symlinks and special
// files are written through (a rename would put a plain file in their place).
// Devices are reached through symlinks in a temporary folder, so that a
// regression could never replace /dev/null itself when the tests run as root.
#include "io/file_io.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>

#include "support/process.hpp"

namespace ato::io {
namespace {

struct stat lstat_of(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info;
}

std::string error_of(const std::string& path, const std::string& text) {
  try {
    replace_file(path, text);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(ReplaceFile, ReplacesARegularFileAndKeepsItsPermissions) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/plan.json", "old");
  ASSERT_EQ(chmod((dir + "/plan.json").c_str(), 0600), 0);
  replace_file(dir + "/plan.json", "new");
  EXPECT_EQ(test::read_file(dir + "/plan.json"), "new");
  EXPECT_EQ(lstat_of(dir + "/plan.json").st_mode & 07777, 0600u);
  EXPECT_NE(::access((dir + "/plan.json.tmp").c_str(), F_OK), 0);
}

TEST(ReplaceFile, CreatesAMissingFile) {
  const auto dir = test::make_temp_dir();
  replace_file(dir + "/plan.json", "new");
  EXPECT_EQ(test::read_file(dir + "/plan.json"), "new");
}

TEST(ReplaceFile, WritesThroughASymlinkAndKeepsIt) {
  const auto dir = test::make_temp_dir();
  test::write_file(dir + "/plans/real.json", "old");
  ASSERT_EQ(symlink("plans/real.json", (dir + "/plan.json").c_str()), 0);
  replace_file(dir + "/plan.json", "new");
  EXPECT_TRUE(S_ISLNK(lstat_of(dir + "/plan.json").st_mode));
  EXPECT_EQ(test::read_file(dir + "/plans/real.json"), "new");
}

TEST(ReplaceFile, ADanglingSymlinkGetsItsTargetCreated) {
  const auto dir = test::make_temp_dir();
  ASSERT_EQ(symlink((dir + "/target.json").c_str(), (dir + "/plan.json").c_str()), 0);
  replace_file(dir + "/plan.json", "new");
  EXPECT_TRUE(S_ISLNK(lstat_of(dir + "/plan.json").st_mode));
  EXPECT_EQ(test::read_file(dir + "/target.json"), "new");
}

TEST(ReplaceFile, DevNullIsWrittenToNotReplaced) {
  const auto dir = test::make_temp_dir();
  ASSERT_EQ(symlink("/dev/null", (dir + "/plan.json").c_str()), 0);
  EXPECT_EQ(error_of(dir + "/plan.json", "plan"), "");
  EXPECT_TRUE(S_ISLNK(lstat_of(dir + "/plan.json").st_mode));
  EXPECT_TRUE(S_ISCHR(lstat_of("/dev/null").st_mode));
}

TEST(ReplaceFile, AFullDeviceIsAWriteError) {
  const auto dir = test::make_temp_dir();
  ASSERT_EQ(symlink("/dev/full", (dir + "/plan.json").c_str()), 0);
  EXPECT_EQ(error_of(dir + "/plan.json", "plan"), "cannot write " + dir + "/plan.json: No space left on device");
  EXPECT_TRUE(S_ISLNK(lstat_of(dir + "/plan.json").st_mode));
}

TEST(ReplaceFile, APipeIsWrittenThrough) {
  const auto dir = test::make_temp_dir();
  const std::string fifo = dir + "/plan.json";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  std::string received;
  std::thread reader([&] {
    const int fd = ::open(fifo.c_str(), O_RDONLY);  // waits for the writer, as the writer waits for it
    char buffer[64];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) received.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
  });
  const auto error = error_of(fifo, "through the pipe");
  reader.join();
  EXPECT_EQ(error, "");
  EXPECT_EQ(received, "through the pipe");
  EXPECT_TRUE(S_ISFIFO(lstat_of(fifo).st_mode));
}

TEST(ReplaceFile, AFolderIsAnError) {
  const auto dir = test::make_temp_dir();
  ASSERT_EQ(mkdir((dir + "/plan.json").c_str(), 0755), 0);
  EXPECT_EQ(error_of(dir + "/plan.json", "plan"), "cannot write " + dir + "/plan.json: it is a folder");
}

TEST(ReplaceFile, ASymlinkLoopIsAnError) {
  const auto dir = test::make_temp_dir();
  ASSERT_EQ(symlink("b", (dir + "/a").c_str()), 0);
  ASSERT_EQ(symlink("a", (dir + "/b").c_str()), 0);
  EXPECT_EQ(error_of(dir + "/a", "plan"), "cannot write " + dir + "/a: Too many levels of symbolic links");
}

}  // namespace
}  // namespace ato::io
