#pragma once
/// Container credentials (ECS task roles, EKS Pod Identity), with botocore's rules
/// (credentials.py ContainerProvider, utils.py ContainerMetadataFetcher):
///   - AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: GET http://169.254.170.2<relative URI>; it wins over
///   - AWS_CONTAINER_CREDENTIALS_FULL_URI: GET that URL, whose host must be a loopback address
///     (127.0.0.0/8, ::1), localhost, 169.254.170.2 (ECS), 169.254.170.23 or fd00:ec2::23 (EKS
///     Pod Identity); any other host is an error. With the full URI only, the `Authorization`
///     header carries the contents of AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (read again at every
///     fetch, as EKS rotates it) or else AWS_CONTAINER_AUTHORIZATION_TOKEN.
///   - Each fetch waits 2 seconds at most per attempt and makes 3 attempts, 1 second apart; a
///     non-200 answer or a body that is not JSON counts as a failed attempt.
///   - The answer: {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}.
/// Unlike instance metadata, a configured container endpoint that fails is an error.

#include <optional>
#include <string>

#include "auth/credentials.h"
#include "auth/provider_http.h"
#include "ec2/clock.h"
#include "ec2/config.h"

namespace ec2::auth {

/// What the environment asks for.
struct ContainerSettings {
  std::string url;
  std::string token;       ///< AWS_CONTAINER_AUTHORIZATION_TOKEN (full URI only).
  std::string token_file;  ///< AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (full URI only; wins).
  std::string ca_bundle;   ///< For an https full URI.
};

/// The settings, nullopt when neither URI variable is set, or an error (Config,
/// InvalidContainerEndpoint) for a full URI whose host is not allowed.
Result<std::optional<ContainerSettings>> container_settings(const Environment& env);

/// True when `host` (as url_host returns it) may serve full-URI container credentials.
bool container_host_allowed(const std::string& host);

/// Fetches credentials (source "container-role"). Errors (code ContainerCredentialsError) name
/// the URL and what went wrong on the last attempt.
Result<Credentials> fetch_container_credentials(const ContainerSettings& settings,
                                                const TransportFactory& make_transport, Clock& clock);

/// The chain's container link: null when neither URI variable is set; otherwise credentials are
/// fetched at once (a failure is an error) and again before they expire.
MaybeProvider load_container(const CredentialSources& sources, const std::string& profile, bool use_env);

}  // namespace ec2::auth
