#pragma once
/// The settings of an ec2.ini file, read with ec2.py's defaults and rules, validated strictly:
/// an unknown option, a value of the wrong type or a bad regular expression is an error naming
/// the file, the line and the option. RDS, ElastiCache and Route53 options are recognised; when a
/// file turns one of those services on, a warning says it is not supported (EC2 hosts only).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ec2/config.h"
#include "ec2/result.h"
#include "ec2/types.h"
#include "ini_file.h"
#include "py_regex.h"

namespace ec2::inventory {

/// Which `group_by_*` groups are made (defaults as in ec2.py).
struct GroupBy {
  bool instance_id = true;
  bool region = true;
  bool availability_zone = true;
  bool ami_id = true;
  bool instance_type = true;
  bool instance_state = false;
  bool platform = true;
  bool key_pair = true;
  bool vpc_id = true;
  bool security_group = true;
  bool tag_keys = true;
  bool tag_none = true;
  bool aws_account = false;
};

/// One `name=value` instance filter; a set of them is AND-ed, sets are OR-ed.
using FilterPairs = std::vector<std::pair<std::string, std::string>>;

/// How `regions` was written.
enum class RegionMode { All, Auto, List };

/// Everything ec2.ini says, plus the environment variables ec2.py honoured.
struct Ec2IniSettings {
  std::string path;  ///< The file read ("" when none: all defaults).

  RegionMode region_mode = RegionMode::All;
  std::vector<std::string> regions;          ///< RegionMode::List only.
  std::vector<std::string> regions_exclude = {"us-gov-west-1", "cn-north-1"};

  std::string destination_variable = "public_dns_name";
  std::string vpc_destination_variable = "ip_address";
  std::string hostname_variable;
  std::optional<std::string> destination_format;  ///< Set only with destination_format_tags.
  std::vector<std::string> destination_format_tags;

  std::vector<std::string> instance_states = {"running"};
  std::optional<PyRegex> pattern_include;
  std::optional<PyRegex> pattern_exclude;
  std::vector<FilterPairs> instance_filters;  ///< instance_filters or EC2_INSTANCE_FILTERS.
  bool stack_filters = false;

  bool nested_groups = false;
  bool replace_dash_in_groups = true;
  bool expand_csv_tags = false;
  GroupBy group_by;

  std::string cache_path = "~/.ansible/tmp";  ///< As written (`~` not expanded).
  long cache_max_age = 300;

  std::string boto_profile;  ///< --profile, else AWS_PROFILE, else boto_profile.
  /// `iam_role`: the ARN of the role every EC2 call is made as, assumed with the credentials
  /// below (or the profile's, or the default chain's); empty for none.
  std::string iam_role;
  /// The [credentials] section, used only when no profile and no AWS_ACCESS_KEY_ID are set.
  std::string access_key_id, secret_access_key, session_token;

  /// Notes for stderr: services that are enabled but not supported, and similar.
  std::vector<std::string> warnings;
};

/// Reads `file` (already parsed) into settings. `cli_profile` is the --profile/--boto-profile
/// argument (empty when absent); `env` supplies EC2_INSTANCE_FILTERS, AWS_PROFILE and
/// AWS_ACCESS_KEY_ID.
Result<Ec2IniSettings> read_ec2_ini(const IniFile& file, const std::string& cli_profile,
                                    const Environment& env);

/// Parses an `instance_filters` value: `,` separates filter sets (OR), `&` separates filters of
/// one set (AND), each filter is `name=value`; malformed pieces are skipped as ec2.py did.
std::vector<FilterPairs> parse_instance_filters(const std::string& text);

/// The DescribeInstances filter sets to query: one per configured set, or all sets merged into
/// one when `stack_filters` is on (later names override earlier ones). An `instance-state-name`
/// filter with the wanted states is added to sets that have none, unless every state is wanted.
std::vector<Filters> query_filter_sets(const Ec2IniSettings& settings);

/// Every state ec2.py knew: pending, running, shutting-down, terminated, stopping, stopped.
const std::vector<std::string>& all_instance_states();

}  // namespace ec2::inventory
