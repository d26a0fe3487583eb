#include "auth/web_identity.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include "auth/assume_role.h"
#include "auth/cli_cache.h"
#include "auth/refreshing_credentials.h"

namespace ec2::auth {
namespace {

/// The variable (when `use_env`) or else the profile setting; empty counts as unset.
std::optional<std::string> config_value(const CredentialSources& s, const Settings& profile, bool use_env,
                                        std::string_view variable, std::string_view key) {
  if (use_env) {
    if (auto v = s.env.get(variable); v && !v->empty()) return v;
  }
  const std::string* v = setting(profile, key);
  if (v == nullptr || v->empty()) return std::nullopt;
  return *v;
}

Result<std::string> read_token(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(ErrorCategory::Config, "WebIdentityError",
                      "cannot read the web identity token file " + path + ": " + std::strerror(errno));
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct WebIdentityFetch {
  std::string token_file;
  StsEndpoint endpoint;
  WebIdentityRequest request;
  std::string cache_key;
  CliCache cache;

  Credentials finish(const AssumedRole& role) const {
    Credentials c = role.credentials;
    c.source = "assume-role-with-web-identity";
    c.identity = "assume-role-with-web-identity: " + (role.arn.empty() ? request.role_arn : role.arn) +
                 ", token file " + token_file;
    return c;
  }

  Result<Credentials> operator()() const {
    if (auto cached = cache.load(cache_key, endpoint.clock->now())) return finish(*cached);
    WebIdentityRequest call = request;
    auto token = read_token(token_file);
    if (!token) return token.error();
    call.web_identity_token = std::move(*token);
    auto role = sts_assume_role_with_web_identity(endpoint, call);
    if (!role) {
      Error e = role.error();
      e.message = "cannot assume role " + request.role_arn + " with the web identity token in " + token_file +
                  ": " + e.message;
      return e;
    }
    (void)cache.store(cache_key, *role);  // a cache that cannot be written only costs a later call
    return finish(*role);
  }
};

}  // namespace

MaybeProvider load_web_identity(const CredentialSources& s, const std::string& name, bool use_env) {
  const Settings profile = s.files.merged_profile(name);
  auto token_file = config_value(s, profile, use_env, "AWS_WEB_IDENTITY_TOKEN_FILE", "web_identity_token_file");
  if (!token_file) return std::shared_ptr<CredentialsProvider>();
  auto role_arn = config_value(s, profile, use_env, "AWS_ROLE_ARN", "role_arn");
  if (!role_arn) {
    return make_error(ErrorCategory::Config, "InvalidConfig",
                      "profile '" + name + "' or the environment asks for web identity credentials (token file " +
                          *token_file + ") but names no role: set role_arn in the profile or AWS_ROLE_ARN");
  }
  auto endpoint = sts_endpoint(s);
  if (!endpoint) return endpoint.error();
  auto session = config_value(s, profile, use_env, "AWS_ROLE_SESSION_NAME", "role_session_name");
  WebIdentityFetch fetch{expand_path(*token_file, s.env), std::move(*endpoint), {}, "",
                         CliCache(cli_cache_dir(s.env))};
  fetch.request.role_arn = *role_arn;
  fetch.request.role_session_name = session.value_or(default_session_name(s.services.clock->now()));
  CacheKeyArgs args{{"RoleArn", *role_arn}};
  if (session) args["RoleSessionName"] = *session;
  fetch.cache_key = assume_role_cache_key(args);
  return refreshing_credentials(std::move(fetch), s.services.clock);
}

}  // namespace ec2::auth
