#include "auth/endpoints.h"

#include <cctype>

namespace ec2::auth {
namespace {

std::optional<std::string> env_value(const Environment& env, std::string_view name) {
  auto v = env.get(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

std::optional<std::string> profile_value(const Settings& profile, std::string_view key) {
  const std::string* v = setting(profile, key);
  if (v == nullptr || v->empty()) return std::nullopt;
  return *v;
}

bool truthy(const std::optional<std::string>& v) {
  if (!v) return false;
  std::string s = *v;
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s == "true";
}

/// endpoint_url of the service's block in the profile's `services` section, if any.
std::optional<std::string> services_endpoint(ServiceId service, const EndpointSources& s) {
  auto services_name = profile_value(s.profile, "services");
  if (!services_name) return std::nullopt;
  auto section = s.files.services.find(*services_name);
  if (section == s.files.services.end()) return std::nullopt;
  auto block = section->second.find(std::string(services_key(service)));
  if (block == section->second.end() || !block->second.is_nested) return std::nullopt;
  auto url = block->second.nested.find("endpoint_url");
  if (url == block->second.nested.end() || url->second.empty()) return std::nullopt;
  return url->second;
}

std::optional<std::string> configured_endpoint(ServiceId service, const EndpointSources& s) {
  bool ignore = truthy(env_value(s.env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) ||
                truthy(profile_value(s.profile, "ignore_configured_endpoint_urls"));
  if (ignore) return std::nullopt;
  if (auto url = env_value(s.env, "AWS_ENDPOINT_URL_" + std::string(env_suffix(service)))) return url;
  if (auto url = env_value(s.env, "AWS_ENDPOINT_URL")) return url;
  if (auto url = services_endpoint(service, s)) return url;
  return profile_value(s.profile, "endpoint_url");
}

}  // namespace

std::string_view env_suffix(ServiceId service) {
  switch (service) {
    case ServiceId::Ec2: return "EC2";
    case ServiceId::Sts: return "STS";
    case ServiceId::Sso: return "SSO";
    case ServiceId::SsoOidc: return "SSO_OIDC";
  }
  return "EC2";
}

std::string_view services_key(ServiceId service) {
  switch (service) {
    case ServiceId::Ec2: return "ec2";
    case ServiceId::Sts: return "sts";
    case ServiceId::Sso: return "sso";
    case ServiceId::SsoOidc: return "sso_oidc";
  }
  return "ec2";
}

std::string default_service_endpoint(ServiceId service, std::string_view region) {
  std::string host;
  switch (service) {
    case ServiceId::Ec2: host = "ec2."; break;
    case ServiceId::Sts: host = "sts."; break;
    case ServiceId::Sso: host = "portal.sso."; break;
    case ServiceId::SsoOidc: host = "oidc."; break;
  }
  std::string url = "https://" + host;
  url.append(region).append(".amazonaws.com");
  if (region.starts_with("cn-")) url.append(".cn");
  return url;
}

Result<std::string> resolve_service_endpoint(ServiceId service, const EndpointSources& sources,
                                             std::string_view region,
                                             const std::optional<std::string>& override_url) {
  std::optional<std::string> url = override_url ? override_url : configured_endpoint(service, sources);
  if (!url) return default_service_endpoint(service, region);
  bool scheme = url->starts_with("http://") || url->starts_with("https://");
  if (!scheme || url->find("://") + 3 == url->size()) {
    return make_error(ErrorCategory::Config, "InvalidEndpoint",
                      "Invalid endpoint URL '" + *url + "' for " + std::string(services_key(service)) +
                          ": it must start with http:// or https:// and name a host");
  }
  return *url;
}

}  // namespace ec2::auth
