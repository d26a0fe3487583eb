#pragma once
/// The credential cache the AWS CLI shares with its tools: ~/.aws/cli/cache/<key>.json. Keys and
/// contents follow botocore (credentials.py, utils.py JSONFileCache), so a role the CLI assumed
/// (maybe after an MFA prompt) is reused here without a new STS call, and the other way round.
///
/// Cache keys (botocore's `_create_cache_key`): the lowercase hex SHA-1 of the sorted JSON of the
/// call's arguments —
///   AssumeRole: {DurationSeconds, ExternalId, RoleArn, RoleSessionName, SerialNumber} with only
///     the configured ones (RoleSessionName only when configured, not when generated), written by
///     Python's json.dumps(sort_keys=True): separators ", " and ": ", non-ASCII as \uXXXX;
///   AssumeRoleWithWebIdentity: {RoleArn, RoleSessionName (when configured)}, the same way;
///   SSO: {"accountId","roleName","sessionName" | "startUrl"} with separators "," and ":".
/// Content: the AssumeRole response as botocore serialises it,
///   {"Credentials": {"AccessKeyId", "SecretAccessKey", "SessionToken",
///                    "Expiration": "2026-12-07T03:00:00UTC"}, "AssumedRoleUser": {...}, ...}.
/// Files are 0600 in a 0700 folder, written atomically (temporary file + rename).

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "auth/sts.h"
#include "ec2/config.h"

namespace ec2::auth {

/// Values of a cache-key dictionary: strings or whole numbers (DurationSeconds).
using CacheKeyValue = std::variant<std::string, long long>;
using CacheKeyArgs = std::map<std::string, CacheKeyValue>;

/// SHA-1 hex of json.dumps(args, sort_keys=True) (the assume-role and web-identity keys).
std::string assume_role_cache_key(const CacheKeyArgs& args);
/// SHA-1 hex of json.dumps(args, sort_keys=True, separators=(",", ":")) (the SSO key).
std::string sso_cache_key(const CacheKeyArgs& args);

/// Credentials cached with botocore's window: entries expiring within `window` count as absent.
class CliCache {
 public:
  /// The cache in `dir` (usually cli_cache_dir(env)).
  explicit CliCache(std::string dir) : dir_(std::move(dir)) {}

  /// The entry for `key` when it exists, parses and is valid for at least `window` after `now`.
  std::optional<AssumedRole> load(const std::string& key, std::chrono::system_clock::time_point now,
                                  std::chrono::seconds window = std::chrono::minutes(15)) const;
  /// Writes the entry for `key` (creating the folder 0700, the file 0600, atomically).
  Status store(const std::string& key, const AssumedRole& role) const;

  const std::string& dir() const { return dir_; }
  /// Path of the file for `key`.
  std::string path(const std::string& key) const { return dir_ + "/" + key + ".json"; }

 private:
  std::string dir_;
};

/// ~/.aws/cli/cache under the environment's home.
std::string cli_cache_dir(const Environment& env);

/// `time` as botocore writes it in cache files: `2026-12-07T03:00:00UTC`.
std::string cache_timestamp(std::chrono::system_clock::time_point time);

}  // namespace ec2::auth
