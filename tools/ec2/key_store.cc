#include "key_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace ec2::cli {
namespace {

Error io_error(std::string code, std::string message) {
  return make_error(ErrorCategory::Io, std::move(code), std::move(message));
}

std::string errno_text(int err) { return std::strerror(err); }

Error dir_error(const std::string& dir, int err) {
  return io_error("KeyDirNotWritable",
                  fmt::format("Key directory {} is not usable: {}. Choose another with --key-dir "
                              "or EC2_KEY_DIR.", dir, errno_text(err)));
}

/// fsyncs a directory so a rename/link/unlink in it is durable.
void sync_dir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

/// Writes all of `data` to `fd`, retrying short writes and EINTR.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

/// mkdir -p with mode 0700 for every directory created.
int make_dirs(const std::string& dir) {
  struct stat st;
  if (::stat(dir.c_str(), &st) == 0) return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
  auto slash = dir.find_last_of('/');
  if (slash != std::string::npos && slash > 0) {
    if (int err = make_dirs(dir.substr(0, slash))) return err;
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) return errno;
  return 0;
}

}  // namespace

std::string resolve_key_dir(const std::optional<std::string>& flag, const Environment& env) {
  if (flag && !flag->empty()) return *flag;
  if (auto dir = env.get("EC2_KEY_DIR"); dir && !dir->empty()) return *dir;
  return env.home() + "/.ssh";
}

std::string validate_key_name(std::string_view name) {
  if (name.empty()) return "the key name is empty";
  if (name.size() > 255) return "the key name is longer than 255 characters";
  if (name.front() == '.') return "the key name must not start with '.'";
  for (char c : name) {
    if (c == '/') return "the key name must not contain '/'";
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
      return "the key name must be printable ASCII";
  }
  return "";
}

std::string KeyStore::path_for(std::string_view key) const {
  return fmt::format("{}/{}.pem", dir_, key);
}

Status KeyStore::prepare() const {
  if (int err = make_dirs(dir_)) return dir_error(dir_, err);
  if (::access(dir_.c_str(), W_OK | X_OK) != 0) return dir_error(dir_, errno);
  return {};
}

Result<std::optional<std::string>> KeyStore::read(std::string_view key) const {
  std::string path = path_for(key);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::optional<std::string>();
    return io_error("KeyFileUnreadable", fmt::format("Cannot read {}: {}", path, errno_text(errno)));
  }
  std::string text;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return io_error("KeyFileUnreadable", fmt::format("Cannot read {}: {}", path, errno_text(err)));
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return std::optional<std::string>(std::move(text));
}

Status KeyStore::write_new(std::string_view key, std::string_view contents) const {
  std::string path = path_for(key);
  std::string tmp = fmt::format("{}/.{}.pem.tmp.XXXXXX", dir_, key);
  int fd = ::mkostemp(tmp.data(), O_CLOEXEC);  // created with mode 0600
  if (fd < 0) return dir_error(dir_, errno);
  bool ok = ::fchmod(fd, 0600) == 0 && write_all(fd, contents) && ::fsync(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    return dir_error(dir_, err);
  }
  // link() fails with EEXIST instead of replacing: an existing key file is never overwritten.
  int rc = ::link(tmp.c_str(), path.c_str());
  err = errno;
  ::unlink(tmp.c_str());
  sync_dir(dir_);
  if (rc != 0 && err == EEXIST)
    return io_error("KeyFileExists", fmt::format("Key file {} already exists; not replacing it.", path));
  if (rc != 0) return dir_error(dir_, err);
  return {};
}

Status KeyStore::remove(std::string_view key) const {
  std::string path = path_for(key);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT)
    return io_error("KeyFileNotRemoved", fmt::format("Cannot delete {}: {}", path, errno_text(errno)));
  sync_dir(dir_);
  return {};
}

Result<KeyLock> KeyLock::acquire(const KeyStore& store, std::string_view key,
                                 void (*on_wait)(std::string_view lock_path)) {
  std::string path = fmt::format("{}/.{}.lock", store.dir(), key);
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return dir_error(store.dir(), errno);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (on_wait) on_wait(path);
    while (::flock(fd, LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return io_error("KeyLockFailed", fmt::format("Cannot lock {}: {}", path, errno_text(err)));
    }
  }
  return KeyLock(fd);
}

KeyLock::~KeyLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace ec2::cli
