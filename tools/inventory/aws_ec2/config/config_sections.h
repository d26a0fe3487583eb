#pragma once
/// The structured options of aws_ec2.yml (filters, hostnames, compose, groups, keyed_groups...):
/// each parser checks types and compiles expressions, reporting file, line and option.

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "aws_ec2.h"
#include "config/build_options.h"
#include "config/yaml_values.h"

namespace ec2::inventory::aws_ec2 {

/// Options as read so far, before they are assembled into an AwsEc2Config.
struct ConfigBuilder {
  std::vector<std::string> regions;
  FilterSet filters;
  std::vector<FilterSet> include_filters;
  std::vector<FilterSet> exclude_filters;
  bool strict_permissions = true;
  bool allow_duplicated_hosts = false;
  bool contrib_sanitization = false;
  bool contrib_tag_keys = false;
  bool include_extra_api_calls = false;
  bool strict = false;
  bool leading_separator = true;
  bool use_extra_vars = false;
  bool cache = false;
  long cache_timeout = 3600;
  std::string hostvars_prefix, hostvars_suffix;
  std::string profile, access_key, secret_key, session_token, endpoint_url, region, iam_role_arn;
  AccountsPlan accounts;
  int max_requests_in_flight = kDefaultMaxRequestsInFlight;
  bool plugin_compatible = false;
  /// Extension options given (option path and its key node), for `plugin_compatible: true`.
  std::vector<std::pair<std::string, YAML::Node>> extensions;
  std::string cache_plugin = "memory", cache_connection, cache_prefix = "ansible_inventory_";
  BuildOptions build;

  /// The plugin's build_include_filters plus the default instance-state filter on every set.
  FetchPlan fetch_plan() const;
};

/// True for a 12-digit AWS account id.
bool is_account_id(const std::string& text);
/// True for an IAM role ARN (role_arn_account gives its account).
inline bool is_role_arn(const std::string& text) { return !role_arn_account(text).empty(); }

Status parse_plugin(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_regions(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_filters(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_include_filters(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_exclude_filters(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_hostnames(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_compose(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_groups(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_keyed_groups(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_cache_timeout(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
Status parse_iam_role_arn(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
/// The `ec2_inventory:` block of this tool's extensions (config/extensions.cc).
Status parse_ec2_inventory(const YAML::Node& node, const OptionContext& ctx, ConfigBuilder& b);
/// With `ec2_inventory.plugin_compatible: true`, the first extension given as an error.
Status check_plugin_compatible(const OptionContext& ctx, const ConfigBuilder& b);

}  // namespace ec2::inventory::aws_ec2
