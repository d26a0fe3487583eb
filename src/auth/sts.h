#pragma once
/// The three STS actions credential providers need, over the Query protocol (Version 2011-06-15,
/// SigV4 service "sts"): AssumeRole, AssumeRoleWithWebIdentity (unsigned) and GetCallerIdentity.
/// Errors carry STS's code, message and request id.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "ec2/clock.h"
#include "ec2/credentials.h"
#include "ec2/http.h"
#include "ec2/retry.h"

namespace ec2::auth {

/// The STS API version every request carries.
inline constexpr std::string_view kStsApiVersion = "2011-06-15";

/// Where and how STS requests go.
struct StsEndpoint {
  std::string url;     ///< e.g. https://sts.eu-west-1.amazonaws.com
  std::string region;  ///< Signing region.
  std::shared_ptr<HttpTransport> transport;
  std::shared_ptr<Clock> clock;
  /// Retries throttling and transient failures (sleeping on `clock`); null: one attempt.
  std::shared_ptr<RetryPolicy> retry;
};

/// Parameters of AssumeRole; empty optionals are not sent.
struct AssumeRoleRequest {
  std::string role_arn;
  std::string role_session_name;
  std::optional<std::string> external_id;
  std::optional<std::string> serial_number;  ///< mfa_serial
  std::optional<std::string> token_code;     ///< The MFA code.
  std::optional<int> duration_seconds;
};

/// Parameters of AssumeRoleWithWebIdentity.
struct WebIdentityRequest {
  std::string role_arn;
  std::string role_session_name;
  std::string web_identity_token;
  std::optional<int> duration_seconds;
};

/// What AssumeRole and AssumeRoleWithWebIdentity return.
struct AssumedRole {
  Credentials credentials;  ///< Keys, token and expiration (source/identity left empty).
  std::string expiration;   ///< `Expiration` as STS wrote it.
  std::string assumed_role_id;
  std::string arn;          ///< The assumed-role ARN.
  std::string request_id;
};

/// What GetCallerIdentity returns.
struct StsCallerIdentity {
  std::string account;
  std::string arn;
  std::string user_id;
};

/// AssumeRole signed with `caller`.
Result<AssumedRole> sts_assume_role(const StsEndpoint& endpoint, const Credentials& caller,
                                    const AssumeRoleRequest& request);

/// AssumeRoleWithWebIdentity; the request is not signed (the token is the proof).
Result<AssumedRole> sts_assume_role_with_web_identity(const StsEndpoint& endpoint,
                                                      const WebIdentityRequest& request);

/// GetCallerIdentity signed with `caller`.
Result<StsCallerIdentity> sts_get_caller_identity(const StsEndpoint& endpoint, const Credentials& caller);

}  // namespace ec2::auth
