#include "convert.h"

#include <map>
#include <sstream>

#include "python_json.h"

namespace ec2::inventory {
namespace {

/// A YAML double-quoted scalar (JSON string syntax is valid YAML).
std::string quote(const std::string& text) {
  std::string out;
  append_python_json_string(out, text);
  return out;
}

/// The plugin hostname (a DescribeInstances filter name or tag:Name) for an ec2.ini attribute.
std::string hostname_source(const std::string& variable) {
  static const std::map<std::string, std::string> names = {
      {"ip_address", "ip-address"},          {"private_ip_address", "private-ip-address"},
      {"public_dns_name", "dns-name"},       {"dns_name", "dns-name"},
      {"private_dns_name", "private-dns-name"}, {"id", "instance-id"}};
  if (auto it = names.find(variable); it != names.end()) return it->second;
  if (variable.rfind("tag_", 0) == 0) return "tag:" + variable.substr(4);
  return "tag:" + variable;  // ec2.py fell back to a tag of that name
}

/// The plugin host variable holding what an ec2.ini attribute held.
std::string hostvar_expression(const std::string& variable) {
  static const std::map<std::string, std::string> names = {
      {"ip_address", "public_ip_address"},   {"private_ip_address", "private_ip_address"},
      {"public_dns_name", "public_dns_name"}, {"dns_name", "public_dns_name"},
      {"private_dns_name", "private_dns_name"}, {"id", "instance_id"}};
  if (auto it = names.find(variable); it != names.end()) return it->second;
  return "tags[" + quote(variable) + "]";
}

class Writer {
 public:
  explicit Writer(const Ec2IniSettings& s) : s_(s) {}
  std::string run();

 private:
  void header();
  void regions();
  void filters();
  void hostnames();
  void keyed_groups();
  void keyed(const std::string& key, const std::string& prefix, const char* parent,
             bool trailing_separator = true);
  void groups_and_compose();
  /// `expr` with dashes replaced when the ini replaced them.
  std::string dashes(const std::string& expr) const {
    return s_.replace_dash_in_groups ? expr + " | replace('-', '_')" : expr;
  }

