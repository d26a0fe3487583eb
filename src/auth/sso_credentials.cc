#include "auth/sso_credentials.h"

#include <nlohmann/json.hpp>

#include "auth/cli_cache.h"
#include "auth/endpoints.h"
#include "auth/refreshing_credentials.h"
#include "auth/sigv4_internal.h"

namespace ec2::auth {
namespace {

Error invalid(std::string message) {
  return make_error(ErrorCategory::Config, "InvalidConfig", std::move(message));
}

/// The profile's settings overlaid with its sso-session's, checking that shared keys agree.
Result<Settings> with_session(const SharedFiles& files, const Settings& settings, const std::string& name) {
  auto it = files.sso_sessions.find(name);
  if (it == files.sso_sessions.end()) {
    return invalid("The specified sso-session does not exist: \"" + name + "\"");
  }
  Settings out = settings;
  for (const auto& [key, value] : it->second) {
    const std::string* mine = setting(out, key);
    if (mine != nullptr && !value.is_nested && *mine != value.text) {
      return invalid("The value for " + key + " is inconsistent between profile (" + *mine +
                     ") and sso-session (" + value.text + ").");
    }
    out[key] = value;
  }
  return out;
}

/// What --debug shows of an SSO identity.
std::string identity(const SsoConfig& c) {
  return "sso: account " + c.account_id + ", role " + c.role_name + ", " +
         (c.session_name.empty() ? "start URL " + c.start_url : "sso-session " + c.session_name);
}

std::string query_value(std::string_view value) {
  std::string out;
  sigv4::detail::append_uri_encoded(out, value, false);
  return out;
}

Error service_error(const HttpResponse& response) {
  auto doc = nlohmann::json::parse(response.body, nullptr, false);
  std::string code = "SsoError", message = body_excerpt(response.body);
  if (doc.is_object()) {
    if (doc.contains("__type") && doc["__type"].is_string()) code = doc["__type"].get<std::string>();
    if (doc.contains("message") && doc["message"].is_string()) message = doc["message"].get<std::string>();
  }
  if (const std::string* type = find_header(response.headers, "x-amzn-errortype")) code = *type;
  code = code.substr(0, code.find(':'));
  Error e = make_error(categorize(code, response.status), code, "GetRoleCredentials failed: " + message);
  e.http_status = response.status;
  if (const std::string* id = find_header(response.headers, "x-amzn-requestid")) e.request_id = *id;
  return e;
}

/// One refresh: the AWS CLI's cached role credentials while valid for 15 more minutes, else the
/// token (renewed when due) and GetRoleCredentials, written back to the CLI's cache.
struct SsoFetch {
  SsoConfig config;
  SsoEndpoints endpoints;
  std::string token_cache_dir;
  CliCache role_cache;
  std::string cache_key;
  std::shared_ptr<HttpTransport> transport;
  std::shared_ptr<Clock> clock;

