#include "auth/assume_role.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <vector>

#include "auth/cli_cache.h"
#include "auth/refreshing_credentials.h"

namespace ec2::auth {
namespace {

Error config_error(std::string code, std::string message) {
  return make_error(ErrorCategory::Config, std::move(code), std::move(message));
}

std::optional<std::string> value(const Settings& profile, std::string_view key) {
  const std::string* v = setting(profile, key);
  if (v == nullptr) return std::nullopt;
  return *v;
}

bool has_static_keys(const Settings& profile) {
  return setting(profile, "aws_access_key_id") != nullptr || setting(profile, "aws_secret_access_key") != nullptr;
}

bool has_role(const Settings& profile) {
  return setting(profile, "role_arn") != nullptr && setting(profile, "web_identity_token_file") == nullptr;
}

std::string join_chain(const std::vector<std::string>& visited, const std::string& next) {
  std::string out;
  for (const auto& p : visited) out += p + " -> ";
  return out + next;
}

/// Everything one AssumeRole needs, kept by the provider after resolve_config returns.
struct RoleFetch {
  std::string profile;
  std::string source_description;  ///< "source profile dev" / "credential_source Environment"
  std::shared_ptr<CredentialsProvider> source;
  StsEndpoint endpoint;
  AssumeRoleRequest request;
  std::string cache_key;
  CliCache cache;
  PromptFunction prompt;
  std::function<bool()> interactive;

  Credentials finish(const AssumedRole& role) const {
    Credentials c = role.credentials;
    c.source = "assume-role";
    c.identity = "assume-role: " + (role.arn.empty() ? request.role_arn : role.arn) + ", " + source_description;
    return c;
  }

  Result<std::string> mfa_code() const {
    const std::string& serial = *request.serial_number;
    if (!interactive()) {
      return config_error("MfaRequired",
                          "profile '" + profile + "' needs an MFA code for " + serial +
                              " and there is no terminal to ask for it; run `aws sts get-caller-identity "
                              "--profile " + profile + "` once in a terminal (it fills the shared cache " +
                              cache.dir() + "), then try again");
    }
    return prompt("Enter MFA code for " + serial + ": ");
  }

  Error sts_failure(Error e) const {
    e.message = "cannot assume role " + request.role_arn + " for profile " + profile + " (" +
                source_description + "): " + e.message;
    return e;
  }

