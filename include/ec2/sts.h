#pragma once
/// STS for clients: who a client's credentials belong to (GetCallerIdentity, like
/// `aws sts get-caller-identity`), and a client acting as an IAM role assumed with another
/// client's credentials (AssumeRole).

#include <optional>
#include <string>

#include "ec2/client.h"
#include "ec2/result.h"

namespace ec2 {

/// The identity behind a set of credentials.
struct CallerIdentity {
  std::string account;  ///< 12-digit account id
  std::string arn;      ///< e.g. arn:aws:sts::123456789012:assumed-role/Admin/session
  std::string user_id;
};

/// Calls GetCallerIdentity at the client's STS endpoint (config().sts_endpoint_url, signed for its
/// region) with the client's current credentials and transport. Errors carry STS's code,
/// message and request id.
Result<CallerIdentity> get_caller_identity(const Client& client);

/// What with_assumed_role asks STS for.
struct AssumeRoleOptions {
  std::string role_arn;                    ///< e.g. arn:aws:iam::111111111111:role/inventory
  std::string role_session_name;           ///< RoleSessionName (2-64 of [\w+=,.@-]).
  std::optional<std::string> external_id;  ///< ExternalId, when the role's trust asks for one.
  std::optional<int> duration_seconds;     ///< DurationSeconds; STS's default (3600) when empty.
  /// Folder of the AWS CLI's credential cache (aws_cli_cache_dir()): credentials found there under
  /// the CLI's key for this call are used while valid, and new ones are stored there. Empty: none.
  std::string cache_dir;
};

/// A client like `client` (region, endpoints, transport, retry policy) whose requests are signed
/// with the credentials of `options.role_arn` assumed with `client`'s credentials. The role is
/// assumed at once (one AssumeRole at the client's STS endpoint, retried per the client's
/// policy), and again shortly before those credentials expire (botocore's refresh windows).
/// Errors carry STS's code, message and request id, with the role named in the context.
Result<Client> with_assumed_role(const Client& client, AssumeRoleOptions options);

/// The AWS CLI's credential cache folder: ~/.aws/cli/cache under the environment's home.
std::string aws_cli_cache_dir(const Environment& env = process_environment());

}  // namespace ec2
