#pragma once
/// Helpers for the identity and credential tests: an emulator with an accounts file, running on a
/// manual clock, and signed EC2 / STS calls made in-process.

#include <memory>
#include <string>

#include "ec2/sigv4.h"
#include "test_support.h"

namespace ec2::emu::testing {

/// The accounts of the credential tests (two accounts, users with keys and MFA, roles, an
/// issuer, SSO, instance profiles).
std::string test_accounts_yaml();

/// Key, secret and (for temporary credentials) session token.
struct Keys {
  std::string id;
  std::string secret;
  std::string token;
};

/// Keys of the test accounts' users.
inline const Keys kAlice{"AKIAALICE00000000001", "alice/secret/key/0000000000000000000001", ""};
inline const Keys kBob{"AKIABOB0000000000001", "bob/secret/key/000000000000000000000001", ""};
inline const Keys kBuiltin{std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), ""};

/// An emulator with authentication and the test accounts, on `clock` (keeping its state in
/// `state_file` when given).
std::unique_ptr<Emulator> accounts_emulator(std::shared_ptr<ManualClock> clock, size_t seeded = 0,
                                            const std::string& state_file = "");

/// `form` POSTed to `/`, signed with `keys` for `service` in `region` at `when`.
HttpCall signed_post(const std::string& form, const Keys& keys, const std::string& service,
                     std::chrono::system_clock::time_point when, const std::string& region = "us-east-1");

/// `body` POSTed to `/` with `headers` (e.g. a JSON protocol's Content-Type and X-Amz-Target), signed
/// with `keys` for `service` in `region` at `when`.
HttpCall signed_post(const std::string& body, const Headers& headers, const Keys& keys, const std::string& service,
                     std::chrono::system_clock::time_point when, const std::string& region = "us-east-1");

/// Sends `form` (with Version) to `emulator`, signed by `keys` at the clock's time.
Answer signed_call(Emulator& emulator, ManualClock& clock, const std::string& service, const std::string& form,
                   const Keys& keys, const std::string& region = "us-east-1");

/// An STS answer's credentials (AccessKeyId, SecretAccessKey, SessionToken).
Keys credentials_of(const Answer& answer);

/// The code of an STS error document.
inline std::string sts_code(const Answer& answer) { return answer.text("/ErrorResponse/Error/Code"); }

}  // namespace ec2::emu::testing