  Result<Credentials> operator()() const {
    if (auto cached = cache.load(cache_key, endpoint.clock->now())) return finish(*cached);
    AssumeRoleRequest call = request;
    if (call.serial_number) {
      auto code = mfa_code();
      if (!code) return code.error();
      call.token_code = *code;
    }
    auto caller = source->get();
    if (!caller) return caller.error();
    auto role = sts_assume_role(endpoint, *caller, call);
    if (!role) return sts_failure(role.error());
    (void)cache.store(cache_key, *role);  // a cache that cannot be written only costs a later call
    return finish(*role);
  }
};

Result<std::optional<int>> duration(const Settings& profile, const std::string& name) {
  auto text = value(profile, "duration_seconds");
  if (!text) return std::optional<int>();
  int seconds = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
  if (ec != std::errc() || end != text->data() + text->size() || seconds <= 0) {
    return config_error("InvalidConfig", "duration_seconds of profile '" + name +
                                             "' must be a whole number of seconds, got '" + *text + "'");
  }
  return std::optional<int>(seconds);
}

CacheKeyArgs cache_args(const AssumeRoleRequest& r, bool session_name_configured) {
  CacheKeyArgs args{{"RoleArn", r.role_arn}};
  if (session_name_configured) args["RoleSessionName"] = r.role_session_name;
  if (r.external_id) args["ExternalId"] = *r.external_id;
  if (r.serial_number) args["SerialNumber"] = *r.serial_number;
  if (r.duration_seconds) args["DurationSeconds"] = static_cast<long long>(*r.duration_seconds);
  return args;
}

MaybeProvider role_provider(const CredentialSources& s, const std::string& name, std::vector<std::string>& visited);

/// The provider of the credentials that call AssumeRole for `name`.
MaybeProvider source_provider(const CredentialSources& s, const std::string& name, const Settings& profile,
                              std::vector<std::string>& visited, std::string& description) {
  auto source_profile = value(profile, "source_profile");
  auto credential_source = value(profile, "credential_source");
  if (source_profile && credential_source) {
    return config_error("InvalidConfig", "The profile \"" + name + "\" contains both source_profile and "
                                         "credential_source.");
  }
  if (credential_source) {
    description = "credential_source " + *credential_source;
    auto provider = credential_source_provider(s, *credential_source, name);
    if (provider && !*provider) {
      return config_error("NoCredentials", "No credentials found in credential_source " + *credential_source +
                                               " referenced in profile " + name);
    }
    return provider;
  }
  if (!source_profile) {
    return config_error("PartialCredentials", "Partial credentials found in assume-role (profile " + name +
                                                  "), missing: source_profile or credential_source");
  }
  description = "source profile " + *source_profile;
  if (!s.files.has_profile(*source_profile)) {
    return config_error("InvalidConfig", "The source_profile \"" + *source_profile +
                                             "\" referenced in the profile \"" + name + "\" does not exist.");
  }
  const Settings source = s.files.merged_profile(*source_profile);
  bool seen = std::find(visited.begin(), visited.end(), *source_profile) != visited.end();
  if (seen && (*source_profile != name || !has_static_keys(source))) {
    return config_error("InfiniteLoopConfig", "Infinite loop in credential configuration: " +
                                                  join_chain(visited, *source_profile));
  }
  visited.push_back(*source_profile);
  if (has_static_keys(source) || !has_role(source)) {
    auto provider = source_profile_credentials(s, *source_profile);
    if (provider && !*provider) {
      return config_error("InvalidConfig", "The source profile \"" + *source_profile + "\" must have credentials.");
    }
    return provider;
  }
  return role_provider(s, *source_profile, visited);
}

MaybeProvider role_provider(const CredentialSources& s, const std::string& name, std::vector<std::string>& visited) {
  const Settings profile = s.files.merged_profile(name);
  RoleFetch fetch{name, "", nullptr, {}, {}, "", CliCache(cli_cache_dir(s.env)), s.services.prompt,
                  s.services.interactive};
  auto source = source_provider(s, name, profile, visited, fetch.source_description);
  if (!source) return source.error();
  fetch.source = std::move(*source);
  auto endpoint = sts_endpoint(s);
  if (!endpoint) return endpoint.error();
  fetch.endpoint = std::move(*endpoint);
  auto seconds = duration(profile, name);
  if (!seconds) return seconds.error();
  AssumeRoleRequest& r = fetch.request;
  r.role_arn = *value(profile, "role_arn");
  auto session = value(profile, "role_session_name");
  r.role_session_name = session.value_or(default_session_name(s.services.clock->now()));
  r.external_id = value(profile, "external_id");
  r.serial_number = value(profile, "mfa_serial");
  r.duration_seconds = *seconds;
  fetch.cache_key = assume_role_cache_key(r, session.has_value());
  return refreshing_credentials(std::move(fetch), s.services.clock);
}

}  // namespace

std::string assume_role_cache_key(const AssumeRoleRequest& request, bool session_name_configured) {
  return assume_role_cache_key(cache_args(request, session_name_configured));
}

std::string default_session_name(std::chrono::system_clock::time_point now) {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return "botocore-session-" + std::to_string(seconds);
}

Result<StsEndpoint> sts_endpoint(const CredentialSources& s) {
  auto url = resolve_service_endpoint(ServiceId::Sts, s.endpoints, s.region);
  if (!url) return url.error();
  return StsEndpoint{*url, s.region, provider_transport(s), s.services.clock,
                     make_retry_policy(RetryMode::Standard, 3)};
}

MaybeProvider load_assume_role(const CredentialSources& s, const std::string& profile, bool) {
  if (!has_role(s.files.merged_profile(profile))) return std::shared_ptr<CredentialsProvider>();
  std::vector<std::string> visited{profile};
  return role_provider(s, profile, visited);
}

}  // namespace ec2::auth
