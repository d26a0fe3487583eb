#include "cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

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

/// Whether the entry exists and is younger than its max age.
bool is_fresh(const CacheEntry& entry, std::chrono::system_clock::time_point now) {
  if (entry.max_age_seconds <= 0) return false;
  struct stat info {};
  if (::stat(entry.path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  auto modified = std::chrono::system_clock::from_time_t(info.st_mtim.tv_sec) +
                  std::chrono::duration_cast<std::chrono::system_clock::duration>(
                      std::chrono::nanoseconds(info.st_mtim.tv_nsec));
  return modified + std::chrono::seconds(entry.max_age_seconds) > now;
}

/// Reads the open file `fd` to its end, a piece at a time, and closes it.
Status read_through(int fd, const std::string& path, const std::function<void(std::string_view)>& piece) {
  std::string buffer(1 << 20, '\0');
  while (true) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Error error = make_error(ErrorCategory::Io, "CacheReadFailed", "cannot read " + path + ": " + std::strerror(errno));
      ::close(fd);
      return error;
    }
    if (n == 0) break;
    piece(std::string_view(buffer.data(), static_cast<size_t>(n)));
  }
  ::close(fd);
  return {};
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

std::optional<std::string> read_cache(const CacheEntry& entry, std::chrono::system_clock::time_point now) {
  std::string text;
  auto copied = copy_cache(entry, [&](std::string_view piece) { text += piece; }, now);
  if (!copied || !*copied) return std::nullopt;
  return text;
}

Result<bool> copy_cache(const CacheEntry& entry, const std::function<void(std::string_view)>& write,
                        std::chrono::system_clock::time_point now) {
  int fd = is_fresh(entry, now) ? ::open(entry.path.c_str(), O_RDONLY | O_CLOEXEC) : -1;
  if (fd < 0) return false;
  EC2_TRY(read_through(fd, entry.path, write));
  return true;
}

std::optional<std::ifstream> open_cache(const CacheEntry& entry, std::chrono::system_clock::time_point now) {
  if (!is_fresh(entry, now)) return std::nullopt;
  std::ifstream in(entry.path, std::ios::binary);
  if (!in) return std::nullopt;
  return in;
}

CacheFile::CacheFile(std::string path, std::string temporary, int fd)
    : path_(std::move(path)), temporary_(std::move(temporary)), fd_(fd) {}

CacheFile::CacheFile(CacheFile&& other) noexcept
    : path_(std::move(other.path_)), temporary_(std::move(other.temporary_)), fd_(other.fd_) {
  other.fd_ = -1;
  other.temporary_.clear();
}

CacheFile::~CacheFile() { discard(); }

void CacheFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
}

Result<CacheFile> CacheFile::create(const CacheEntry& entry) {
  std::filesystem::path path(entry.path);
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    errno = ec.value();
    return io_error("create cache directory", path.parent_path().string());
  }
  std::random_device random;
  std::string temporary = entry.path + ".tmp" + std::to_string(::getpid()) + "." + std::to_string(random());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("create", temporary);
  return CacheFile(entry.path, std::move(temporary), fd);
}

Status CacheFile::append(std::string_view piece) {
  if (fd_ < 0) return make_error(ErrorCategory::Io, "CacheWriteFailed", "cache file " + path_ + " is closed");
  while (!piece.empty()) {
    ssize_t n = ::write(fd_, piece.data(), piece.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Error error = io_error("write", temporary_);
      discard();
      return error;
    }
    piece.remove_prefix(static_cast<size_t>(n));
  }
  return {};
}

Status CacheFile::commit() {
  if (fd_ < 0) return make_error(ErrorCategory::Io, "CacheWriteFailed", "cache file " + path_ + " is closed");
  int fd = fd_;
  fd_ = -1;
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    Error error = io_error("write", temporary_);
    discard();
    return error;
  }
  if (::rename(temporary_.c_str(), path_.c_str()) != 0) {
    Error error = io_error("rename into", path_);
    discard();
    return error;
  }
  temporary_.clear();
  return {};
}

Status write_cache(const CacheEntry& entry, const std::string& text) {
  auto file = CacheFile::create(entry);
  if (!file) return file.error();
  EC2_TRY(file->append(text));
  return file->commit();
}

}  // namespace ec2::inventory
