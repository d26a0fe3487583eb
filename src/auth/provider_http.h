#pragma once
/// Small pieces the HTTP-based credential providers (SSO, container, instance metadata) share.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "ec2/credentials.h"
#include "ec2/http.h"

namespace ec2::auth {

/// Transport options with both timeouts set to `timeout` (the metadata services' short waits) and
/// the CA bundle `ca_bundle`.
TransportOptions options_with_timeout(std::chrono::milliseconds timeout, const std::string& ca_bundle = "");

/// `time` as `2026-12-07T03:00:00Z`.
std::string format_utc(std::chrono::system_clock::time_point time);

/// The host of an absolute URL (`http://[fd00:ec2::23]:80/x` → `fd00:ec2::23`), lowercased;
/// nullopt when `url` has no `scheme://host`.
std::optional<std::string> url_host(std::string_view url);

/// An HTTP body on one line (white space runs become one space), cut at `limit` characters, for
/// one-line error messages.
std::string body_excerpt(std::string_view body, size_t limit = 200);

}  // namespace ec2::auth
