#pragma once
/// Instance metadata (IMDS) credentials and region, with botocore's rules (utils.py IMDSFetcher):
///   - IMDSv2: PUT /latest/api/token (X-aws-ec2-metadata-token-ttl-seconds: 21600), then GETs with
///     X-aws-ec2-metadata-token. The token PUT falls back to IMDSv1 (no token) when it answers
///     403, 404 or 405, times out, or fails (or answers another non-200 status) on every attempt;
///     a 400 is an error (no credentials).
///   - GET latest/meta-data/iam/security-credentials/ gives the role name, then .../<role> the
///     credentials {"Code": "Success", "AccessKeyId", "SecretAccessKey", "Token", "Expiration"}.
///     A non-200, empty (or, for credentials, non-JSON) answer is retried up to the attempts.
///   - Settings (environment first, then the profile): AWS_EC2_METADATA_DISABLED (true: never
///     contacted; when the given Environment does not set it, the process's variable counts),
///     AWS_METADATA_SERVICE_TIMEOUT / metadata_service_timeout (seconds, default 1),
///     AWS_METADATA_SERVICE_NUM_ATTEMPTS / metadata_service_num_attempts (default 1),
///     AWS_EC2_METADATA_SERVICE_ENDPOINT / ec2_metadata_service_endpoint,
///     AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / ec2_metadata_service_endpoint_mode (ipv4 | ipv6)
///     and AWS_IMDS_USE_IPV6 / imds_use_ipv6. A custom endpoint wins over the IPv6 mode.
/// Like botocore, any failure to reach the service or read a role means "no credentials here",
/// so the chain can end with its list of places looked at.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "auth/credentials.h"
#include "auth/provider_http.h"
#include "auth/shared_files.h"
#include "ec2/config.h"

namespace ec2::auth {

/// Where and how to reach the instance metadata service.
struct ImdsSettings {
  bool disabled = false;
  std::string endpoint = "http://169.254.169.254/";  ///< Base URL; IPv6 mode: http://[fd00:ec2::254]/
  std::chrono::milliseconds timeout{1000};
  int attempts = 1;
};

/// The settings from the environment and the profile's settings. Errors (Config, InvalidConfig):
/// a timeout or attempt count that is not a whole number >= 1 (timeout >= 0), an endpoint mode
/// other than ipv4/ipv6, an endpoint that is not an http(s) URL.
Result<ImdsSettings> imds_settings(const Environment& env, const Settings& profile);

/// Talks to the service: the token step and GETs with botocore's retries.
class ImdsClient {
 public:
  /// Makes no transport (and so opens no socket) when `settings.disabled`.
  ImdsClient(ImdsSettings settings, const TransportFactory& make_transport);

  /// The IMDSv2 token, nullopt for the IMDSv1 fallback, an error for 400 or when disabled.
  Result<std::optional<std::string>> token();
  /// GET of `path` (relative to the endpoint); `json`: a body that is not JSON is retried too.
  Result<std::string> get(std::string_view path, const std::optional<std::string>& token, bool json);

  /// `path` joined to the endpoint.
  std::string url(std::string_view path) const;

 private:
  ImdsSettings settings_;
  std::shared_ptr<HttpTransport> transport_;
};

/// The instance role's credentials (source "iam-role"), or nullopt when the service is disabled,
/// unreachable, or has no role or no credentials for it.
std::optional<Credentials> fetch_instance_credentials(ImdsClient& client);

/// The instance's region (its availability zone less the last letter), or nullopt as above.
std::optional<std::string> fetch_instance_region(ImdsClient& client);

/// The region for resolve_config when none is configured (the AWS CLI v2 asks instance metadata
/// last), with the active profile's settings; nullopt when disabled, unreachable or misconfigured.
std::optional<std::string> instance_metadata_region(const Environment& env, const Settings& profile,
                                                    const TransportFactory& transport);

/// The chain's instance metadata link, with the settings of the active profile: null when the
/// service is disabled or has no credentials, else a provider that fetches them again before
/// they expire. An invalid setting is an error.
MaybeProvider load_instance_metadata(const CredentialSources& sources, const std::string& profile, bool use_env);

}  // namespace ec2::auth
