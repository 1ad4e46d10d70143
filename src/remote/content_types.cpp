#include "remote/content_types.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

namespace ato::remote {
namespace {

constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
    {"png", "image/png"},        {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},      {"gif", "image/gif"},
    {"webp", "image/webp"},      {"svg", "image/svg+xml"},
    {"bmp", "image/bmp"},        {"ico", "image/x-icon"},
    {"pdf", "application/pdf"},  {"txt", "text/plain"},
    {"log", "text/plain"},       {"md", "text/markdown"},
    {"csv", "text/csv"},         {"tsv", "text/tab-separated-values"},
    {"html", "text/html"},       {"htm", "text/html"},
    {"xml", "application/xml"},  {"json", "application/json"},
    {"har", "application/json"}, {"yaml", "application/yaml"},
    {"yml", "application/yaml"}, {"zip", "application/zip"},
    {"gz", "application/gzip"},  {"tar", "application/x-tar"},
    {"mp4", "video/mp4"},        {"webm", "video/webm"},
    {"mov", "video/quicktime"},  {"mp3", "audio/mpeg"},
    {"wav", "audio/wav"},
};

}  // namespace

std::string content_type_of(const std::string& file_name) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string::npos || dot == 0) return "application/octet-stream";
  std::string ext = file_name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [known, type] : kTypes)
    if (known == ext) return std::string(type);
  return "application/octet-stream";
}

}  // namespace ato::remote
