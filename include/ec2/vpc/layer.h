#pragma once
/// What every call of the VPC layer shares: the jittered-backoff retry policy (as amazon.aws's
/// AWSRetry.jittered_backoff) and the error mapping of amazon.aws's EC2 error handlers (a
/// resource's NotFound code becomes an empty answer; anything else an Error whose `to_string`
/// reads `Failed to <what>: <Code>: <Message>`).

#include <string>
#include <string_view>
#include <vector>

#include "ec2/client.h"
#include "ec2/error.h"
#include "ec2/retry.h"

namespace ec2::vpc {

/// NotFound codes of the resources this layer handles.
inline constexpr std::string_view kVpcNotFound = "InvalidVpcID.NotFound";
inline constexpr std::string_view kPeeringNotFound = "InvalidVpcPeeringConnectionID.NotFound";
inline constexpr std::string_view kCidrAssociationNotFound = "InvalidVpcCidrBlockAssociationID.NotFound";

/// Retry settings of the layer: amazon.aws's jittered backoff (tries, base delay 3 s, factor 2,
/// cap 60 s) with the extra codes eventual consistency needs. `tries` is the total attempts.
JitteredBackoffOptions default_retry_options(std::vector<std::string> extra_codes = {});

/// Runs `attempt` (returning Result<T>) under jittered backoff with `extra_codes`, sleeping on the
/// client's clock and drawing jitter from the client's random source (fakeable in tests).
template <class F>
auto retry_call(const Client& client, F&& attempt, std::vector<std::string> extra_codes = {})
    -> decltype(attempt()) {
  JitteredBackoff policy(default_retry_options(std::move(extra_codes)),
                         std::shared_ptr<Random>(std::shared_ptr<Random>{}, &client.random()));
  return with_retry(policy, client.clock(), attempt);
}

/// True when `error` carries the AWS code `code`.
bool has_code(const Error& error, std::string_view code);

/// `error` with the context `what`, so `to_string` reads `Failed to <what>: <Code>: <Message>`.
Error failed_to(const Error& error, std::string what);

}  // namespace ec2::vpc
