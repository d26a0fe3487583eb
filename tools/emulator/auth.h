#pragma once
/// SigV4 verification of incoming EC2 calls, as a pre-routing hook. Canonicalisation and signature
/// computation come from the library (ec2/sigv4.h); this file maps the outcomes to EC2's answers:
///   no or garbled signature        → 400 IncompleteSignature
///   unknown access key             → 401 AuthFailure
///   wrong secret / scope           → 403 SignatureDoesNotMatch
///   X-Amz-Date > 15 minutes off    → 400 RequestExpired (also expired presigned URLs)
///   expired temporary credentials  → 400 RequestExpired (EC2's documented answer)
///   ASIA key without / with a wrong session token → 401 AuthFailure
/// STS calls get STS's codes instead (verify_sts_request).

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "dispatcher.h"
#include "ec2/result.h"
#include "identity.h"
#include "sessions.h"

namespace ec2::emu {

/// One accepted key pair. Read-only keys get UnauthorizedOperation on mutating actions.
struct Credential {
  std::string access_key_id;
  std::string secret_access_key;
  bool read_only = false;
  Identity identity;  ///< Filled by add(): the default account's `emulator` user unless given.
};

struct Accounts;

/// The documented default test credentials (always present unless --no-default-credentials).
inline constexpr std::string_view kDefaultAccessKey = "AKIAIOSFODNN7EXAMPLE";
inline constexpr std::string_view kDefaultSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
/// A read-only default pair, for UnauthorizedOperation tests.
inline constexpr std::string_view kReadOnlyAccessKey = "AKIAI44QH8DHBEXAMPLE";
inline constexpr std::string_view kReadOnlySecretKey = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";

class CredentialStore {
 public:
  /// Adds (or replaces) a key pair; an empty identity becomes the default account's user
  /// `emulator` (or `emulator-read-only`).
  void add(Credential credential);
  /// Adds the access keys of every IAM user of `accounts`, and refuses session tokens sent with
  /// long-term keys from then on.
  void add_accounts(const Accounts& accounts);
  /// True once accounts were added: a session token with a long-term key is then refused.
  bool strict_tokens() const { return strict_tokens_; }
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
  bool strict_tokens_ = false;
};

/// Which answers a verification failure gets: EC2's, STS's, or those of the JSON-protocol
/// Organizations service.
enum class AuthDialect { Ec2, Sts, Organizations };

/// What a verified request proved.
struct Verified {
  Identity identity;
  std::string access_key;
  std::string region;  ///< Of the credential scope.
};

/// Verifies the SigV4 signature of `http` for `service` ("ec2" or "sts") against the long-term
/// keys in `store` and the temporary ones in `sessions` (may be null), at real time `now`
/// (signature dates). Temporary credentials expire by emulated time `session_now`, so
/// `/_emulator/advance` can expire them.
Result<Verified> verify_request(const CredentialStore& store, const SessionStore* sessions, const HttpCall& http,
                                std::chrono::system_clock::time_point now, AuthDialect dialect,
                                std::chrono::system_clock::time_point session_now);
/// The same with `session_now` = `now`.
inline Result<Verified> verify_request(const CredentialStore& store, const SessionStore* sessions,
                                       const HttpCall& http, std::chrono::system_clock::time_point now,
                                       AuthDialect dialect) {
  return verify_request(store, sessions, http, now, dialect, now);
}

/// Largest accepted difference between X-Amz-Date and the server's real clock.
inline constexpr std::chrono::minutes kMaxClockSkew{15};

/// Checks `http` as an EC2 call; on success sets `call.access_key`, `call.read_only`,
/// `call.identity` and `call.region` (from the credential scope).
Status authenticate(const CredentialStore& store, const SessionStore* sessions, Call& call, const HttpCall& http,
                    std::chrono::system_clock::time_point now,
                    std::optional<std::chrono::system_clock::time_point> session_now = std::nullopt);

/// The same without temporary credentials.
inline Status authenticate(const CredentialStore& store, Call& call, const HttpCall& http,
                           std::chrono::system_clock::time_point now) {
  return authenticate(store, nullptr, call, http, now);
}

/// The authentication hook for Dispatcher::add_hook (real time from `clock`, emulated time for
/// session expiry from `session_clock`).
Hook make_auth_hook(const CredentialStore& store, const SessionStore* sessions,
                    std::function<std::chrono::system_clock::time_point()> clock,
                    std::function<std::chrono::system_clock::time_point()> session_clock);

}  // namespace ec2::emu
