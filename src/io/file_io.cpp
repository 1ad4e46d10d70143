#include "io/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace ato::io {
namespace {

// Closes the descriptor on every path out.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// "50.0 MiB"
std::string describe_size(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return text;
}

}  // namespace

std::string special_file_kind(std::filesystem::file_type type) {
  using std::filesystem::file_type;
  switch (type) {
    case file_type::regular: return {};
    case file_type::directory: return "a folder";
    case file_type::fifo: return "a pipe";
    case file_type::socket: return "a socket";
    case file_type::character:
    case file_type::block: return "a device";
    default: return "not a regular file";
  }
}

FileText read_whole_file(const std::string& path, std::uint64_t max_bytes) {
  FileText result;
  Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  struct stat info {};
  if (file.fd < 0 || ::fstat(file.fd, &info) != 0) {
    result.error = std::strerror(errno);
    return result;
  }
  if (S_ISDIR(info.st_mode)) {
    result.error = "it is a folder, not a file";
    return result;
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) {
    result.error = "the file is " + describe_size(size) + "; the limit is " + describe_size(max_bytes);
    result.too_large = true;
    return result;
  }
  result.text.reserve(size);
  char chunk[1 << 16];
  while (true) {
    const ssize_t n = ::read(file.fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result.error = std::strerror(errno);
      break;
    }
    if (n == 0) break;
    result.text.append(chunk, static_cast<std::size_t>(n));
    if (result.text.size() > max_bytes) {  // it grew while being read
      result.error = "the file is larger than the limit of " + describe_size(max_bytes);
      result.too_large = true;
      break;
    }
  }
  if (!result.ok()) result.text.clear();
  return result;
}

namespace {

[[noreturn]] void fail_to_write(const std::string& path, const char* step, int error) {
  throw std::runtime_error(std::string("cannot ") + step + " " + path + ": " + std::strerror(error));
}

// 0, or the errno of the write that failed.
int write_all(int fd, const std::string& text) {
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

// The end of the chain of symlinks that starts at `path` (a relative target
// counts from its link's folder), and its lstat in `info`; `exists` is false
// when nothing is there yet. Throws what lstat or readlink says otherwise.
std::string follow_symlinks(const std::string& path, struct stat& info, bool& exists) {
  std::string current = path;
  for (int hops = 0; hops < 40; ++hops) {  // Linux's own limit
    if (::lstat(current.c_str(), &info) != 0) {
      if (errno != ENOENT) fail_to_write(path, "write", errno);
      exists = false;
      return current;
    }
    exists = true;
    if (!S_ISLNK(info.st_mode)) return current;
    std::string target(static_cast<std::size_t>(info.st_size > 0 ? info.st_size : 255) + 1, '\0');
    const ssize_t n = ::readlink(current.c_str(), target.data(), target.size());
    if (n < 0) fail_to_write(path, "write", errno);
    target.resize(static_cast<std::size_t>(n));
    const std::filesystem::path link(current);
    current = std::filesystem::path(target).is_absolute() || !link.has_parent_path()
                  ? target
                  : (link.parent_path() / target).string();
  }
  fail_to_write(path, "write", ELOOP);
}

// A regular file (or none yet): a temporary file beside it, renamed over it.
void replace_regular_file(const std::string& shown, const std::string& path, const struct stat* existing,
                          const std::string& text) {
  const std::string temp = path + ".tmp";
  auto fail = [&](const char* step, int error) {
    ::unlink(temp.c_str());
    fail_to_write(shown, step, error);
  };
  {
    Descriptor file{::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
    if (file.fd < 0) fail_to_write(shown, "write", errno);  // nothing made, nothing to remove
    if (existing && ::fchmod(file.fd, existing->st_mode & 07777) != 0) fail("write", errno);
    if (const int error = write_all(file.fd, text)) fail("write", error);
    if (::fsync(file.fd) != 0) fail("write", errno);
    const int fd = file.fd;
    file.fd = -1;
    if (::close(fd) != 0) fail("write", errno);
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) fail("replace", errno);
}

}  // namespace

void replace_file(const std::string& path, const std::string& text) {
  struct stat info {};
  bool exists = false;
  const std::string target = follow_symlinks(path, info, exists);
  if (!exists || S_ISREG(info.st_mode)) return replace_regular_file(path, target, exists ? &info : nullptr, text);
  if (S_ISDIR(info.st_mode)) throw std::runtime_error("cannot write " + path + ": it is a folder");
  // A device or a pipe (/dev/null, /dev/stdout, a FIFO): written through, as
  // a shell's `>` would; a rename would put a plain file in its place.
  Descriptor file{::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) fail_to_write(path, "write", errno);
  if (const int error = write_all(file.fd, text)) fail_to_write(path, "write", error);
  const int fd = file.fd;
  file.fd = -1;
  if (::close(fd) != 0) fail_to_write(path, "write", errno);
}

}  // namespace ato::io
