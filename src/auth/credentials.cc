#include "auth/credentials.h"

#include <optional>

#include "auth/assume_role.h"
#include "auth/container_credentials.h"
#include "auth/credential_process.h"
#include "auth/instance_metadata.h"
#include "auth/refreshing_credentials.h"
#include "auth/sso_credentials.h"
#include "auth/web_identity.h"

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

const Settings* find_profile(const std::map<std::string, Settings>& profiles, const std::string& name) {
  auto it = profiles.find(name);
  return it == profiles.end() ? nullptr : &it->second;
}

MaybeProvider none() { return std::shared_ptr<CredentialsProvider>(); }

MaybeProvider from_overrides(const ConfigOverrides& o) {
  if (!o.access_key_id && !o.secret_access_key) return none();
  if (!o.access_key_id || o.access_key_id->empty()) return partial("explicit", "access key id");
  if (!o.secret_access_key || o.secret_access_key->empty()) return partial("explicit", "secret access key");
  Credentials c{*o.access_key_id, *o.secret_access_key, o.session_token.value_or(""), "explicit", {}, {}};
  return fixed_credentials(std::move(c));
}

MaybeProvider from_environment(const CredentialSources& s, const std::string&, bool use_env) {
  if (!use_env) return none();
  auto key = env_value(s.env, "AWS_ACCESS_KEY_ID");
  if (!key) return none();
  auto secret = env_value(s.env, "AWS_SECRET_ACCESS_KEY");
  if (!secret) return partial("env", "AWS_SECRET_ACCESS_KEY");
  Credentials c{*key, *secret, "", "env", {}, {}};
  // Like the CLI, the older AWS_SECURITY_TOKEN name is looked at first.
  if (auto token = env_value(s.env, "AWS_SECURITY_TOKEN")) c.session_token = *token;
  else if (auto token2 = env_value(s.env, "AWS_SESSION_TOKEN")) c.session_token = *token2;
  if (auto expiry = env_value(s.env, "AWS_CREDENTIAL_EXPIRATION")) {
    c.expiration = parse_iso8601(*expiry);
    if (!c.expiration) {
      return make_error(ErrorCategory::Config, "PartialCredentials",
                        "AWS_CREDENTIAL_EXPIRATION must be an ISO 8601 timestamp, got '" + *expiry + "'");
    }
  }
  c.identity = "env: AWS_ACCESS_KEY_ID";
  return fixed_credentials(std::move(c));
}

/// Keys from one file's section: nothing unless `aws_access_key_id` is there.
MaybeProvider from_settings(const Settings* settings, std::string_view source, const std::string& file,
                            const std::string& profile) {
  if (settings == nullptr) return none();
  const std::string* key = setting(*settings, "aws_access_key_id");
  if (key == nullptr) return none();
  const std::string* secret = setting(*settings, "aws_secret_access_key");
  if (secret == nullptr) return partial(std::string(source) + " (" + file + ")", "aws_secret_access_key");
  Credentials c{*key, *secret, "", std::string(source), {}, {}};
  if (const std::string* t = setting(*settings, "aws_security_token")) c.session_token = *t;
  else if (const std::string* t2 = setting(*settings, "aws_session_token")) c.session_token = *t2;
  c.identity = std::string(source) + ": profile " + profile + " in " + file;
  return fixed_credentials(std::move(c));
}

MaybeProvider from_credentials_file(const CredentialSources& s, const std::string& profile, bool) {
  return from_settings(find_profile(s.files.credentials, profile), "shared-credentials-file",
                       s.files.credentials_path, profile);
}

MaybeProvider from_config_file(const CredentialSources& s, const std::string& profile, bool) {
  return from_settings(find_profile(s.files.config_profiles, profile), "config-file", s.files.config_path,
                       profile);
}

