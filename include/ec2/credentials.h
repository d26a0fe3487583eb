#pragma once
/// Credentials, the providers that supply (and refresh) them, and the services providers use to
/// reach STS, SSO or instance metadata. resolve_config (ec2/config.h) builds the provider chain;
/// docs/configuration.md describes it for users.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ec2/clock.h"
#include "ec2/http.h"
#include "ec2/result.h"

namespace ec2 {

/// AWS credentials. `source` says where they came from, with the AWS CLI's names: "explicit",
/// "env", "assume-role", "assume-role-with-web-identity", "sso", "shared-credentials-file",
/// "custom-process", "config-file", "container-role", "iam-role" ("none" when not signing).
struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;
  std::string source;
  /// When temporary credentials stop working (credential_process `Expiration`,
  /// AWS_CREDENTIAL_EXPIRATION, STS); empty when they do not expire.
  std::optional<std::chrono::system_clock::time_point> expiration;
  /// What the provider can say about whom these credentials belong to, for --debug output, e.g.
  /// "assume-role: arn:aws:sts::123456789012:assumed-role/Admin/s1, source profile dev".
  /// Never a secret, token or signature. Empty when there is nothing to add to `source`.
  std::string identity;
};

/// Supplies credentials, refreshing temporary ones before they expire. Implementations are
/// thread-safe: many threads may call get() at once (one refreshes while the others wait).
class CredentialsProvider {
 public:
  virtual ~CredentialsProvider() = default;
  /// Current credentials, good for at least a few more minutes when they expire.
  virtual Result<Credentials> get() = 0;
};

/// A provider that always returns `credentials` (explicit keys, environment, static files).
std::shared_ptr<CredentialsProvider> fixed_credentials(Credentials credentials);

/// Asks the user for a secret such as an MFA code; the answer without its line end.
using PromptFunction = std::function<Result<std::string>(const std::string& prompt)>;
/// Makes the HTTP transport for calls to STS, SSO or instance metadata.
using TransportFactory = std::function<std::shared_ptr<HttpTransport>(const TransportOptions&)>;

/// What credential providers use to talk to the world. Every member may be left empty for the
/// real one; tests inject fakes (a fake transport, a fake clock, a scripted prompt).
struct CredentialServices {
  TransportFactory transport;        ///< default: make_curl_transport
  std::shared_ptr<Clock> clock;      ///< default: system_clock()
  PromptFunction prompt;             ///< default: read from the terminal (/dev/tty), no echo
  std::function<bool()> interactive; ///< default: standard input is a terminal
};

/// `services` with each empty member replaced by the real implementation.
CredentialServices with_defaults(CredentialServices services);

}  // namespace ec2
