#pragma once
/// Service endpoints with the AWS CLI v2's rules, the same for every service this library calls:
///   explicit override > AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > the profile's `services`
///   section (`[services NAME]` with `<service> =\n  endpoint_url = ...`) > the profile's
///   `endpoint_url` > the regional default.
/// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls = true skip everything
/// but the override.

#include <optional>
#include <string>
#include <string_view>

#include "auth/shared_files.h"
#include "ec2/config.h"

namespace ec2::auth {

/// The services whose endpoints the library resolves.
enum class ServiceId { Ec2, Sts, Sso, SsoOidc };

/// Upper-case suffix of the service's environment variable: "EC2", "STS", "SSO", "SSO_OIDC".
std::string_view env_suffix(ServiceId service);
/// Key of the service's block in a `services` section: "ec2", "sts", "sso", "sso_oidc".
std::string_view services_key(ServiceId service);

/// The service's regional default: https://ec2.{region}.amazonaws.com, https://sts.{region}...,
/// https://portal.sso.{region}..., https://oidc.{region}... (`.amazonaws.com.cn` in `cn-*`).
std::string default_service_endpoint(ServiceId service, std::string_view region);

/// Where endpoint settings are read from.
struct EndpointSources {
  const Environment& env;
  const Settings& profile;  ///< The active profile's merged settings.
  const SharedFiles& files;
};

/// The endpoint for `service`: `override_url` when set, else the configured one, else the
/// regional default. A URL that is not http(s)://host is an InvalidEndpoint error naming it.
Result<std::string> resolve_service_endpoint(ServiceId service, const EndpointSources& sources,
                                             std::string_view region,
                                             const std::optional<std::string>& override_url = {});

}  // namespace ec2::auth
