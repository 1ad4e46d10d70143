#include "io/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
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

void replace_file(const std::string& path, const std::string& text) {
  const std::string temp = path + ".tmp";
  auto fail = [&](const char* step) {
    const std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    throw std::runtime_error(std::string("cannot ") + step + " " + path + ": " + reason);
  };
  {
    Descriptor file{::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
    if (file.fd < 0) fail("write");
    for (std::size_t done = 0; done < text.size();) {
      const ssize_t n = ::write(file.fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail("write");
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(file.fd) != 0) fail("write");
    const int fd = file.fd;
    file.fd = -1;
    if (::close(fd) != 0) fail("write");
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) fail("replace");
}

}  // namespace ato::io
