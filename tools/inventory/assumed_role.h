#pragma once
/// A client that works as an IAM role (ec2.ini `iam_role`): the role is assumed with another
/// client's credentials, through the library's STS AssumeRole (auth/sts.h) at that client's STS
/// endpoint, transport and retry policy.

#include <string>

#include "ec2/client.h"
#include "ec2/result.h"

namespace ec2::inventory {

/// The role to work as and the RoleSessionName its sessions get.
struct RoleToAssume {
  std::string role_arn;
  std::string session_name;
};

/// A copy of `caller` whose requests are signed as `role`. The role is assumed before this
/// returns, so a refusal is reported here (STS's code, message and request id, in the context
/// "assume role ARN"), and again only when its credentials are about to expire, each time with
/// the caller's current credentials. Copies of the result (for_region included) share the
/// credentials.
Result<Client> assume_role_client(const Client& caller, const RoleToAssume& role);

}  // namespace ec2::inventory
