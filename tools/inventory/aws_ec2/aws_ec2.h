#pragma once
/// The aws_ec2.yml mode of ec2-inventory: reads an `amazon.aws.aws_ec2` inventory plugin config and
/// turns DescribeInstances results into the JSON `ansible-inventory -i x.aws_ec2.yml --list` prints.
///
/// Records are botocore-shaped (`InstanceId`, `State.Code` as a number, `EbsOptimized` as a bool...,
/// as boto3 returns them). Timestamps may be the ISO 8601 text of the XML response
/// (`2024-01-02T03:04:05.000Z`); hostvars print them the way Ansible prints boto3's datetimes
/// (`2024-01-02T03:04:05+00:00`).
///
/// Use: load_aws_ec2_config(path) → fetch `config.plan` (every region × every filter set, include
/// sets and exclude sets separately) → build_inventory(config, included, excluded) →
/// format_inventory_json(...) on stdout.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/result.h"
#include "ec2/types.h"
#include "instance_source.h"

namespace ec2::inventory::aws_ec2 {

/// Filters that must all match; each set is one DescribeInstances query per region. The default
/// `instance-state-name` filter (running, pending, stopping, stopped) is already added to every set
/// that has no `instance-state-name` filter of its own.
using FilterSet = ec2::Filters;

/// The accounts of an `ec2_inventory.accounts` block (none: the run's own account only).
struct AccountsPlan {
  enum class Form { None, RoleArns, RoleTemplate, Organization };
  Form form = Form::None;
  std::vector<std::string> role_arns;    ///< Form::RoleArns, in config order.
  std::string role_name;                 ///< RoleTemplate and Organization: arn:aws:iam::{id}:role/NAME.
  std::vector<std::string> account_ids;  ///< RoleTemplate, in config order.
  std::vector<std::string> include;      ///< Organization: only these ids (empty: every ACTIVE account).
  std::vector<std::string> exclude;      ///< Organization: never these ids.
};

/// The account id of an IAM role ARN (`arn:PARTITION:iam::ACCOUNT:role/NAME`, ACCOUNT 12 digits);
/// "" when `arn` is not one.
std::string role_arn_account(const std::string& arn);

/// Default of `ec2_inventory.max_requests_in_flight`.
inline constexpr int kDefaultMaxRequestsInFlight = 256;

/// What to query.
struct FetchPlan {
  std::vector<std::string> regions;              ///< Empty: every region DescribeRegions returns.
  std::vector<FilterSet> include_filter_sets;    ///< Never empty (no filters → one set).
  std::vector<FilterSet> exclude_filter_sets;    ///< Instances these match are dropped.
  bool strict_permissions = true;  ///< false: HTTP 403 errors of a region are warned about and skipped.
  AccountsPlan accounts;           ///< ec2_inventory.accounts (extension).
  /// ec2_inventory.max_requests_in_flight (extension): HTTP requests of the run (STS and EC2) at once.
  int max_requests_in_flight = kDefaultMaxRequestsInFlight;
};

/// How to authenticate and where to send requests. Empty fields mean "use the default chain".
/// Values come from the file first, then from the environment variables the plugin reads.
struct ConnectionSettings {
  std::string profile;        ///< aws_profile / boto_profile / profile; AWS_PROFILE, AWS_DEFAULT_PROFILE.
  std::string access_key;     ///< aws_access_key / aws_access_key_id; EC2_ACCESS_KEY, AWS_ACCESS_KEY(_ID).
  std::string secret_key;     ///< aws_secret_key / aws_secret_access_key; EC2_SECRET_KEY, AWS_SECRET_(ACCESS_)KEY.
  std::string session_token;  ///< aws_security_token / aws_session_token; EC2_SECURITY_TOKEN, AWS_SESSION_TOKEN, AWS_SECURITY_TOKEN.
  std::string endpoint_url;   ///< endpoint_url / aws_endpoint_url (extension: the plugin has none).
  std::string region;         ///< region / aws_region (extension): region of the DescribeRegions call, default us-east-1.
  std::string iam_role_arn;   ///< iam_role_arn: assumed once with the above before any EC2 call.
};

/// The inventory cache options (`cache`, `cache_timeout`, `cache_plugin`, `cache_connection`,
/// `cache_prefix`). Only the `jsonfile`-like behaviour matters to ec2-inventory: reuse results that
/// are younger than `timeout_seconds`.
struct CacheSettings {
  bool enabled = false;
  long timeout_seconds = 3600;
  std::string plugin = "memory";
  std::string connection;
  std::string prefix = "ansible_inventory_";
};

/// Hostnames, keyed groups, compose expressions... parsed and compiled; only build_inventory reads it.
struct BuildOptions;

/// A loaded and validated aws_ec2.yml.
struct AwsEc2Config {
  std::string path;                     ///< The file it came from.
  FetchPlan plan;
  ConnectionSettings connection;
  CacheSettings cache;
  std::shared_ptr<const BuildOptions> build;
};

/// Looks up an environment variable; tests pass a fake.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

/// Reads, validates and compiles the aws_ec2.yml at `path` (environment from getenv). Errors
/// (category Config) name the file, the line and the option, e.g.
/// `x.aws_ec2.yml:4: option 'keyed_groups[1].key': unexpected ')' at column 9 in 'tags.a)'`.
Result<AwsEc2Config> load_aws_ec2_config(const std::string& path);
/// Same, with the file content given and environment variables looked up through `env`.
Result<AwsEc2Config> parse_aws_ec2_config(const std::string& path, const std::string& yaml_text,
                                          const EnvLookup& env);

/// The `--list` document (`_meta.hostvars`, `all.children`, `ungrouped`, each group's `hosts` and
/// `children`) for the instances of `included` that are not in `excluded` (matched by instance id),
/// exactly as the plugin builds it. Fails on a `strict: true` expression error or an invalid
/// keyed group.
Result<nlohmann::json> build_inventory(const AwsEc2Config& config,
                                       const std::vector<InstanceRecord>& included,
                                       const std::vector<InstanceRecord>& excluded = {});
/// Receives inventory text piece by piece.
using InventoryWriter = std::function<void(std::string_view piece)>;

/// What write_inventory does with the inventory and the records once the text is written.
enum class AfterWriting {
  Free,
  /// Keeps them until the process exits: for a program that exits next, as `--list` does. The
  /// kernel takes the memory back at once, where freeing every host's strings and records one
  /// by one took about 6 ms of a 10,000-host run.
  KeepUntilExit,
};

/// The same document as the text `ansible-inventory --list` prints (what `format_inventory_json`
/// gives for it), handed to `write` in pieces of a few MiB as it is laid out. Every error is
/// found before the first piece is written.
Status write_inventory(const AwsEc2Config& config, std::vector<InstanceRecord> included,
                       const std::vector<InstanceRecord>& excluded, const InventoryWriter& write,
                       AfterWriting after = AfterWriting::Free);
/// The whole write_inventory text.
Result<std::string> build_inventory_text(const AwsEc2Config& config,
                                         std::vector<InstanceRecord> included,
                                         const std::vector<InstanceRecord>& excluded = {});

/// The `--host HOST` text for the same instances: that host's variables as
/// `ansible-inventory --host` prints them (`{}` for an unknown host), found in the inventory
/// without laying out the rest of it. With `list`, the `--list` text is handed to it as well (for
/// a cache). Fails as write_inventory does.
Result<std::string> host_variables_text(const AwsEc2Config& config, std::vector<InstanceRecord> included,
                                        const std::vector<InstanceRecord>& excluded, const std::string& host,
                                        const InventoryWriter& list = {});

/// A FetchRequest::prepare hook for `config`'s included instances. When a host needs nothing but
/// its own instance (no compose, groups or keyed_groups), it works out each record's host names
/// and variables text as its page arrives and drops the parsed instance; build_inventory_text then
/// only files the prepared hosts. Empty when the config has constructed rules.
std::function<void(InstanceRecord&)> record_preparer(const AwsEc2Config& config);

/// The text `ansible-inventory --list` prints for `inventory`: keys sorted, 4-space indent, UTF-8
/// kept as is, newline at the end.
std::string format_inventory_json(const nlohmann::json& inventory);

}  // namespace ec2::inventory::aws_ec2
