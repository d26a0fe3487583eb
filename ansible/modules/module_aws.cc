// The AWS connection options of every AWS module and the Client they describe.
#include <cstdlib>

#include "module.h"

namespace ec2::ansible {

std::vector<ArgSpec> aws_common_args() {
  std::vector<ArgSpec> args;
  auto add = [&](std::string name, std::vector<std::string> aliases, ArgType type = ArgType::Str,
                 bool no_log = false, nlohmann::json default_value = nullptr) {
    ArgSpec arg;
    arg.name = std::move(name);
    arg.aliases = std::move(aliases);
    arg.type = type;
    arg.no_log = no_log;
    arg.default_value = std::move(default_value);
    args.push_back(std::move(arg));
  };
  add("access_key", {"aws_access_key_id", "aws_access_key", "ec2_access_key"});
  add("secret_key", {"aws_secret_access_key", "aws_secret_key", "ec2_secret_key"}, ArgType::Str, true);
  add("session_token", {"aws_session_token", "security_token", "access_token", "aws_security_token"},
      ArgType::Str, true);
  add("profile", {"aws_profile"});
  add("endpoint_url", {"aws_endpoint_url", "ec2_url", "s3_url"});
  add("validate_certs", {}, ArgType::Bool, false, true);
  add("aws_ca_bundle", {}, ArgType::Path);
  add("aws_config", {}, ArgType::Dict);
  add("debug_botocore_endpoint_logs", {}, ArgType::Bool, false, false);
  add("region", {"aws_region", "ec2_region"});
  return args;
}

namespace {

/// The first of the environment variables `names` that is set (amazon.aws's env fallbacks).
std::optional<std::string> env_fallback(std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (const char* value = std::getenv(name); value && *value) return std::string(value);
  }
  return std::nullopt;
}

}  // namespace

Result<Client> make_client(const Module& module) {
  ConfigOverrides overrides;
  overrides.profile = module.str("profile");
  overrides.region = module.str("region");
  if (!overrides.region) overrides.region = env_fallback({"AWS_REGION", "AWS_DEFAULT_REGION", "EC2_REGION"});
  overrides.endpoint_url = module.str("endpoint_url");
  if (!overrides.endpoint_url) overrides.endpoint_url = env_fallback({"AWS_URL", "EC2_URL"});
  overrides.access_key_id = module.str("access_key");
  overrides.secret_access_key = module.str("secret_key");
  overrides.session_token = module.str("session_token");
  overrides.ca_bundle = module.str("aws_ca_bundle");
  if (overrides.access_key_id.has_value() != overrides.secret_access_key.has_value()) {
    return make_error(ErrorCategory::Config, "PartialCredentials",
                      "access_key and secret_key must be given together");
  }
  TransportOptions transport;
  transport.verify_tls = module.flag("validate_certs").value_or(true);
  auto client = Client::create(overrides, process_environment(), transport);
  if (!client && client.error().code == "NoRegion") {
    return make_error(ErrorCategory::Config, "NoRegion",
                      "The ec2 module requires a region and none was found in configuration, "
                      "environment variables or module parameters");
  }
  return client;
}

}  // namespace ec2::ansible
