#include "ec2_ini.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include "python_format.h"

namespace ec2::inventory {
namespace {

std::string strip(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n\f\v");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n\f\v");
  return text.substr(begin, end - begin + 1);
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

/// Comma-separated list, entries stripped, empty entries dropped.
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  for (const std::string& part : split(text, ',')) {
    std::string item = strip(part);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

/// configparser's getboolean vocabulary.
std::optional<bool> parse_bool(const std::string& text) {
  std::string value = lower(text);
  if (value == "1" || value == "yes" || value == "true" || value == "on") return true;
  if (value == "0" || value == "no" || value == "false" || value == "off") return false;
  return std::nullopt;
}

/// Python int(): optional sign, digits with single underscores between them, surrounding space.
std::optional<long> parse_int(const std::string& text) {
  std::string value = strip(text);
  size_t i = (!value.empty() && (value[0] == '+' || value[0] == '-')) ? 1 : 0;
  if (i == value.size()) return std::nullopt;
  std::string digits;
  for (; i < value.size(); ++i) {
    char c = value[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if (c != '_' || digits.empty() || i + 1 == value.size() || value[i + 1] == '_') {
      return std::nullopt;
    }
  }
  if (digits.size() > 15) return std::nullopt;
  long number = std::stol(digits);
  return value[0] == '-' ? -number : number;
}

enum class Kind { Bool, Int, Text };

/// One recognised [ec2] option: its type and where its value goes.
struct OptionSpec {
  Kind kind;
  std::function<void(Ec2IniSettings&, const std::string&, bool, long)> apply;
};

#define EC2_BOOL(field) {Kind::Bool, [](Ec2IniSettings& s, const std::string&, bool b, long) { s.field = b; }}
#define EC2_TEXT(field) {Kind::Text, [](Ec2IniSettings& s, const std::string& t, bool, long) { s.field = t; }}
#define EC2_IGNORED(kind) {kind, [](Ec2IniSettings&, const std::string&, bool, long) {}}

/// Options whose values are read elsewhere (they need other options or special checks) or that
/// only matter to services ec2-inventory does not query.
const std::map<std::string, OptionSpec>& option_specs() {
  static const std::map<std::string, OptionSpec> specs = {
      {"all_instances", EC2_IGNORED(Kind::Bool)},
      {"instance_states", EC2_IGNORED(Kind::Text)},
      {"regions", EC2_IGNORED(Kind::Text)},
      {"regions_exclude", EC2_IGNORED(Kind::Text)},
      {"destination_variable", EC2_TEXT(destination_variable)},
      {"vpc_destination_variable", EC2_TEXT(vpc_destination_variable)},
      {"hostname_variable", EC2_TEXT(hostname_variable)},
      {"destination_format", EC2_IGNORED(Kind::Text)},
      {"destination_format_tags", EC2_IGNORED(Kind::Text)},
      {"pattern_include", EC2_IGNORED(Kind::Text)},
      {"pattern_exclude", EC2_IGNORED(Kind::Text)},
      {"instance_filters", EC2_IGNORED(Kind::Text)},
      {"stack_filters", EC2_BOOL(stack_filters)},
      {"nested_groups", EC2_BOOL(nested_groups)},
      {"replace_dash_in_groups", EC2_BOOL(replace_dash_in_groups)},
      {"expand_csv_tags", EC2_BOOL(expand_csv_tags)},
      {"group_by_instance_id", EC2_BOOL(group_by.instance_id)},
      {"group_by_region", EC2_BOOL(group_by.region)},
      {"group_by_availability_zone", EC2_BOOL(group_by.availability_zone)},
      {"group_by_ami_id", EC2_BOOL(group_by.ami_id)},
      {"group_by_instance_type", EC2_BOOL(group_by.instance_type)},
      {"group_by_instance_state", EC2_BOOL(group_by.instance_state)},
      {"group_by_platform", EC2_BOOL(group_by.platform)},
      {"group_by_key_pair", EC2_BOOL(group_by.key_pair)},
      {"group_by_vpc_id", EC2_BOOL(group_by.vpc_id)},
      {"group_by_security_group", EC2_BOOL(group_by.security_group)},
      {"group_by_tag_keys", EC2_BOOL(group_by.tag_keys)},
      {"group_by_tag_none", EC2_BOOL(group_by.tag_none)},
      {"group_by_aws_account", EC2_BOOL(group_by.aws_account)},
      {"cache_path", EC2_TEXT(cache_path)},
      {"cache_max_age", {Kind::Int, [](Ec2IniSettings& s, const std::string&, bool, long n) {
                           s.cache_max_age = n; }}},
      {"boto_profile", EC2_IGNORED(Kind::Text)},
      {"iam_role", EC2_IGNORED(Kind::Text)},
      {"eucalyptus", EC2_IGNORED(Kind::Bool)},
      {"eucalyptus_host", EC2_IGNORED(Kind::Text)},
      // Other services: recognised, not queried.
      {"rds", EC2_IGNORED(Kind::Bool)},
      {"include_rds_clusters", EC2_IGNORED(Kind::Bool)},
      {"all_rds_instances", EC2_IGNORED(Kind::Bool)},
      {"group_by_rds_engine", EC2_IGNORED(Kind::Bool)},
      {"group_by_rds_parameter_group", EC2_IGNORED(Kind::Bool)},
      {"elasticache", EC2_IGNORED(Kind::Bool)},
      {"all_elasticache_clusters", EC2_IGNORED(Kind::Bool)},
      {"all_elasticache_nodes", EC2_IGNORED(Kind::Bool)},
      {"all_elasticache_replication_groups", EC2_IGNORED(Kind::Bool)},
      {"group_by_elasticache_engine", EC2_IGNORED(Kind::Bool)},
      {"group_by_elasticache_cluster", EC2_IGNORED(Kind::Bool)},
      {"group_by_elasticache_parameter_group", EC2_IGNORED(Kind::Bool)},
      {"group_by_elasticache_replication_group", EC2_IGNORED(Kind::Bool)},
      {"route53", EC2_IGNORED(Kind::Bool)},
      {"route53_hostnames", EC2_IGNORED(Kind::Text)},
      {"route53_excluded_zones", EC2_IGNORED(Kind::Text)},
      {"group_by_route53_names", EC2_IGNORED(Kind::Bool)},
  };
  return specs;
}

#undef EC2_BOOL
#undef EC2_TEXT
#undef EC2_IGNORED

const char* const kCredentialOptions[] = {"aws_access_key_id", "aws_secret_access_key",
                                          "aws_security_token"};

bool is_credential_option(const std::string& name) {
  return std::find(std::begin(kCredentialOptions), std::end(kCredentialOptions), name) !=
         std::end(kCredentialOptions);
}

/// Reads option values of one file, with types checked and errors pointing at the line.
class Reader {
 public:
  explicit Reader(const IniFile& file) : file_(file) {}

  /// Checks sections and option names; applies every typed [ec2] option to `settings`.
  Status apply_all(Ec2IniSettings& settings);
  /// The interpolated text of `name` in [ec2] (or [DEFAULT]), nullopt when not written.
  Result<std::optional<std::string>> text(const std::string& section, const std::string& name) const;
  /// The boolean `name` in [ec2], nullopt when not written.
  Result<std::optional<bool>> boolean(const std::string& name) const;
  /// The regular expression `name` in [ec2], nullopt when not written or empty.
  Result<std::optional<PyRegex>> regex(const std::string& name) const;
  /// `path:line: option 'name': message` for an option of [ec2].
  Error error(const std::string& name, const std::string& message) const;

 private:
  Status check_names() const;
  const IniFile& file_;
};

Status Reader::check_names() const {
  for (const IniSection& section : file_.sections) {
    bool ec2 = section.name == "ec2" || section.name == "DEFAULT";
    if (!ec2 && section.name != "credentials") {
      return ini_error(file_.path, section.line,
                       "unknown section [" + section.name + "] (ec2.ini has [ec2] and [credentials])");
    }
    for (const IniOption& option : section.options) {
      bool known = ec2 ? option_specs().count(option.name) > 0 : is_credential_option(option.name);
      if (known) continue;
      std::string hint = ec2 && is_credential_option(option.name) ? " (it belongs in [credentials])"
                                                                   : "";
      return ini_error(file_.path, option.line, "unknown option '" + option.name + "' in [" +
                                                    section.name + "]" + hint);
    }
  }
  return {};
}

Error Reader::error(const std::string& name, const std::string& message) const {
  const IniOption* option = file_.lookup("ec2", name);
  return ini_error(file_.path, option ? option->line : 0, "option '" + name + "': " + message);
}

Result<std::optional<std::string>> Reader::text(const std::string& section,
                                                const std::string& name) const {
  const IniOption* option = file_.lookup(section, name);
  if (!option) return std::optional<std::string>();
  auto value = file_.interpolate(section, *option);
  if (!value) return value.error();
  return std::optional<std::string>(std::move(*value));
}

Result<std::optional<bool>> Reader::boolean(const std::string& name) const {
  auto value = text("ec2", name);
  if (!value) return value.error();
  if (!*value) return std::optional<bool>();
  auto parsed = parse_bool(**value);
  if (!parsed) {
    return error(name, "'" + **value + "' is not a boolean (use true/false, yes/no, on/off or 1/0)");
  }
  return std::optional<bool>(*parsed);
}

Result<std::optional<PyRegex>> Reader::regex(const std::string& name) const {
  auto value = text("ec2", name);
  if (!value) return value.error();
  if (!*value || (*value)->empty()) return std::optional<PyRegex>();
  auto compiled = PyRegex::compile(**value);
  if (!compiled) return error(name, compiled.error().message);
  return std::optional<PyRegex>(std::move(*compiled));
}

Status Reader::apply_all(Ec2IniSettings& settings) {
  EC2_TRY(check_names());
  for (const auto& [name, spec] : option_specs()) {
    auto value = text("ec2", name);
    if (!value) return value.error();
    if (!*value) continue;
    bool flag = false;
    long number = 0;
    if (spec.kind == Kind::Bool) {
      auto parsed = parse_bool(**value);
      if (!parsed) {
        return error(name, "'" + **value + "' is not a boolean (use true/false, yes/no, on/off or 1/0)");
      }
      flag = *parsed;
    } else if (spec.kind == Kind::Int) {
      auto parsed = parse_int(**value);
      if (!parsed) return error(name, "'" + **value + "' is not an integer");
      number = *parsed;
    }
    spec.apply(settings, **value, flag, number);
  }
  return {};
}

}  // namespace

const std::vector<std::string>& all_instance_states() {
  static const std::vector<std::string> states = {"pending",    "running",  "shutting-down",
                                                  "terminated", "stopping", "stopped"};
  return states;
}

std::vector<FilterPairs> parse_instance_filters(const std::string& text) {
  std::vector<FilterPairs> sets;
  for (const std::string& raw_set : split(text, ',')) {
    if (raw_set.empty()) continue;
    FilterPairs filters;
    for (const std::string& raw_filter : split(strip(raw_set), '&')) {
      std::string filter = strip(raw_filter);
      size_t equals = filter.find('=');
      if (filter.empty() || equals == std::string::npos) continue;
      std::string name = strip(filter.substr(0, equals));
      std::string value = strip(filter.substr(equals + 1));
      if (name.empty()) continue;
      auto same = std::find_if(filters.begin(), filters.end(),
                               [&](const auto& pair) { return pair.first == name; });
      if (same != filters.end()) {
        same->second = value;
      } else {
        filters.emplace_back(name, value);
      }
    }
    sets.push_back(std::move(filters));
  }
  return sets;
}

namespace {

Status read_regions(const Reader& reader, Ec2IniSettings& settings) {
  auto regions = reader.text("ec2", "regions");
  if (!regions) return regions.error();
  std::string value = regions.value() ? strip(**regions) : "all";
  std::vector<std::string> list = split_list(value);
  if (value == "all") {
    settings.region_mode = RegionMode::All;
  } else if (std::find(list.begin(), list.end(), "auto") != list.end()) {
    settings.region_mode = RegionMode::Auto;
  } else if (list.empty()) {
    return reader.error("regions", "no region given (use 'all', 'auto' or a comma-separated list)");
  } else {
    settings.region_mode = RegionMode::List;
    settings.regions = list;
  }
  auto exclude = reader.text("ec2", "regions_exclude");
  if (!exclude) return exclude.error();
  if (*exclude) settings.regions_exclude = split_list(**exclude);
  return {};
}

Status read_states(const Reader& reader, Ec2IniSettings& settings) {
  auto all = reader.boolean("all_instances");
  if (!all) return all.error();
  auto states = reader.text("ec2", "instance_states");
  if (!states) return states.error();
  if (all->value_or(false)) {
    settings.instance_states = all_instance_states();
  } else if (*states) {
    settings.instance_states.clear();
    for (const std::string& part : split(**states, ',')) {
      std::string state = strip(part);
      const auto& valid = all_instance_states();
      if (std::find(valid.begin(), valid.end(), state) == valid.end()) {
        return reader.error("instance_states", "unknown instance state '" + state +
                                                   "' (valid: pending, running, shutting-down, "
                                                   "terminated, stopping, stopped)");
      }
      settings.instance_states.push_back(state);
    }
  }
  return {};
}

Status read_destination(const Reader& reader, Ec2IniSettings& settings) {
  auto format = reader.text("ec2", "destination_format");
  if (!format) return format.error();
  auto tags = reader.text("ec2", "destination_format_tags");
  if (!tags) return tags.error();
  if (*format && *tags) {
    settings.destination_format = **format;
    settings.destination_format_tags = split(**tags, ',');
    auto check = python_format(**format, settings.destination_format_tags);
    if (!check) return reader.error("destination_format", check.error().message);
  } else if (*format || *tags) {
    settings.warnings.push_back(
        settings.path + ": destination_format and destination_format_tags only work together; "
                        "ignoring the one that is set");
  }
  auto include = reader.regex("pattern_include");
  if (!include) return include.error();
  settings.pattern_include = std::move(*include);
  auto exclude = reader.regex("pattern_exclude");
  if (!exclude) return exclude.error();
  settings.pattern_exclude = std::move(*exclude);
  return {};
}

Status read_filters(const Reader& reader, const Environment& env, Ec2IniSettings& settings) {
  auto configured = reader.text("ec2", "instance_filters");
  if (!configured) return configured.error();
  std::optional<std::string> from_env = env.get("EC2_INSTANCE_FILTERS");
  if (!*configured && !from_env) return {};
  std::string filters = from_env ? *from_env : **configured;
  if (settings.stack_filters && filters.find('&') != std::string::npos) {
    return reader.error(from_env ? "stack_filters" : "instance_filters",
                        "'&' (AND) filters cannot be combined with stack_filters = True");
  }
  settings.instance_filters = parse_instance_filters(filters);
  return {};
}

/// Warns about each service that the file explicitly enables but ec2-inventory does not query.
Status read_unsupported(const Reader& reader, Ec2IniSettings& settings) {
  const std::pair<const char*, const char*> services[] = {
      {"rds", "RDS instances"},
      {"include_rds_clusters", "RDS clusters"},
      {"elasticache", "ElastiCache clusters"},
      {"route53", "Route53 names"},
  };
  for (const auto& [name, what] : services) {
    auto enabled = reader.boolean(name);
    if (!enabled) return enabled.error();
    if (enabled->value_or(false)) {
      settings.warnings.push_back(settings.path + ": " + name + " = True: " + what +
                                  " are not supported by ec2-inventory; only EC2 instances are "
                                  "listed");
    }
  }
  auto eucalyptus = reader.boolean("eucalyptus");
  if (!eucalyptus) return eucalyptus.error();
  if (eucalyptus->value_or(false)) {
    return reader.error("eucalyptus", "Eucalyptus clouds are not supported");
  }
  return {};
}

/// True for text shaped like an ARN: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` with the
/// partition, service and resource not empty (STS refuses anything else as RoleArn).
bool looks_like_arn(const std::string& text) {
  std::vector<std::string> parts = split(text, ':');
  return parts.size() >= 6 && parts[0] == "arn" && !parts[1].empty() && !parts[2].empty() &&
         !parts[5].empty();
}

/// `iam_role`: empty means none (ec2.py tested it for truth); anything else must be an ARN.
/// Whether the role exists and trusts the caller is for STS to answer.
Status read_iam_role(const Reader& reader, Ec2IniSettings& settings) {
  auto role = reader.text("ec2", "iam_role");
  if (!role) return role.error();
  if (!*role || (*role)->empty()) return {};
  if (!looks_like_arn(**role)) {
    return reader.error("iam_role", "'" + **role + "' is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
  }
  settings.iam_role = **role;
  return {};
}

Status read_credentials(const Reader& reader, const std::string& cli_profile,
                        const Environment& env, Ec2IniSettings& settings) {
  auto profile = reader.text("ec2", "boto_profile");
  if (!profile) return profile.error();
  std::optional<std::string> env_profile = env.get("AWS_PROFILE");
  if (!cli_profile.empty()) {
    settings.boto_profile = cli_profile;
  } else if (env_profile && !env_profile->empty()) {
    settings.boto_profile = *env_profile;
  } else if (*profile) {
    settings.boto_profile = strip(**profile);
  }
  std::optional<std::string> env_key = env.get("AWS_ACCESS_KEY_ID");
  if (!settings.boto_profile.empty() || (env_key && !env_key->empty())) return {};
  auto key = reader.text("credentials", "aws_access_key_id");
  auto secret = reader.text("credentials", "aws_secret_access_key");
  auto token = reader.text("credentials", "aws_security_token");
  for (const auto* value : {&key, &secret, &token}) {
    if (!*value) return value->error();
  }
  if (key->value_or("").empty()) return {};
  settings.access_key_id = **key;
  settings.secret_access_key = secret->value_or("");
  settings.session_token = token->value_or("");
  return {};
}

}  // namespace

Result<Ec2IniSettings> read_ec2_ini(const IniFile& file, const std::string& cli_profile,
                                    const Environment& env) {
  Ec2IniSettings settings;
  settings.path = file.path;
  Reader reader(file);
  EC2_TRY(reader.apply_all(settings));
  EC2_TRY(read_regions(reader, settings));
  EC2_TRY(read_states(reader, settings));
  EC2_TRY(read_destination(reader, settings));
  EC2_TRY(read_filters(reader, env, settings));
  EC2_TRY(read_unsupported(reader, settings));
  EC2_TRY(read_iam_role(reader, settings));
  EC2_TRY(read_credentials(reader, cli_profile, env, settings));
  return settings;
}

std::vector<Filters> query_filter_sets(const Ec2IniSettings& settings) {
  std::vector<FilterPairs> sets = settings.instance_filters;
  if (settings.stack_filters && !sets.empty()) {
    FilterPairs merged;
    for (const FilterPairs& set : sets) {
      for (const auto& [name, value] : set) {
        auto same = std::find_if(merged.begin(), merged.end(),
                                 [&](const auto& pair) { return pair.first == name; });
        if (same != merged.end()) {
          same->second = value;
        } else {
          merged.emplace_back(name, value);
        }
      }
    }
    sets = {merged};
  }
  if (sets.empty()) sets.emplace_back();
  bool every_state = settings.instance_states.size() >= all_instance_states().size();
  std::vector<Filters> out;
  for (const FilterPairs& set : sets) {
    Filters filters;
    bool has_state = false;
    for (const auto& [name, value] : set) {
      filters.push_back({name, {value}});
      has_state = has_state || name == "instance-state-name";
    }
    if (!has_state && !every_state && !settings.instance_states.empty()) {
      filters.push_back({"instance-state-name", settings.instance_states});
    }
    out.push_back(std::move(filters));
  }
  return out;
}

}  // namespace ec2::inventory