  const Ec2IniSettings& s_;
  std::ostringstream out_;
};

void Writer::header() {
  out_ << "# aws_ec2 inventory converted from " << (s_.path.empty() ? "ec2.ini defaults" : s_.path)
       << " by ec2-inventory --convert.\n"
       << "# Save it under a name ending in aws_ec2.yml.\n"
       << "plugin: amazon.aws.aws_ec2\n";
  if (!s_.boto_profile.empty()) out_ << "aws_profile: " << quote(s_.boto_profile) << "\n";
  if (!s_.access_key_id.empty()) {
    out_ << "# [credentials] keys are not copied: set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY"
            " or use a profile.\n";
  }
  if (!s_.iam_role.empty()) {
    out_ << "# The plugin's role sessions are named ansible_aws_ec2_dynamic_inventory "
            "(ec2.py's: ansible_dynamic_inventory).\n"
         << "iam_role_arn: " << quote(s_.iam_role) << "\n";
  }
  out_ << "strict_permissions: true\n"
       << "use_contrib_script_compatible_sanitization: true\n"
       << "use_contrib_script_compatible_ec2_tag_keys: true\n"
       << "leading_separator: false\n";
  if (s_.cache_max_age > 0) {
    out_ << "cache: true\ncache_timeout: " << s_.cache_max_age << "\n";
  }
}

void Writer::regions() {
  switch (s_.region_mode) {
    case RegionMode::List:
      out_ << "regions:\n";
      for (const std::string& region : s_.regions) out_ << "  - " << quote(region) << "\n";
      break;
    case RegionMode::Auto:
      out_ << "# regions = auto has no equivalent: list your region here.\n"
           << "regions: []\n";
      break;
    case RegionMode::All:
      out_ << "# regions = all: every region DescribeRegions returns.\n";
      if (!s_.regions_exclude.empty()) {
        out_ << "# regions_exclude has no equivalent: list the wanted regions instead "
                "of excluding";
        for (const std::string& region : s_.regions_exclude) out_ << " " << region;
        out_ << ".\n";
      }
      break;
  }
}

void Writer::filters() {
  std::vector<Filters> sets = query_filter_sets(s_);
  for (Filters& set : sets) {
    bool has_state = false;
    for (const Filter& f : set) has_state = has_state || f.name == "instance-state-name";
    if (!has_state) set.push_back({"instance-state-name", s_.instance_states});
  }
  auto write_set = [&](const Filters& set, const char* indent) {
    for (const Filter& f : set) {
      out_ << indent << quote(f.name) << ":";
      if (f.values.size() == 1) {
        out_ << " " << quote(f.values[0]) << "\n";
      } else {
        out_ << "\n";
        for (const std::string& v : f.values) out_ << indent << "  - " << quote(v) << "\n";
      }
    }
  };
  if (sets.size() == 1) {
    out_ << "filters:\n";
    write_set(sets[0], "  ");
    return;
  }
  out_ << "# instance_filters sets are OR-ed: one include_filters entry each.\ninclude_filters:\n";
  for (const Filters& set : sets) {
    out_ << "  -\n";
    write_set(set, "    ");
  }
}

void Writer::hostnames() {
  out_ << "hostnames:\n";
  if (s_.destination_format) {
    out_ << "# destination_format / destination_format_tags have no equivalent; the names below "
            "are the closest.\n";
  }
  if (!s_.hostname_variable.empty()) {
    out_ << "# ec2.py lower-cased hostname_variable values and replaced characters other than "
            "letters, digits and '_'; the plugin keeps them.\n"
         << "  - " << quote(hostname_source(s_.hostname_variable)) << "\n";
  }
  out_ << "  - " << quote(hostname_source(s_.vpc_destination_variable)) << "\n";
  if (s_.destination_variable != s_.vpc_destination_variable) {
    out_ << "# destination_variable (" << s_.destination_variable
         << ") applied to instances outside a VPC, which no longer exist.\n";
  }
  if (s_.pattern_include || s_.pattern_exclude) {
    out_ << "# pattern_include / pattern_exclude have no equivalent (filter on tags instead):";
    if (s_.pattern_include) out_ << " include " << quote(s_.pattern_include->pattern());
    if (s_.pattern_exclude) out_ << " exclude " << quote(s_.pattern_exclude->pattern());
    out_ << "\n";
  }
}

void Writer::keyed(const std::string& key, const std::string& prefix, const char* parent,
                   bool trailing_separator) {
  out_ << "  - key: " << quote(key) << "\n";
  out_ << "    prefix: " << quote(prefix) << "\n";
  if (!trailing_separator) out_ << "    trailing_separator: false\n";
  if (s_.nested_groups && parent) out_ << "    parent_group: " << quote(parent) << "\n";
}

void Writer::keyed_groups() {
  const GroupBy& by = s_.group_by;
  out_ << "keyed_groups:\n";
  if (by.instance_id) keyed("instance_id", "", "instances");
  if (by.region) keyed("placement.region", "", "regions");
  if (by.availability_zone) keyed("placement.availability_zone", "", "zones");
  if (by.ami_id) keyed(dashes("image_id"), "", "images");
  if (by.instance_type) keyed(dashes("instance_type"), "type", "types");
  if (by.instance_state) keyed(dashes("state.name"), "instance_state", "instance_states");
  if (by.platform) keyed(dashes("platform | default('undefined')"), "platform", "platforms");
  if (by.key_pair) keyed(dashes("key_name"), "key", "keys");
  if (by.vpc_id) keyed(dashes("vpc_id"), "vpc_id", "vpcs");
  if (by.aws_account) keyed("owner_id", "", "accounts");
  if (by.tag_keys) keyed("tags", "tag", "tags", false);
  if (by.security_group) {
    out_ << "# group_by_security_group needs Jinja2's map filter, which ec2-inventory does not "
            "evaluate; with the amazon.aws plugin itself, use:\n"
         << "#  - key: security_groups | map(attribute='group_name')\n"
         << "#    prefix: security_group\n";
  }
  if (by.tag_keys && s_.replace_dash_in_groups) {
    out_ << "# tag groups keep '-' in tag keys and values (ec2.py replaced them).\n";
  }
  if (by.tag_keys && s_.expand_csv_tags) {
    out_ << "# expand_csv_tags has no equivalent: one group per whole tag value.\n";
  }
  if (s_.nested_groups) {
    out_ << "# nested_groups: zones are not also children of their region group, and tag groups "
            "are not nested by key.\n";
  }
}

void Writer::groups_and_compose() {
  out_ << "groups:\n  ec2: true\n";
  if (s_.group_by.tag_none) out_ << "  tag_none: tags | length == 0\n";
  static const std::pair<const char*, const char*> variables[] = {
      {"ec2_id", "instance_id"},
      {"ec2_region", "placement.region"},
      {"ec2_placement", "placement.availability_zone"},
      {"ec2_state", "state.name"},
      {"ec2_state_code", "state.code"},
      {"ec2_image_id", "image_id"},
      {"ec2_instance_type", "instance_type"},
      {"ec2_key_name", "key_name | default('')"},
      {"ec2_ip_address", "public_ip_address | default('')"},
      {"ec2_private_ip_address", "private_ip_address | default('')"},
      {"ec2_dns_name", "public_dns_name | default('')"},
      {"ec2_public_dns_name", "public_dns_name | default('')"},
      {"ec2_private_dns_name", "private_dns_name | default('')"},
      {"ec2_vpc_id", "vpc_id | default('')"},
      {"ec2_subnet_id", "subnet_id | default('')"},
      {"ec2_platform", "platform | default('')"},
      {"ec2_architecture", "architecture"},
      {"ec2_root_device_type", "root_device_type"},
      {"ec2_root_device_name", "root_device_name"},
      {"ec2_account_id", "owner_id"},
  };
  out_ << "compose:\n"
       << "  ansible_host: " << quote(hostvar_expression(s_.vpc_destination_variable)) << "\n";
  for (const auto& [name, expression] : variables) {
    out_ << "  " << name << ": " << quote(expression) << "\n";
  }
  out_ << "# Other ec2.py variables (ec2_security_group_ids/_names, ec2_block_devices, ...) have "
          "plugin counterparts under their boto3 names (security_groups, block_device_mappings, "
          "...).\n";
}

std::string Writer::run() {
  header();
  regions();
  filters();
  hostnames();
  keyed_groups();
  groups_and_compose();
  for (const std::string& warning : s_.warnings) out_ << "# " << warning << "\n";
  return out_.str();
}

}  // namespace

std::string convert_to_aws_ec2(const Ec2IniSettings& settings) {
  return Writer(settings).run();
}

}  // namespace ec2::inventory
