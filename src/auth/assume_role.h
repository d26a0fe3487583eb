#pragma once
/// Assume-role profiles (`role_arn` with `source_profile` or `credential_source`), with the AWS
/// CLI's rules: source profiles chain to any length (a source may itself assume a role), a loop
/// is an error naming the profiles, `source_profile` and `credential_source` together are an
/// error. role_session_name (default `botocore-session-<unix time>`), external_id,
/// duration_seconds and mfa_serial (the code is asked for on the terminal) are honoured, and
/// results are shared with the AWS CLI through its cache (auth/cli_cache.h).

#include <string>

#include "auth/credentials.h"
#include "auth/sts.h"

namespace ec2::auth {

/// The chain's assume-role link: a provider for `profile` when it has `role_arn` (and no
/// `web_identity_token_file`), else null.
MaybeProvider load_assume_role(const CredentialSources& sources, const std::string& profile, bool use_env);

/// The default RoleSessionName at `now`: `botocore-session-<seconds since the epoch>`.
std::string default_session_name(std::chrono::system_clock::time_point now);

/// The AWS CLI's cache key of `request` (auth/cli_cache.h): RoleArn, ExternalId, SerialNumber and
/// DurationSeconds when set, RoleSessionName only when `session_name_configured`.
std::string assume_role_cache_key(const AssumeRoleRequest& request, bool session_name_configured);

/// The StsEndpoint of the active profile (its region and STS endpoint settings).
Result<StsEndpoint> sts_endpoint(const CredentialSources& sources);

}  // namespace ec2::auth
