#pragma once
/// Configuration and credentials, resolved with the AWS CLI's rules and precedence:
/// explicit overrides > environment > shared files (~/.aws/credentials, ~/.aws/config).
/// docs/configuration.md describes every variable and setting for users.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ec2/credentials.h"
#include "ec2/result.h"

namespace ec2 {

enum class RetryMode { Standard, Legacy, Adaptive };

/// Values the caller sets explicitly (command-line flags, module arguments). They win over all else.
struct ConfigOverrides {
  std::optional<std::string> profile;
  std::optional<std::string> region;
  std::optional<std::string> endpoint_url;
  std::optional<std::string> access_key_id;
  std::optional<std::string> secret_access_key;
  std::optional<std::string> session_token;
  std::optional<std::string> ca_bundle;
  std::optional<int> max_attempts;
  std::optional<RetryMode> retry_mode;
  /// Do not look for credentials at all (`--no-sign-request`): requests go out unsigned.
  bool no_credentials = false;
};

/// Everything a client needs, fully resolved.
struct ResolvedConfig {
  std::string profile = "default";
  std::string region;
  std::string endpoint_url;  ///< Always set: the override or `https://ec2.{region}.amazonaws.com`.
  /// STS endpoint with the same rules (AWS_ENDPOINT_URL_STS, ...; default the regional
  /// `https://sts.{region}.amazonaws.com`), for GetCallerIdentity and AssumeRole.
  std::string sts_endpoint_url;
  /// The credentials when the configuration was resolved (source "none" when not signing). Kept
  /// for callers that read them once; requests are signed with `credentials_provider`.
  Credentials credentials;
  /// Supplies current (refreshed) credentials; null when not signing. Clients sign with this
  /// when set, else with `credentials`.
  std::shared_ptr<CredentialsProvider> credentials_provider;
  std::string ca_bundle;
  int max_attempts = 3;
  RetryMode retry_mode = RetryMode::Standard;
};

/// Process environment and home directory, as an interface so tests can fake them.
class Environment {
 public:
  virtual ~Environment() = default;
  virtual std::optional<std::string> get(std::string_view name) const = 0;
  virtual std::string home() const = 0;
};

/// The real process environment.
const Environment& process_environment();

/// Environment backed by a map, for tests and for embedding callers.
class MapEnvironment final : public Environment {
 public:
  MapEnvironment(std::map<std::string, std::string> vars, std::string home)
      : vars_(std::move(vars)), home_(std::move(home)) {}
  std::optional<std::string> get(std::string_view name) const override;
  std::string home() const override { return home_; }

 private:
  std::map<std::string, std::string> vars_;
  std::string home_;
};

/// Resolves region, endpoint, credentials and retry settings. Errors (Config category) say how to
/// fix them; a malformed file names the file and line (`~/.aws/config:7: ...`). Error codes:
/// NoRegion, InvalidRegion, NoCredentials, PartialCredentials, ProfileNotFound, ConfigParseError,
/// CredentialProcessError, UnsupportedCredentials, InvalidEndpoint, InvalidMaxAttempts,
/// InvalidRetryMode (and ConfigReadError, category Io, for an unreadable file).
Result<ResolvedConfig> resolve_config(const ConfigOverrides& overrides = {},
                                      const Environment& env = process_environment());

/// As above, with the services credential providers use to reach STS, IAM Identity Center,
/// container and instance metadata endpoints; empty members get the real ones. Further error
/// codes: InvalidConfig, InfiniteLoopConfig, MfaRequired, NoTerminal, WebIdentityError,
/// ExpiredCredentials, SsoTokenExpired (run `aws sso login`), SsoTokenCacheError,
/// ContainerCredentialsError, InvalidContainerEndpoint, and STS's and the SSO portal's own codes
/// (AccessDenied, ForbiddenException, ...) with their message and request id.
Result<ResolvedConfig> resolve_config(const ConfigOverrides& overrides, const Environment& env,
                                      const CredentialServices& services);

/// `https://ec2.{region}.amazonaws.com`, or `.amazonaws.com.cn` for `cn-*` regions.
std::string default_endpoint(std::string_view region);

/// "standard", "legacy" or "adaptive".
std::string_view to_string(RetryMode mode);

}  // namespace ec2
