#pragma once
/// Where the `ec2` tool keeps private keys, and how it writes them: atomically (temporary file in
/// the same directory, fsync, link into place, fsync the directory), mode 0600 in a 0700
/// directory, never overwriting an existing file. A per-key lock file (flock) serialises
/// concurrent runs for one key on this machine.

#include <optional>
#include <string>
#include <string_view>

#include "ec2/config.h"
#include "ec2/result.h"

namespace ec2::cli {

/// The key directory: `--key-dir` if given, else `$EC2_KEY_DIR`, else `~/.ssh`.
std::string resolve_key_dir(const std::optional<std::string>& flag, const Environment& env);

/// Checks that `name` can be used as a key-pair name and a file name: 1–255 printable ASCII
/// characters, no `/`, not starting with `.`. Returns a message saying what is wrong, or "".
std::string validate_key_name(std::string_view name);

/// Private-key files of one directory.
class KeyStore {
 public:
  explicit KeyStore(std::string dir) : dir_(std::move(dir)) {}

  const std::string& dir() const { return dir_; }
  /// `<dir>/<key>.pem`.
  std::string path_for(std::string_view key) const;

  /// Creates the directory (mode 0700, parents 0700 too) when missing and checks that files can
  /// be created in it. Error code "KeyDirNotWritable" names the directory and the reason.
  Status prepare() const;

  /// The file's contents, nullopt when it does not exist, an error when it cannot be read.
  Result<std::optional<std::string>> read(std::string_view key) const;

  /// Writes `contents` as the key file for `key` atomically with mode 0600. Fails with code
  /// "KeyFileExists" if the file is already there (it is never replaced).
  Status write_new(std::string_view key, std::string_view contents) const;

  /// Deletes the key file (and fsyncs the directory). A missing file is not an error.
  Status remove(std::string_view key) const;

 private:
  std::string dir_;
};

/// An exclusive flock on `<dir>/.<key>.lock`, held until destruction. Blocks while another
/// process holds it; the kernel drops it when a holder dies, so a killed run never leaves it stuck.
class KeyLock {
 public:
  /// Takes the lock, creating the lock file (0600) if needed. `on_wait` is called once if the
  /// lock is busy, before blocking.
  static Result<KeyLock> acquire(const KeyStore& store, std::string_view key,
                                 void (*on_wait)(std::string_view lock_path) = nullptr);
  KeyLock(KeyLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  KeyLock& operator=(KeyLock&&) = delete;
  KeyLock(const KeyLock&) = delete;
  ~KeyLock();

 private:
  explicit KeyLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace ec2::cli
