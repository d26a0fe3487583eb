#pragma once
/// ec2.ini mode end to end: settings → regions → parallel fetch → inventory → JSON text, with the
/// cache in front, for `--list` and `--host`.

#include <functional>
#include <memory>
#include <string>

#include "ec2/config.h"
#include "ec2/result.h"
#include "ec2_ini.h"
#include "instance_source.h"

namespace ec2::inventory {

/// What the command line asked for.
struct IniRequest {
  std::string host;          ///< --host HOST; empty for --list.
  bool refresh_cache = false;
  std::string config_text;   ///< Content of the ini file (part of the cache key).
};

/// What an instance source is opened with.
struct SourceSpec {
  ConfigOverrides overrides;  ///< Profile and [credentials] keys.
  std::string iam_role;       ///< The role to work as, assumed with those credentials; "" for none.
};

/// Makes the instance source once credentials and region are known (tests return fakes). A run
/// calls it at most once, and not at all when it is served from the cache.
using SourceFactory = std::function<Result<std::unique_ptr<InstanceSource>>(const SourceSpec& spec)>;

/// RoleSessionName of the role sessions of `iam_role` (ec2.py's).
inline constexpr const char* kIamRoleSessionName = "ansible_dynamic_inventory";

/// The real factory: open_client with the spec's overrides and `env`; with an `iam_role`, the
/// role is assumed from that client (with_assumed_role) before the source is made, so every EC2
/// call is made as the role.
SourceFactory ec2_source_factory(const Environment& env);

/// Runs ec2.ini mode and returns the text to print (ec2.py's JSON, without trailing newline).
Result<std::string> run_ini_mode(const Ec2IniSettings& settings, const IniRequest& request,
                                 const Environment& env, const SourceFactory& make_source);

/// The region list to query: the configured list, the resolved region for `auto`, or every
/// region DescribeRegions returns minus regions_exclude for `all`.
Result<std::vector<std::string>> resolve_regions(const Ec2IniSettings& settings,
                                                 const std::string& configured_region,
                                                 InstanceSource& source);

}  // namespace ec2::inventory
