#pragma once
/// Inventory hostnames of an instance from the `hostnames` option, as the aws_ec2 plugin picks
/// them: `tag:Name`, `tag:Name=Value`, `tag:A,B`, DescribeInstances filter names (`dns-name`,
/// `private-ip-address`, `network-interface.addresses.association.public-ip`, ...), literal
/// strings, and `{name, prefix, separator}` entries.

#include <optional>
#include <string>
#include <vector>

#include "json.h"

#include "ec2/result.h"
#include "config/sanitize.h"

namespace ec2::inventory::aws_ec2 {

/// One entry of `hostnames`.
struct HostnameRule {
  std::string name;
  std::optional<std::string> prefix;  ///< Dict form only; the name is then prefix + separator + name.
  std::string separator = "_";
  bool is_dict = false;
};

/// The rules used when `hostnames` is empty: dns-name, then private-dns-name.
const std::vector<HostnameRule>& default_hostname_rules();

/// Checks a `tag:` rule the way the plugin would parse it (`tag:A=B=C` is an error).
Status validate_hostname_rule(const std::string& name);

/// The top-level botocore members of an instance that `rules` read (`Tags` for tag rules, the
/// first step of a filter name's path), so that only those need converting.
std::vector<std::string> members_read(const std::vector<HostnameRule>& rules);

/// The first rule that yields a name (`allow_duplicated_hosts: false`); nullopt when none does.
/// `instance` is the boto3-shaped instance (see boto3_instance).
std::optional<std::string> preferred_hostname(const Json& instance, const std::vector<HostnameRule>& rules,
                                              Sanitizer sanitize);

/// Every name every rule yields, in rule order (`allow_duplicated_hosts: true`).
std::vector<std::string> all_hostnames(const Json& instance, const std::vector<HostnameRule>& rules,
                                       Sanitizer sanitize);

}  // namespace ec2::inventory::aws_ec2
