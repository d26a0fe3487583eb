// resolve_config: profile, region, endpoint, retry settings and CA bundle with the AWS CLI's
// precedence (overrides > environment > shared files > defaults); credentials in credentials.cc.
#include <pwd.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>

#include "auth/credentials.h"
#include "auth/endpoints.h"
#include "auth/instance_metadata.h"
#include "auth/shared_files.h"
#include "ec2/config.h"

namespace ec2 {
namespace {

/// The real environment. Reads getenv each time, so it follows setenv in tests and tools.
class ProcessEnvironment final : public Environment {
 public:
  std::optional<std::string> get(std::string_view name) const override {
    const char* v = std::getenv(std::string(name).c_str());
    if (v == nullptr) return std::nullopt;
    return std::string(v);
  }
  std::string home() const override {
    if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') return h;
    if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr) return pw->pw_dir;
    return "/";
  }
};

Error config_error(std::string code, std::string message) {
  return make_error(ErrorCategory::Config, std::move(code), std::move(message));
}

/// An environment variable; empty counts as unset.
std::optional<std::string> env_value(const Environment& env, std::string_view name) {
  auto v = env.get(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

std::optional<std::string> profile_value(const auth::Settings& profile, std::string_view key) {
  const std::string* v = auth::setting(profile, key);
  if (v == nullptr || v->empty()) return std::nullopt;
  return *v;
}

/// The first of `candidates` that has a value.
std::optional<std::string> first_of(std::initializer_list<std::optional<std::string>> candidates) {
  for (const auto& c : candidates) {
    if (c) return c;
  }
  return std::nullopt;
}

std::string profile_section(const std::string& profile) {
  return profile == "default" ? "[default]" : "[profile " + profile + "]";
}

bool valid_region(std::string_view r) {
  if (r.empty() || r.size() > 63 || r.front() == '-' || r.back() == '-') return false;
  for (char c : r) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<std::string> resolve_region(const ConfigOverrides& o, const Environment& env,
                                   const auth::Settings& profile, const auth::SharedFiles& files,
                                   const std::string& profile_name, const CredentialServices& services) {
  auto region = first_of({o.region, env_value(env, "AWS_REGION"), env_value(env, "AWS_DEFAULT_REGION"),
                          profile_value(profile, "region")});
  if (!region || region->empty()) {
    region = auth::instance_metadata_region(env, profile, with_defaults(services).transport);
  }
  if (!region || region->empty()) {
    return config_error("NoRegion", "You must specify a region: set AWS_REGION, add 'region = us-east-1' "
                                    "(for example) to " + profile_section(profile_name) + " in " +
                                        files.config_path + ", or pass --region");
  }
  if (!valid_region(*region)) {
    return config_error("InvalidRegion", "Provided region '" + *region +
                                             "' is not a valid region name (like us-east-1)");
  }
  return *region;
}

Result<int> resolve_max_attempts(const ConfigOverrides& o, const Environment& env,
                                 const auth::Settings& profile, RetryMode mode) {
  if (o.max_attempts) {
    if (*o.max_attempts < 1) {
      return config_error("InvalidMaxAttempts", "max attempts must be at least 1, got " +
                                                    std::to_string(*o.max_attempts));
    }
    return *o.max_attempts;
  }
  std::string origin = "AWS_MAX_ATTEMPTS";
  auto text = env_value(env, "AWS_MAX_ATTEMPTS");
  if (!text) {
    text = profile_value(profile, "max_attempts");
    origin = "max_attempts in the config file";
  }
  if (!text) return mode == RetryMode::Legacy ? 5 : 3;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size() || value < 1) {
    return config_error("InvalidMaxAttempts", origin + " must be a whole number of at least 1, got '" + *text + "'");
  }
  return value;
}

Result<RetryMode> resolve_retry_mode(const ConfigOverrides& o, const Environment& env,
                                     const auth::Settings& profile) {
  if (o.retry_mode) return *o.retry_mode;
  auto text = first_of({env_value(env, "AWS_RETRY_MODE"), profile_value(profile, "retry_mode")});
  if (!text || *text == "standard") return RetryMode::Standard;
  if (*text == "legacy") return RetryMode::Legacy;
  if (*text == "adaptive") return RetryMode::Adaptive;
  return config_error("InvalidRetryMode", "Invalid retry mode '" + *text +
                                              "' (from AWS_RETRY_MODE or retry_mode): use standard, "
                                              "legacy or adaptive");
}

/// Profile choice: an override is "explicit" (it makes the CLI ignore credential env vars).
std::pair<std::string, bool> choose_profile(const ConfigOverrides& o, const Environment& env) {
  if (o.profile && !o.profile->empty()) return {*o.profile, true};
  auto name = first_of({env_value(env, "AWS_PROFILE"), env_value(env, "AWS_DEFAULT_PROFILE")});
  return {name.value_or("default"), false};
}

}  // namespace

std::optional<std::string> MapEnvironment::get(std::string_view name) const {
  auto it = vars_.find(std::string(name));
  if (it == vars_.end()) return std::nullopt;
  return it->second;
}

const Environment& process_environment() {
  static const ProcessEnvironment env;
  return env;
}

std::string default_endpoint(std::string_view region) {
  return auth::default_service_endpoint(auth::ServiceId::Ec2, region);
}

std::string_view to_string(RetryMode mode) {
  switch (mode) {
    case RetryMode::Standard: return "standard";
    case RetryMode::Legacy: return "legacy";
    case RetryMode::Adaptive: return "adaptive";
  }
  return "standard";
}

Result<ResolvedConfig> resolve_config(const ConfigOverrides& overrides, const Environment& env) {
  return resolve_config(overrides, env, CredentialServices{});
}

Result<ResolvedConfig> resolve_config(const ConfigOverrides& overrides, const Environment& env,
                                      const CredentialServices& services) {
  auto files = auth::load_shared_files(env);
  if (!files) return files.error();
  auto [profile_name, explicit_profile] = choose_profile(overrides, env);
  if (profile_name != "default" && !files->has_profile(profile_name)) {
    return config_error("ProfileNotFound",
                        "The config profile (" + profile_name + ") could not be found in " +
                            files->config_path + " or " + files->credentials_path + ". Add a [profile " +
                            profile_name + "] section to " + files->config_path + " (or [" + profile_name +
                            "] to " + files->credentials_path + "), or pick an existing profile");
  }
  const auth::Settings profile = files->merged_profile(profile_name);

  ResolvedConfig config;
  config.profile = profile_name;
  auto region = resolve_region(overrides, env, profile, *files, profile_name, services);
  if (!region) return region.error();
  config.region = *region;
  const auth::EndpointSources endpoints{env, profile, *files};
  auto endpoint = auth::resolve_service_endpoint(auth::ServiceId::Ec2, endpoints, config.region,
                                                 overrides.endpoint_url);
  if (!endpoint) return endpoint.error();
  config.endpoint_url = *endpoint;
  auto sts_endpoint = auth::resolve_service_endpoint(auth::ServiceId::Sts, endpoints, config.region);
  if (!sts_endpoint) return sts_endpoint.error();
  config.sts_endpoint_url = *sts_endpoint;
  auto mode = resolve_retry_mode(overrides, env, profile);
  if (!mode) return mode.error();
  config.retry_mode = *mode;
  auto attempts = resolve_max_attempts(overrides, env, profile, config.retry_mode);
  if (!attempts) return attempts.error();
  config.max_attempts = *attempts;
  auto ca = first_of({overrides.ca_bundle, env_value(env, "AWS_CA_BUNDLE"), profile_value(profile, "ca_bundle")});
  if (ca) config.ca_bundle = auth::expand_path(*ca, env);

  if (overrides.no_credentials) {
    config.credentials.source = "none";
    return config;
  }
  auth::CredentialSources sources{overrides,     env,          *files,    profile_name, explicit_profile,
                                  config.region, endpoints, with_defaults(services), config.ca_bundle};
  auto provider = auth::resolve_credentials(sources);
  if (!provider) return provider.error();
  auto creds = (*provider)->get();
  if (!creds) return creds.error();
  config.credentials = std::move(*creds);
  config.credentials_provider = std::move(*provider);
  return config;
}

}  // namespace ec2
