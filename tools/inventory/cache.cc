#include "cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <openssl/evp.h>

namespace ec2::inventory {
namespace {

Error io_error(const std::string& what, const std::string& path) {
  return make_error(ErrorCategory::Io, "CacheWriteFailed",
                    "cannot " + what + " " + path + ": " + std::strerror(errno));
}

std::string expand_home(const std::string& dir, const std::string& home) {
  if (dir == "~") return home;
  if (dir.rfind("~/", 0) == 0) return home + dir.substr(1);
  return dir;
}

}  // namespace

std::string sha256_hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

CacheEntry cache_entry(const std::string& dir, const std::string& home,
                       const std::string& key_material, long max_age_seconds) {
  std::filesystem::path path(expand_home(dir, home));
  path /= "ansible-ec2-" + sha256_hex(key_material).substr(0, 32) + ".cache";
  return {path.string(), max_age_seconds};
}

std::optional<std::string> read_cache(const CacheEntry& entry,
                                      std::chrono::system_clock::time_point now) {
  if (entry.max_age_seconds <= 0) return std::nullopt;
  struct stat info {};
  if (::stat(entry.path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  auto modified = std::chrono::system_clock::from_time_t(info.st_mtim.tv_sec) +
                  std::chrono::duration_cast<std::chrono::system_clock::duration>(
                      std::chrono::nanoseconds(info.st_mtim.tv_nsec));
  if (modified + std::chrono::seconds(entry.max_age_seconds) <= now) return std::nullopt;
  std::ifstream in(entry.path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Status write_cache(const CacheEntry& entry, const std::string& text) {
  std::filesystem::path path(entry.path);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    errno = ec.value();
    return io_error("create cache directory", path.parent_path().string());
  }
  std::random_device random;
  std::string temporary = entry.path + ".tmp" + std::to_string(::getpid()) + "." +
                          std::to_string(random());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("create", temporary);
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Error error = io_error("write", temporary);
      ::close(fd);
      ::unlink(temporary.c_str());
      return error;
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    Error error = io_error("write", temporary);
    ::unlink(temporary.c_str());
    return error;
  }
  if (::rename(temporary.c_str(), entry.path.c_str()) != 0) {
    Error error = io_error("rename into", entry.path);
    ::unlink(temporary.c_str());
    return error;
  }
  return {};
}

}  // namespace ec2::inventory
