#pragma once
/// Which emulated service an HTTP request on the main port is for. EC2 and STS share the Query
/// protocol; they are told apart by the credential scope's service, an `sts.` Host or (for the
/// unsigned AssumeRoleWithWebIdentity) the action. The IAM Identity Center portal and SSO-OIDC
/// are REST-JSON on their own paths.

#include "dispatcher.h"

namespace ec2::emu {

enum class Service { Ec2, Sts, SsoPortal, SsoOidc, Organizations, Control };

/// The service `http` is addressed to.
Service route(const HttpCall& http);
/// "ec2", "sts", "sso", "sso-oidc", "organizations", "control" (for the log).
std::string_view service_name(Service service);

/// The service of the SigV4 credential scope (Authorization header or X-Amz-Credential), or "".
std::string scope_service(const HttpCall& http);

}  // namespace ec2::emu
