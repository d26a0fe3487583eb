#pragma once
/// The ec2.ini mode's result cache. Unlike ec2.py (whose file name changed with every Python 3
/// run), the name is stable: a hash of the config file content, the credentials identity and the
/// environment that changes results, so a second run within cache_max_age reuses it. Files are
/// written atomically (temporary file + rename) with mode 0600. The aws_ec2.yml mode uses the same
/// entries.

#include <chrono>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "ec2/result.h"

namespace ec2::inventory {

/// Where one cache entry lives and how old it may be.
struct CacheEntry {
  std::string path;  ///< Full file path.
  long max_age_seconds = 0;  ///< 0 or less: never valid.
};

/// `dir/ansible-ec2-<hex of SHA-256 over key_material>.cache`, with `~` in `dir` expanded from
/// `home`.
CacheEntry cache_entry(const std::string& dir, const std::string& home,
                       const std::string& key_material, long max_age_seconds);

/// The cached text, or nullopt when the file is missing or older than max_age.
std::optional<std::string> read_cache(const CacheEntry& entry,
                                      std::chrono::system_clock::time_point now =
                                          std::chrono::system_clock::now());

/// Hands the cached text to `write` a piece at a time (a large inventory never sits in memory
/// whole). False when there is no fresh entry; an error when the file cannot be read through.
Result<bool> copy_cache(const CacheEntry& entry, const std::function<void(std::string_view)>& write,
                        std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// The fresh cached text opened for reading; nullopt when there is no fresh entry.
std::optional<std::ifstream> open_cache(const CacheEntry& entry,
                                        std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// A cache entry being written: pieces go to a temporary file beside it (mode 0600), which
/// `commit` renames into place. Dropped without a commit (a run that failed), the temporary
/// file is removed and an older entry stays as it was.
class CacheFile {
 public:
  /// Creates the temporary file, and the directory when needed.
  static Result<CacheFile> create(const CacheEntry& entry);
  CacheFile(CacheFile&& other) noexcept;
  CacheFile& operator=(CacheFile&&) = delete;
  ~CacheFile();

  Status append(std::string_view piece);
  /// Flushes the file to disk and renames it over the entry.
  Status commit();

 private:
  CacheFile(std::string path, std::string temporary, int fd);
  void discard();

  std::string path_;
  std::string temporary_;
  int fd_ = -1;
};

/// Writes `text` atomically with mode 0600, creating the directory when needed.
Status write_cache(const CacheEntry& entry, const std::string& text);

/// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(const std::string& data);

}  // namespace ec2::inventory
