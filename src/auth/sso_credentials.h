#pragma once
/// IAM Identity Center (SSO) role credentials, with botocore's rules (credentials.py SSOProvider,
/// SSOCredentialFetcher):
///   - a profile uses SSO when it has sso_account_id or sso_role_name;
///   - with `sso_session = NAME` the `[sso-session NAME]` section supplies sso_start_url and
///     sso_region (a value set in both the profile and the section must be the same); legacy
///     profiles carry sso_start_url and sso_region themselves;
///   - the access token comes from the `aws sso login` cache (auth/sso_token.h);
///   - GetRoleCredentials: GET {portal}/federation/credentials?account_id=..&role_name=.. with
///     `x-amz-sso_bearer_token`, unsigned; {"roleCredentials": {"accessKeyId",
///     "secretAccessKey", "sessionToken", "expiration" (epoch milliseconds)}}. An
///     UnauthorizedException (HTTP 401) means the session expired.

#include <optional>
#include <string>

#include "auth/credentials.h"
#include "auth/shared_files.h"
#include "auth/sso_token.h"

namespace ec2::auth {

/// A profile's resolved SSO settings.
struct SsoConfig {
  std::string profile;
  std::string start_url;
  std::string region;
  std::string account_id;
  std::string role_name;
  std::string session_name;  ///< Empty for legacy profiles.
};

/// The SSO settings of `profile` (merged settings `settings`), nullopt when it does not use SSO.
/// Errors (Config, InvalidConfig) with botocore's texts: the sso-session does not exist, a value
/// is inconsistent between profile and sso-session, required configuration is missing.
Result<std::optional<SsoConfig>> load_sso_config(const SharedFiles& files, const Settings& settings,
                                                 const std::string& profile);

/// The key of the role credentials in the AWS CLI's ~/.aws/cli/cache (botocore's
/// SSOCredentialFetcher._create_cache_key, through auth/cli_cache.h's sso_cache_key):
/// {"accountId", "roleName", "sessionName" | "startUrl"}.
std::string sso_role_cache_key(const SsoConfig& config);

/// Calls GetRoleCredentials at `portal_endpoint` (https://portal.sso.{region}.amazonaws.com)
/// with `access_token`. Credentials have source "sso". Errors: sso_session_expired for 401, else
/// SsoError with the service's code and message, or the transport's error.
Result<Credentials> get_role_credentials(const SsoConfig& config, const std::string& access_token,
                                         HttpTransport& transport, const std::string& portal_endpoint);

/// Where the SSO calls go (auth/endpoints.h: AWS_ENDPOINT_URL_SSO, AWS_ENDPOINT_URL_SSO_OIDC, ...).
struct SsoEndpoints {
  std::string portal;  ///< GetRoleCredentials; default https://portal.sso.{sso_region}.amazonaws.com
  std::string oidc;    ///< CreateToken; default https://oidc.{sso_region}.amazonaws.com
};

/// The token (refreshed when due) and then the role credentials for `config`.
Result<Credentials> fetch_sso_credentials(const SsoConfig& config, const SsoEndpoints& endpoints,
                                          const std::string& token_cache_dir, HttpTransport& transport,
                                          Clock& clock);

/// The chain's SSO link: null when `profile` does not use SSO, an error for invalid settings,
/// else a provider that fetches on first use and again before the role credentials expire. Role
/// credentials are shared with the AWS CLI through its cache (auth/cli_cache.h).
MaybeProvider load_sso(const CredentialSources& sources, const std::string& profile, bool use_env);

}  // namespace ec2::auth
