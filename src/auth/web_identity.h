#pragma once
/// Web identity credentials (AssumeRoleWithWebIdentity, unsigned): a profile's `role_arn` +
/// `web_identity_token_file` (+ `role_session_name`), or AWS_ROLE_ARN +
/// AWS_WEB_IDENTITY_TOKEN_FILE (+ AWS_ROLE_SESSION_NAME) as EKS (IRSA) sets them; each variable
/// wins over its profile setting. The token file is read again at every refresh (it rotates).
/// Results are shared with the AWS CLI through its cache (auth/cli_cache.h).

#include <string>

#include "auth/credentials.h"

namespace ec2::auth {

/// The chain's web-identity link: a provider when a token file is configured, else null.
MaybeProvider load_web_identity(const CredentialSources& sources, const std::string& profile, bool use_env);

}  // namespace ec2::auth
