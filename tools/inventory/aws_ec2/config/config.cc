// load_aws_ec2_config: aws_ec2.yml → AwsEc2Config (fetch plan, connection, cache, build options).

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "aws_ec2.h"
#include "config/build_options.h"
#include "config/config_sections.h"
#include "config/yaml_values.h"

namespace ec2::inventory::aws_ec2 {
namespace {

using Handler = std::function<Status(const YAML::Node&, const OptionContext&, ConfigBuilder&)>;

Handler bool_option(bool ConfigBuilder::*field) {
  return [field](const YAML::Node& n, const OptionContext& ctx, ConfigBuilder& b) -> Status {
    auto v = as_bool(n, ctx);
    if (!v) return v.error();
    b.*field = *v;
    return {};
  };
}

Handler str_option(std::string ConfigBuilder::*field) {
  return [field](const YAML::Node& n, const OptionContext& ctx, ConfigBuilder& b) -> Status {
    if (n.IsNull()) return {};
    auto v = as_str(n, ctx);
    if (!v) return v.error();
    if (v->find("{{") != std::string::npos || v->find("{%") != std::string::npos) {
      return ctx.error(n, "templated values are not supported here; give the value itself");
    }
    b.*field = *v;
    return {};
  };
}

/// Every option the plugin (and this tool) accepts, aliases included, with its canonical name.
const std::map<std::string, std::pair<std::string, Handler>>& option_table() {
  static const std::map<std::string, std::pair<std::string, Handler>> table = [] {
    std::map<std::string, std::pair<std::string, Handler>> t;
    auto add = [&t](std::initializer_list<const char*> names, Handler h) {
      for (const char* n : names) t[n] = {*names.begin(), h};
    };
    add({"plugin"}, parse_plugin);
    add({"regions"}, parse_regions);
    add({"filters"}, parse_filters);
    add({"include_filters"}, parse_include_filters);
    add({"exclude_filters"}, parse_exclude_filters);
    add({"hostnames"}, parse_hostnames);
    add({"compose"}, parse_compose);
    add({"groups"}, parse_groups);
    add({"keyed_groups"}, parse_keyed_groups);
    add({"cache_timeout"}, parse_cache_timeout);
    add({"iam_role_arn"}, parse_iam_role_arn);
    add({"ec2_inventory"}, parse_ec2_inventory);
    add({"allow_duplicated_hosts"}, bool_option(&ConfigBuilder::allow_duplicated_hosts));
    add({"strict_permissions"}, bool_option(&ConfigBuilder::strict_permissions));
    add({"use_contrib_script_compatible_sanitization"}, bool_option(&ConfigBuilder::contrib_sanitization));
    add({"use_contrib_script_compatible_ec2_tag_keys"}, bool_option(&ConfigBuilder::contrib_tag_keys));
    add({"include_extra_api_calls"}, bool_option(&ConfigBuilder::include_extra_api_calls));
    add({"strict"}, bool_option(&ConfigBuilder::strict));
    add({"leading_separator"}, bool_option(&ConfigBuilder::leading_separator));
    add({"use_extra_vars"}, bool_option(&ConfigBuilder::use_extra_vars));
    add({"cache"}, bool_option(&ConfigBuilder::cache));
    add({"hostvars_prefix"}, str_option(&ConfigBuilder::hostvars_prefix));
    add({"hostvars_suffix"}, str_option(&ConfigBuilder::hostvars_suffix));
    add({"aws_profile", "boto_profile", "profile"}, str_option(&ConfigBuilder::profile));
    add({"aws_access_key", "aws_access_key_id"}, str_option(&ConfigBuilder::access_key));
    add({"aws_secret_key", "aws_secret_access_key"}, str_option(&ConfigBuilder::secret_key));
    add({"aws_security_token", "aws_session_token"}, str_option(&ConfigBuilder::session_token));
    add({"endpoint_url", "aws_endpoint_url"}, str_option(&ConfigBuilder::endpoint_url));
    add({"region", "aws_region"}, str_option(&ConfigBuilder::region));
    add({"cache_plugin"}, str_option(&ConfigBuilder::cache_plugin));
    add({"cache_connection"}, str_option(&ConfigBuilder::cache_connection));
    add({"cache_prefix"}, str_option(&ConfigBuilder::cache_prefix));
    return t;
  }();
  return table;
}

/// The value of the last of `names` that is set in the environment (Ansible's precedence).
std::string from_env(const EnvLookup& env, std::initializer_list<const char*> names) {
  std::string value;
  for (const char* n : names) {
    if (auto v = env(n)) value = *v;
  }
  return value;
}

ConnectionSettings connection_settings(const ConfigBuilder& b, const EnvLookup& env) {
  ConnectionSettings c;
  c.profile = b.profile.empty() ? from_env(env, {"AWS_DEFAULT_PROFILE", "AWS_PROFILE"}) : b.profile;
  c.access_key = b.access_key.empty() ? from_env(env, {"EC2_ACCESS_KEY", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID"}) : b.access_key;
  c.secret_key = b.secret_key.empty() ? from_env(env, {"EC2_SECRET_KEY", "AWS_SECRET_KEY", "AWS_SECRET_ACCESS_KEY"}) : b.secret_key;
  c.session_token = b.session_token.empty()
                        ? from_env(env, {"EC2_SECURITY_TOKEN", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN"})
                        : b.session_token;
  c.endpoint_url = b.endpoint_url;
  c.region = b.region.empty() ? "us-east-1" : b.region;
  c.iam_role_arn = b.iam_role_arn;
  return c;
}

AwsEc2Config finish(const std::string& path, ConfigBuilder& b, const EnvLookup& env) {
  AwsEc2Config config;
  config.path = path;
  config.plan = b.fetch_plan();
  config.connection = connection_settings(b, env);
  config.cache = CacheSettings{b.cache, b.cache_timeout, b.cache_plugin, b.cache_connection, b.cache_prefix};
  auto build = std::make_shared<BuildOptions>(std::move(b.build));
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  build->source = ec ? path : absolute.lexically_normal().string();
  build->allow_duplicated_hosts = b.allow_duplicated_hosts;
  build->hostvars = HostvarOptions{b.hostvars_prefix, b.hostvars_suffix, b.contrib_tag_keys};
  build->contrib_sanitization = b.contrib_sanitization;
  build->strict = b.strict;
  build->leading_separator = b.leading_separator;
  config.build = std::move(build);
  return config;
}

}  // namespace

Result<AwsEc2Config> parse_aws_ec2_config(const std::string& path, const std::string& yaml_text, const EnvLookup& env) {
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::Exception& e) {
    return make_error(ErrorCategory::Config, "InvalidConfig",
                      path + ":" + std::to_string(e.mark.line + 1) + ": invalid YAML: " + e.msg);
  }
  OptionContext top{path, "plugin"};
  if (!root.IsMap()) return top.error(root, "the file must be a YAML mapping with a 'plugin' key");
  if (!root["plugin"]) return top.error(root, "missing required option (aws_ec2 or amazon.aws.aws_ec2)");
  ConfigBuilder builder;
  std::map<std::string, std::string> seen;  // canonical name → spelling used
  for (const auto& entry : root) {
    std::string name = entry.first.IsScalar() ? entry.first.Scalar() : "?";
    OptionContext ctx{path, name};
    auto it = option_table().find(name);
    if (it == option_table().end()) return ctx.error(entry.first, "unknown option");
    const auto& [canonical, handler] = it->second;
    if (auto [prev, fresh] = seen.emplace(canonical, name); !fresh) {
      return ctx.error(entry.first, "given twice (also as '" + prev->second + "')");
    }
    if (auto s = handler(entry.second, ctx, builder); !s) return s.error();
    if (canonical == "endpoint_url" || canonical == "region") builder.extensions.emplace_back(name, entry.first);
  }
  if (auto s = check_plugin_compatible(top, builder); !s) return s.error();
  return finish(path, builder, env);
}

Result<AwsEc2Config> load_aws_ec2_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCategory::Io, "ConfigNotFound", "cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return parse_aws_ec2_config(path, text.str(), [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    return v ? std::optional<std::string>(v) : std::nullopt;
  });
}

}  // namespace ec2::inventory::aws_ec2
