#pragma once
/// SigV4 verification of incoming EC2 calls, as a pre-routing hook. Canonicalisation and signature
/// computation come from the library (ec2/sigv4.h); this file maps the outcomes to EC2's answers:
///   no or garbled signature        → 400 IncompleteSignature
///   unknown access key             → 401 AuthFailure
///   wrong secret / scope           → 403 SignatureDoesNotMatch
///   X-Amz-Date > 15 minutes off    → 400 RequestExpired (also expired presigned URLs)

#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "dispatcher.h"
#include "ec2/result.h"

namespace ec2::emu {

/// One accepted key pair. Read-only keys get UnauthorizedOperation on mutating actions.
struct Credential {
  std::string access_key_id;
  std::string secret_access_key;
  bool read_only = false;
};

/// The documented default test credentials (always present unless --no-default-credentials).
inline constexpr std::string_view kDefaultAccessKey = "AKIAIOSFODNN7EXAMPLE";
inline constexpr std::string_view kDefaultSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// A read-only default pair, for UnauthorizedOperation tests.
inline constexpr std::string_view kReadOnlyAccessKey = "AKIAI44QH8DHBEXAMPLE";
inline constexpr std::string_view kReadOnlySecretKey = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";

class CredentialStore {
 public:
  /// Adds (or replaces) a key pair.
  void add(Credential credential);
  /// Adds both default pairs.
  void add_defaults();
  /// Adds the pairs of a file: one `ACCESS_KEY SECRET [read-only]` per line; `#` starts a comment.
  Status load_file(const std::string& path);
  /// Parses `KEY:SECRET` (a `--credentials` flag value).
  Status add_spec(std::string_view spec);
  const Credential* find(std::string_view access_key) const;
  size_t size() const { return credentials_.size(); }

 private:
  std::map<std::string, Credential, std::less<>> credentials_;
};

/// Largest accepted difference between X-Amz-Date and the server's real clock.
inline constexpr std::chrono::minutes kMaxClockSkew{15};

/// Checks `http` against `store` at real time `now()`; on success sets `call.access_key`,
/// `call.read_only` and `call.region` (from the credential scope).
Status authenticate(const CredentialStore& store, Call& call, const HttpCall& http,
                    std::chrono::system_clock::time_point now);

/// The authentication hook for Dispatcher::add_hook (real time from `clock`).
Hook make_auth_hook(const CredentialStore& store,
                    std::function<std::chrono::system_clock::time_point()> clock);

}  // namespace ec2::emu
