#pragma once
/// Finding the caller's public IPv4 address from a check-IP URL (a plain-text page holding the
/// address, as https://checkip.amazonaws.com serves it), for the SSH ingress rule.

#include <string>
#include <string_view>

#include "ec2/config.h"
#include "ec2/http.h"
#include "ec2/result.h"

namespace ec2::cli {

inline constexpr std::string_view kDefaultCheckIpUrl = "https://checkip.amazonaws.com";

/// `$EC2_CHECKIP_URL` when set, else kDefaultCheckIpUrl.
std::string check_ip_url(const Environment& env);

/// GETs `url` and returns `<address>/32`. Errors (code "CheckIpFailed") say what went wrong and
/// suggest `--ssh-cidr`.
Result<std::string> caller_cidr(HttpTransport& transport, const std::string& url);

}  // namespace ec2::cli
