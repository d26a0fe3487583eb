#include "auth/credentials.h"

#include <optional>

#include "auth/credential_process.h"

namespace ec2::auth {
namespace {

Error partial(std::string_view provider, std::string_view missing) {
  return make_error(ErrorCategory::Config, "PartialCredentials",
                    "Partial credentials found in " + std::string(provider) + ", missing: " +
                        std::string(missing));
}

std::optional<std::string> env_value(const Environment& env, std::string_view name) {
  auto v = env.get(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

Result<std::optional<Credentials>> from_overrides(const ConfigOverrides& o) {
  if (!o.access_key_id && !o.secret_access_key) return std::optional<Credentials>();
  if (!o.access_key_id || o.access_key_id->empty()) return partial("explicit", "access key id");
  if (!o.secret_access_key || o.secret_access_key->empty()) return partial("explicit", "secret access key");
  Credentials c{*o.access_key_id, *o.secret_access_key, o.session_token.value_or(""), "explicit", {}};
  return std::optional<Credentials>(std::move(c));
}

Result<std::optional<Credentials>> from_environment(const Environment& env) {
  auto key = env_value(env, "AWS_ACCESS_KEY_ID");
  if (!key) return std::optional<Credentials>();
  auto secret = env_value(env, "AWS_SECRET_ACCESS_KEY");
  if (!secret) return partial("env", "AWS_SECRET_ACCESS_KEY");
  Credentials c{*key, *secret, "", "env", {}};
  // Like the CLI, the older AWS_SECURITY_TOKEN name is looked at first.
  if (auto token = env_value(env, "AWS_SECURITY_TOKEN")) c.session_token = *token;
  else if (auto token2 = env_value(env, "AWS_SESSION_TOKEN")) c.session_token = *token2;
  if (auto expiry = env_value(env, "AWS_CREDENTIAL_EXPIRATION")) {
    c.expiration = parse_iso8601(*expiry);
    if (!c.expiration) {
      return make_error(ErrorCategory::Config, "PartialCredentials",
                        "AWS_CREDENTIAL_EXPIRATION must be an ISO 8601 timestamp, got '" + *expiry + "'");
    }
  }
  return std::optional<Credentials>(std::move(c));
}

/// Keys from one file's section: nothing unless `aws_access_key_id` is there.
Result<std::optional<Credentials>> from_settings(const Settings* settings, std::string_view source,
                                                 const std::string& file) {
  if (settings == nullptr) return std::optional<Credentials>();
  const std::string* key = setting(*settings, "aws_access_key_id");
  if (key == nullptr) return std::optional<Credentials>();
  const std::string* secret = setting(*settings, "aws_secret_access_key");
  if (secret == nullptr) return partial(std::string(source) + " (" + file + ")", "aws_secret_access_key");
  Credentials c{*key, *secret, "", std::string(source), {}};
  if (const std::string* t = setting(*settings, "aws_security_token")) c.session_token = *t;
  else if (const std::string* t2 = setting(*settings, "aws_session_token")) c.session_token = *t2;
  return std::optional<Credentials>(std::move(c));
}

/// Profiles that get credentials from STS or SSO need a network exchange this library does not
/// implement; say so instead of pretending the profile has no credentials.
std::optional<Error> unsupported_source(const Settings& profile, const std::string& name) {
  for (const char* key : {"role_arn", "web_identity_token_file", "sso_start_url", "sso_session"}) {
    if (setting(profile, key) == nullptr) continue;
    return make_error(ErrorCategory::Config, "UnsupportedCredentials",
                      "profile '" + name + "' gets credentials through '" + key +
                          "', which is not supported. Export temporary credentials instead, e.g. "
                          "credential_process = aws configure export-credentials --profile " + name +
                          " --format process (in another profile), or set AWS_ACCESS_KEY_ID, "
                          "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN");
  }
  return std::nullopt;
}

Error no_credentials(const CredentialSources& s) {
  const std::string& p = s.profile;
  std::string section = p == "default" ? "[default]" : "[profile " + p + "]";
  return make_error(
      ErrorCategory::Config, "NoCredentials",
      "Unable to locate credentials for profile '" + p + "'. Set AWS_ACCESS_KEY_ID and "
          "AWS_SECRET_ACCESS_KEY, or add aws_access_key_id and aws_secret_access_key to [" + p +
          "] in " + s.files.credentials_path + ", or a credential_process to " + section + " in " +
          s.files.config_path + " (`aws configure` writes these files)");
}

const Settings* find_profile(const std::map<std::string, Settings>& profiles, const std::string& name) {
  auto it = profiles.find(name);
  return it == profiles.end() ? nullptr : &it->second;
}

}  // namespace

Result<Credentials> resolve_credentials(const CredentialSources& s) {
  auto explicit_creds = from_overrides(s.overrides);
  if (!explicit_creds) return explicit_creds.error();
  if (*explicit_creds) return std::move(**explicit_creds);

  if (!s.profile_explicit) {
    auto env_creds = from_environment(s.env);
    if (!env_creds) return env_creds.error();
    if (*env_creds) return std::move(**env_creds);
  }

  Settings merged = s.files.merged_profile(s.profile);
  if (auto unsupported = unsupported_source(merged, s.profile)) return *unsupported;
  if (!s.profile_explicit && env_value(s.env, "AWS_ROLE_ARN") &&
      env_value(s.env, "AWS_WEB_IDENTITY_TOKEN_FILE")) {
    return make_error(ErrorCategory::Config, "UnsupportedCredentials",
                      "AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE ask for web identity credentials, "
                      "which are not supported; set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and "
                      "AWS_SESSION_TOKEN instead");
  }

  auto file_creds = from_settings(find_profile(s.files.credentials, s.profile), "shared-credentials-file",
                                  s.files.credentials_path);
  if (!file_creds) return file_creds.error();
  if (*file_creds) return std::move(**file_creds);

  if (const std::string* command = setting(merged, "credential_process")) {
    return run_credential_process(*command, s.profile, s.now);
  }

  auto config_creds = from_settings(find_profile(s.files.config_profiles, s.profile), "config-file",
                                    s.files.config_path);
  if (!config_creds) return config_creds.error();
  if (*config_creds) return std::move(**config_creds);
  return no_credentials(s);
}

}  // namespace ec2::auth
