#pragma once
// Test helper: a private temporary directory, removed with everything in it when it goes away.

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace ec2::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ec2-auth-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

  /// Writes `content` to `name` (creating parent folders) and returns the full path.
  std::string write(const std::string& name, const std::string& content, bool executable = false) const {
    std::filesystem::path full = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full, std::ios::binary) << content;
    if (executable) ::chmod(full.c_str(), 0755);
    return full.string();
  }

 private:
  std::string path_;
};

}  // namespace ec2::testing
