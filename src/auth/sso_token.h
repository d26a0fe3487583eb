#pragma once
/// The IAM Identity Center (SSO) access token that `aws sso login` caches, read and refreshed the
/// way botocore does (tokens.py SSOTokenProvider, utils.py SSOTokenLoader):
///   - the file is ~/.aws/sso/cache/<sha1 hex>.json, hashing the sso-session name (profiles with
///     `sso_session`) or the start URL (legacy profiles);
///   - it holds {"startUrl", "region", "accessToken", "expiresAt"} and, for sso-session logins,
///     {"clientId", "clientSecret", "registrationExpiresAt", "refreshToken"};
///   - an sso-session token that expires within 15 minutes is refreshed through SSO-OIDC
///     CreateToken (POST {oidc endpoint}/token, grantType refresh_token) while the client
///     registration is valid, and the file is rewritten with the new accessToken, expiresAt
///     (now + expiresIn) and refreshToken (when one came back), keeping the registration;
///   - a failed refresh keeps the old token while it has not expired.
/// The browser login itself stays the AWS CLI's job (`aws sso login`).

#include <string>

#include "auth/provider_http.h"
#include "ec2/clock.h"
#include "ec2/config.h"

namespace ec2::auth {

/// Which token to read.
struct SsoTokenSource {
  std::string profile;       ///< For the "run aws sso login" message.
  std::string start_url;
  std::string region;        ///< sso_region.
  std::string session_name;  ///< Empty for legacy profiles (no refresh).
  std::string cache_dir;     ///< Usually sso_cache_dir(env).
  std::string oidc_endpoint; ///< Usually https://oidc.{region}.amazonaws.com.
};

/// ~/.aws/sso/cache under the environment's home.
std::string sso_cache_dir(const Environment& env);

/// The lowercase hex SHA-1 of `text` (the cache file names).
std::string sha1_hex(std::string_view text);

/// Path of the token file for `source`.
std::string sso_token_path(const SsoTokenSource& source);

/// The error for a missing or expired token (code SsoTokenExpired, category Auth):
/// "The SSO session for profile 'P' has expired or is missing; run: aws sso login --profile P".
Error sso_session_expired(const std::string& profile);

/// A valid access token, refreshed (and written back) when due. `transport` is used only for a
/// refresh. Errors: sso_session_expired, or SsoTokenCacheError (Io) when the file cannot be
/// written back.
Result<std::string> sso_access_token(const SsoTokenSource& source, HttpTransport& transport, Clock& clock);

}  // namespace ec2::auth
