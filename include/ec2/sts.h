#pragma once
/// STS GetCallerIdentity: who a client's credentials belong to (the account, the ARN of the user
/// or assumed role, the user id), like `aws sts get-caller-identity`.

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

}  // namespace ec2