/// credential_process, run again when what it printed is about to expire.
MaybeProvider from_process(const CredentialSources& s, const std::string& profile, bool) {
  const Settings merged = s.files.merged_profile(profile);
  const std::string* command = setting(merged, "credential_process");
  if (command == nullptr) return none();
  auto clock = s.services.clock;
  return refreshing_credentials(
      [command = *command, profile, clock]() -> Result<Credentials> {
        auto c = run_credential_process(command, profile, clock->now());
        if (c) c->identity = "custom-process: profile " + profile;
        return c;
      },
      clock);
}

/// The chain of the active profile, in the CLI's order. Container credentials and instance
/// metadata go last, after from_config_file.
constexpr ProviderLoader kChain[] = {
    from_environment, load_assume_role, load_web_identity, load_sso,
    from_credentials_file, from_process, from_config_file,
    load_container, load_instance_metadata,
};

/// The chain of a source profile (the CLI starts it at web identity and reads no environment).
constexpr ProviderLoader kSourceChain[] = {
    load_web_identity, load_sso, from_credentials_file, from_process, from_config_file,
};

/// Where instance metadata was looked for, for the no-credentials message.
std::string instance_metadata_looked_at(const CredentialSources& s) {
  auto imds = imds_settings(s.env, s.files.merged_profile(s.profile));
  if (imds && imds->disabled) return "instance metadata (disabled by AWS_EC2_METADATA_DISABLED)";
  return "instance metadata (" + (imds ? imds->endpoint : std::string("invalid settings")) +
         ": no answer or no instance role)";
}

Error no_credentials(const CredentialSources& s) {
  const std::string& p = s.profile;
  std::string section = p == "default" ? "[default]" : "[profile " + p + "]";
  std::string env = s.profile_explicit ? "" : "AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, ";
  return make_error(
      ErrorCategory::Config, "NoCredentials",
      "Unable to locate credentials for profile '" + p + "' (looked at " + env + "role_arn, "
          "web_identity_token_file, sso_session, credential_process and keys in " + section + " of " +
          s.files.config_path + ", keys in [" + p + "] of " + s.files.credentials_path +
          ", container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and "
          "AWS_CONTAINER_CREDENTIALS_FULL_URI not set), " + instance_metadata_looked_at(s) +
          "). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add aws_access_key_id and "
          "aws_secret_access_key to [" + p + "] in " + s.files.credentials_path +
          ", or a credential_process or role_arn to " + section + " in " + s.files.config_path +
          " (`aws configure` writes these files)");
}

}  // namespace

std::shared_ptr<HttpTransport> provider_transport(const CredentialSources& s) {
  TransportOptions options;
  options.ca_bundle = s.ca_bundle;
  return s.services.transport(options);
}

MaybeProvider source_profile_credentials(const CredentialSources& s, const std::string& profile) {
  for (ProviderLoader load : kSourceChain) {
    auto provider = load(s, profile, false);
    if (!provider || *provider) return provider;
  }
  return none();
}

MaybeProvider credential_source_provider(const CredentialSources& s, const std::string& name,
                                         const std::string& profile) {
  if (name == "Environment") return from_environment(s, profile, true);
  if (name == "Ec2InstanceMetadata" || name == "EcsContainer") {
    auto provider = name == "EcsContainer" ? load_container(s, profile, true)
                                           : load_instance_metadata(s, profile, true);
    if (!provider || *provider) return provider;
    return make_error(ErrorCategory::Config, "NoCredentials",
                      "Error when retrieving credentials from " + name + ": No credentials found in "
                      "credential_source referenced in profile " + profile);
  }
  return make_error(ErrorCategory::Config, "InvalidConfig",
                    "The credential source \"" + name + "\" referenced in profile \"" + profile +
                        "\" is not valid (use Environment, Ec2InstanceMetadata or EcsContainer)");
}

MaybeProvider resolve_credentials(const CredentialSources& s) {
  auto explicit_creds = from_overrides(s.overrides);
  if (!explicit_creds || *explicit_creds) return explicit_creds;
  for (ProviderLoader load : kChain) {
    auto provider = load(s, s.profile, !s.profile_explicit);
    if (!provider || *provider) return provider;
  }
  return no_credentials(s);
}

}  // namespace ec2::auth
