#include "io/attachment_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "io/file_io.hpp"
#include "util/byte_size.hpp"
#include "util/sha256.hpp"

namespace ato::io {
namespace fs = std::filesystem;

namespace {

// Whether `inner` is `outer` or below it; both absolute and normal.
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto o = outer.begin();
  auto i = inner.begin();
  for (; o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // the empty element after a trailing slash
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path.empty() ? fs::path(".") : path, ec);
  return (ec ? path : absolute).lexically_normal();
}

std::string shown(const fs::path& path) {
  std::error_code ec;
  const fs::path relative = fs::relative(path, fs::current_path(ec), ec);
  if (!ec && !relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return path.generic_string();
}

std::string type_problem(const fs::file_status& status) {
  const std::string kind = special_file_kind(status.type());
  if (kind.empty()) return {};
  if (status.type() == fs::file_type::directory) return "is a folder; list the files in it one by one";
  return "is " + kind + (kind == "not a regular file" ? "" : ", not a regular file");
}

}  // namespace

std::string file_sha256(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  util::Sha256 hash;
  char buffer[1 << 16];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) hash.update(buffer, n);
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) throw std::runtime_error("cannot read " + path + ": read error");
  return hash.hex_digest();
}

AttachmentFile read_attachment_file(const std::string& written, const std::string& case_file,
                                    const std::string& repository_root, std::int64_t max_bytes) {
  AttachmentFile out;
  const fs::path given(written);
  if (written.empty() || written.find_first_not_of(" \t") == std::string::npos) {
    out.error = "is empty; write a path relative to the folder of " + case_file;
    return out;
  }
  if (given.is_absolute()) {
    out.error = "\"" + written + "\" is an absolute path; write it relative to the folder of " + case_file;
    return out;
  }
  if (!given.has_filename() || given.filename() == "." || given.filename() == "..") {
    out.error = "\"" + written + "\" names a folder, not a file";
    return out;
  }
  const fs::path root = absolute_normal(repository_root);
  const fs::path joined = absolute_normal(fs::path(case_file).parent_path() / given);
  if (!is_within(joined, root)) {
    out.error =
        "\"" + written + "\" leaves the repository (" + shown(root) + "); attachments must be inside it";
    return out;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(joined, ec);
  if (ec || !fs::exists(status)) {
    out.error = "\"" + written + "\": no such file (" + shown(joined) + ")";
    return out;
  }
  if (const auto problem = type_problem(status); !problem.empty()) {
    out.error = "\"" + written + "\" " + problem;
    return out;
  }
  // A symlink inside the repository may still point out of it.
  const fs::path real = fs::canonical(joined, ec);
  const fs::path real_root = fs::weakly_canonical(root, ec);
  if (!ec && !is_within(real, real_root)) {
    out.error = "\"" + written + "\" is a symlink that leaves the repository (to " + real.string() + ")";
    return out;
  }
  const auto size = fs::file_size(joined, ec);
  if (ec) {
    out.error = "\"" + written + "\": " + ec.message();
    return out;
  }
  if (static_cast<std::int64_t>(size) > max_bytes) {
    out.error = "\"" + written + "\" is " + util::describe_bytes(static_cast<std::int64_t>(size)) +
                ", over attachments.max_bytes (" + util::describe_bytes(max_bytes) + ") in the config";
    return out;
  }
  auto& a = out.attachment;
  a.name = given.filename().string();
  a.size = static_cast<std::int64_t>(size);
  a.path = shown(joined);
  try {
    a.sha256 = file_sha256(joined.string());
  } catch (const std::runtime_error& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace ato::io