  Result<Credentials> operator()() const {
    if (auto cached = role_cache.load(cache_key, clock->now())) {
      Credentials c = cached->credentials;
      c.source = "sso";
      c.identity = identity(config);
      return c;
    }
    auto creds = fetch_sso_credentials(config, endpoints, token_cache_dir, *transport, *clock);
    if (!creds) return creds.error();
    AssumedRole entry;
    entry.credentials = *creds;
    (void)role_cache.store(cache_key, entry);  // a cache that cannot be written only costs a later call
    return creds;
  }
};

}  // namespace

Result<std::optional<SsoConfig>> load_sso_config(const SharedFiles& files, const Settings& settings,
                                                 const std::string& profile) {
  if (setting(settings, "sso_account_id") == nullptr && setting(settings, "sso_role_name") == nullptr) {
    return std::optional<SsoConfig>();
  }
  Settings resolved = settings;
  const std::string* session = setting(settings, "sso_session");
  if (session != nullptr) {
    auto merged = with_session(files, settings, *session);
    if (!merged) return merged.error();
    resolved = std::move(*merged);
  }
  std::string missing;
  for (const char* key : {"sso_role_name", "sso_account_id", "sso_start_url", "sso_region"}) {
    if (setting(resolved, key) == nullptr) missing += (missing.empty() ? "" : ", ") + std::string(key);
  }
  if (!missing.empty()) {
    return invalid("The profile \"" + profile + "\" is configured to use SSO but is missing required "
                   "configuration: " + missing);
  }
  SsoConfig c{profile,
              *setting(resolved, "sso_start_url"),
              *setting(resolved, "sso_region"),
              *setting(resolved, "sso_account_id"),
              *setting(resolved, "sso_role_name"),
              session != nullptr ? *session : ""};
  return std::optional<SsoConfig>(std::move(c));
}

std::string sso_role_cache_key(const SsoConfig& c) {
  CacheKeyArgs args{{"accountId", c.account_id}, {"roleName", c.role_name}};
  if (!c.session_name.empty()) args["sessionName"] = c.session_name;
  else args["startUrl"] = c.start_url;
  return sso_cache_key(args);
}

Result<Credentials> get_role_credentials(const SsoConfig& c, const std::string& access_token,
                                         HttpTransport& transport, const std::string& portal_endpoint) {
  std::string base = portal_endpoint.ends_with('/') ? portal_endpoint.substr(0, portal_endpoint.size() - 1)
                                                    : portal_endpoint;
  HttpRequest request{"GET",
                      base + "/federation/credentials?account_id=" + query_value(c.account_id) +
                          "&role_name=" + query_value(c.role_name),
                      {{"x-amz-sso_bearer_token", access_token}},
                      ""};
  auto response = transport.send(request);
  if (!response) return response.error().with_context("get SSO role credentials");
  if (response->status == 401) return sso_session_expired(c.profile);
  if (response->status != 200) return service_error(*response);
  auto doc = nlohmann::json::parse(response->body, nullptr, false);
  const nlohmann::json* role = doc.is_object() && doc.contains("roleCredentials") ? &doc["roleCredentials"] : nullptr;
  Credentials creds;
  creds.source = "sso";
  for (auto [key, out] : {std::pair{"accessKeyId", &creds.access_key_id},
                          std::pair{"secretAccessKey", &creds.secret_access_key},
                          std::pair{"sessionToken", &creds.session_token}}) {
    if (role == nullptr || !role->contains(key) || !(*role)[key].is_string()) {
      return make_error(ErrorCategory::Parse, "SsoError",
                        std::string("GetRoleCredentials returned no roleCredentials.") + key);
    }
    *out = (*role)[key].get<std::string>();
  }
  if (!role->contains("expiration") || !(*role)["expiration"].is_number()) {
    return make_error(ErrorCategory::Parse, "SsoError", "GetRoleCredentials returned no expiration");
  }
  creds.expiration = std::chrono::system_clock::time_point(
      std::chrono::milliseconds((*role)["expiration"].get<long long>()));
  return creds;
}

Result<Credentials> fetch_sso_credentials(const SsoConfig& config, const SsoEndpoints& endpoints,
                                          const std::string& token_cache_dir, HttpTransport& transport,
                                          Clock& clock) {
  SsoTokenSource source{config.profile, config.start_url,  config.region,
                        config.session_name, token_cache_dir, endpoints.oidc};
  auto token = sso_access_token(source, transport, clock);
  if (!token) return token.error();
  auto creds = get_role_credentials(config, *token, transport, endpoints.portal);
  if (creds) creds->identity = identity(config);
  return creds;
}

MaybeProvider load_sso(const CredentialSources& s, const std::string& profile, bool) {
  auto config = load_sso_config(s.files, s.files.merged_profile(profile), profile);
  if (!config) return config.error();
  if (!*config) return std::shared_ptr<CredentialsProvider>();
  auto portal = resolve_service_endpoint(ServiceId::Sso, s.endpoints, (*config)->region);
  if (!portal) return portal.error();
  auto oidc = resolve_service_endpoint(ServiceId::SsoOidc, s.endpoints, (*config)->region);
  if (!oidc) return oidc.error();
  SsoFetch fetch{**config, {*portal, *oidc}, sso_cache_dir(s.env), CliCache(cli_cache_dir(s.env)),
                 sso_role_cache_key(**config), provider_transport(s), s.services.clock};
  return refreshing_credentials(std::move(fetch), s.services.clock);
}

}  // namespace ec2::auth
