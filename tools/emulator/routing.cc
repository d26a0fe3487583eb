#include "routing.h"

#include "params.h"

namespace ec2::emu {
namespace {

/// The 4th field of `AKID/DATE/REGION/SERVICE/aws4_request`.
std::string service_of_scope(std::string_view scope) {
  for (int i = 0; i < 3; ++i) {
    size_t slash = scope.find('/');
    if (slash == std::string_view::npos) return {};
    scope.remove_prefix(slash + 1);
  }
  return std::string(scope.substr(0, scope.find('/')));
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string scope_service(const HttpCall& http) {
  if (const std::string* auth = find_header(http.headers, "Authorization")) {
    size_t at = auth->find("Credential=");
    if (at == std::string::npos) return {};
    std::string_view scope = std::string_view(*auth).substr(at + 11);
    return service_of_scope(scope.substr(0, scope.find_first_of(", ")));
  }
  Params query;
  query.add_form(http.query);
  return service_of_scope(query.get("X-Amz-Credential"));
}

std::string_view service_name(Service service) {
  switch (service) {
    case Service::Ec2: return "ec2";
    case Service::Sts: return "sts";
    case Service::SsoPortal: return "sso";
    case Service::SsoOidc: return "sso-oidc";
    case Service::Organizations: return "organizations";
    case Service::Control: return "control";
  }
  return "?";
}

Service route(const HttpCall& http) {
  if (starts_with(http.path, "/_emulator/")) return Service::Control;
  if (starts_with(http.path, "/federation/") || starts_with(http.path, "/assignment/") || http.path == "/logout") {
    return Service::SsoPortal;
  }
  if (http.path == "/token" || http.path == "/client/register" || http.path == "/device_authorization") {
    return Service::SsoOidc;
  }
  std::string service = scope_service(http);
  if (service == "sts") return Service::Sts;
  if (service == "organizations") return Service::Organizations;
  if (!service.empty()) return Service::Ec2;
  const std::string* host = find_header(http.headers, "Host");
  if (host && starts_with(*host, "sts.")) return Service::Sts;
  Params params;
  params.add_form(http.query);
  if (http.method == "POST") params.add_form(http.body);
  std::string action = params.get("Action");
  if (action == "AssumeRoleWithWebIdentity" || action == "AssumeRoleWithSAML") return Service::Sts;
  return Service::Ec2;
}

}  // namespace ec2::emu
