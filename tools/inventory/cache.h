#pragma once
/// The ec2.ini mode's result cache. Unlike ec2.py (whose file name changed with every Python 3
/// run), the name is stable: a hash of the config file content, the credentials identity and the
/// environment that changes results, so a second run within cache_max_age reuses it. Files are
/// written atomically (temporary file + rename) with mode 0600.

#include <chrono>
#include <optional>
#include <string>

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

/// Writes `text` atomically with mode 0600, creating the directory when needed.
Status write_cache(const CacheEntry& entry, const std::string& text);

/// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(const std::string& data);

}  // namespace ec2::inventory
