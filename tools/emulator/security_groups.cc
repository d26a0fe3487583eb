// Security groups: CreateSecurityGroup, DeleteSecurityGroup, DescribeSecurityGroups.
#include "security_groups.h"

#include <algorithm>

#include <fmt/format.h>

#include "api_error.h"
#include "describe.h"
#include "filters.h"
#include "registry.h"
#include "vpcs.h"

namespace ec2::emu {

Error group_not_found(std::string_view id) {
  return client_error("InvalidGroup.NotFound", fmt::format("The security group '{}' does not exist", id));
}

Result<SecurityGroup*> find_group(RegionState& region, const Params& params) {
  if (const std::string* id = params.find("GroupId"); id && !id->empty()) {
    EC2_TRY(check_id_format(*id, "sg-", "InvalidGroupId.Malformed"));
    auto it = region.security_groups.find(*id);
    if (it == region.security_groups.end()) return group_not_found(*id);
    return &it->second;
  }
  const std::string* name = params.find("GroupName");
  if (!name || name->empty()) return missing_parameter("GroupId");
  const Vpc* vpc = region.default_vpc();
  const SecurityGroup* group = vpc ? region.find_group_by_name(vpc->id, *name) : nullptr;
  if (!group) {
    return client_error("InvalidGroup.NotFound", fmt::format("The security group '{}' does not exist in default VPC "
                                                             "'{}'", *name, vpc ? vpc->id : "none"));
  }
  return &region.security_groups.at(group->id);
}

namespace {

/// Emits `get(rule)` for every rule of `list`.
template <class Get>
FilterSet<SecurityGroup>::Getter each_rule(std::vector<IpPermission> SecurityGroup::*list, Get get) {
  return [list, get](const SecurityGroup& group, const EmitValue& emit) {
    for (const SecurityRule& rule : rules_of(group.*list)) {
      std::string value = get(rule);
      if (!value.empty() && emit(value)) return;
    }
  };
}

/// Adds the `ip-permission.*` filters (`prefix` "ip-permission." or "egress.ip-permission.").
void add_rule_filters(FilterSet<SecurityGroup>& s, const std::string& prefix,
                      std::vector<IpPermission> SecurityGroup::*list) {
  auto port = [](int value) { return value < 0 ? std::string("-1") : std::to_string(value); };
  s.field(prefix + "cidr", each_rule(list, [](const SecurityRule& r) { return r.cidr_ipv4; }))
      .field(prefix + "ipv6-cidr", each_rule(list, [](const SecurityRule& r) { return r.cidr_ipv6; }))
      .field(prefix + "group-id", each_rule(list, [](const SecurityRule& r) { return r.group_id; }))
      .field(prefix + "prefix-list-id", each_rule(list, [](const SecurityRule& r) { return r.prefix_list_id; }))
      .field(prefix + "protocol", each_rule(list, [](const SecurityRule& r) { return r.protocol; }))
      .field(prefix + "from-port", each_rule(list, [port](const SecurityRule& r) { return port(r.from_port); }))
      .field(prefix + "to-port", each_rule(list, [port](const SecurityRule& r) { return port(r.to_port); }))
      .field(prefix + "user-id", each_rule(list, [](const SecurityRule& r) {
               return r.group_id.empty() ? std::string() : std::string(active_account_id());
             }));
}

const FilterSet<SecurityGroup>& group_filters() {
  static const FilterSet<SecurityGroup> set = [] {
    FilterSet<SecurityGroup> s;
    s.value("group-id", [](const SecurityGroup& g) { return std::string_view(g.id); })
        .value("group-name", [](const SecurityGroup& g) { return std::string_view(g.name); })
        .value("description", [](const SecurityGroup& g) { return std::string_view(g.description); })
        .value("vpc-id", [](const SecurityGroup& g) { return std::string_view(g.vpc_id); })
        .value("owner-id", [](const SecurityGroup&) { return active_account_id(); })
        .with_tags([](const SecurityGroup& g) { return std::string_view(g.id); });
    add_rule_filters(s, "ip-permission.", &SecurityGroup::ingress);
    add_rule_filters(s, "egress.ip-permission.", &SecurityGroup::egress);
    return s;
  }();
  return set;
}

void write_group(XmlWriter& xml, const SecurityGroup& group, const TagStore& tags) {
  xml.open("item").leaf("ownerId", active_account_id()).leaf("groupId", group.id).leaf("groupName", group.name);
  xml.leaf("groupDescription", group.description).leaf_if("vpcId", group.vpc_id);
  write_permissions(xml, "ipPermissions", group.ingress);
  write_permissions(xml, "ipPermissionsEgress", group.egress);
  write_tag_set(xml, tags.of(group.id));
  xml.close();
}

/// Validates a group name or description: 1–255 characters (EC2's VPC character set).
Status check_text(std::string_view parameter, const std::string& value) {
  bool ok = !value.empty() && value.size() <= 255 && std::all_of(value.begin(), value.end(), [](unsigned char c) {
    return std::isalnum(c) || std::string_view(" ._-:/()#,@[]+=&;{}!$*").find(static_cast<char>(c)) !=
                                  std::string_view::npos;
  });
  if (ok) return {};
  return invalid_value(fmt::format("Value ({}) for parameter {} is invalid. Character sets beyond ASCII are not "
                                   "supported.", value, parameter));
}

Status create_security_group(Call& call, XmlWriter& xml) {
  auto name = call.params.required("GroupName");
  if (!name) return name.error();
  auto description = call.params.required("GroupDescription");
  if (!description) return description.error();
  EC2_TRY(check_text("GroupName", *name));
  EC2_TRY(check_text("GroupDescription", *description));
  if (name->rfind("sg-", 0) == 0) return invalid_value("Group names may not be in the format sg-*.");
  if (*name == "default") return invalid_value("Cannot use reserved security group name: default");
  RegionState& region = call.state();
  std::string vpc_id = call.params.get("VpcId");
  if (vpc_id.empty()) {
    if (!region.default_vpc()) return client_error("VPCIdNotSpecified", "No default VPC for this user");
    vpc_id = region.default_vpc()->id;
  } else if (auto vpc = find_vpc(region, vpc_id); !vpc) {
    return vpc.error();
  }
  if (region.find_group_by_name(vpc_id, *name)) {
    return client_error("InvalidGroup.Duplicate",
                        fmt::format("The security group '{}' already exists for VPC '{}'", *name, vpc_id));
  }
  EC2_TRY(check_tag_spec_types(call.params, "security-group"));
  auto tags = call.params.tags_for("security-group");
  if (!tags) return tags.error();
  EC2_TRY(call.check_dry_run());
  SecurityGroup group;
  group.id = call.world->ids.next("sg-");
  group.name = *name;
  group.description = *description;
  group.vpc_id = vpc_id;
  IpPermission all;
  all.ipv4_ranges.push_back({"0.0.0.0/0", ""});
  group.egress.push_back(all);
  region.tags.set_all(group.id, *tags);
  xml.leaf_bool("return", true).leaf("groupId", group.id);
  if (!tags->empty()) write_tag_set(xml, *tags);
  region.security_groups[group.id] = std::move(group);
  return {};
}

/// DependencyViolation when an instance uses `group` or another group's rule refers to it.
Status check_group_unused(const RegionState& region, const SecurityGroup& group) {
  bool used = std::any_of(region.instances.begin(), region.instances.end(), [&](auto& entry) {
    const Instance& i = entry.second;
    return i.state != "terminated" &&
           std::any_of(i.groups.begin(), i.groups.end(), [&](const GroupRef& g) { return g.id == group.id; });
  });
  for (auto& [id, other] : region.security_groups) {
    if (id == group.id) continue;
    for (auto* list : {&other.ingress, &other.egress}) {
      for (const SecurityRule& rule : rules_of(*list)) used = used || rule.group_id == group.id;
    }
  }
  if (!used) return {};
  return client_error("DependencyViolation", fmt::format("resource {} has a dependent object", group.id));
}

Status delete_security_group(Call& call, XmlWriter& xml) {
  RegionState& region = call.state();
  auto group = find_group(region, call.params);
  if (!group) return group.error();
  if ((*group)->name == "default") {
    return client_error("CannotDelete", fmt::format("the specified group: \"{}\" name: \"default\" cannot be "
                                                    "deleted by a user", (*group)->id));
  }
  EC2_TRY(check_group_unused(region, **group));
  EC2_TRY(call.check_dry_run());
  std::string id = (*group)->id;
  region.tags.erase(id);
  region.security_groups.erase(id);
  xml.leaf_bool("return", true).leaf("groupId", id);
  return {};
}

/// Resolves GroupName.N (default VPC, as EC2 does) to ids; InvalidGroup.NotFound when absent.
Status resolve_names(RegionState& region, const std::vector<std::string>& names, std::vector<std::string>& ids) {
  const Vpc* vpc = region.default_vpc();
  for (const std::string& name : names) {
    const SecurityGroup* group = vpc ? region.find_group_by_name(vpc->id, name) : nullptr;
    if (!group) {
      return client_error("InvalidGroup.NotFound", fmt::format("The security group '{}' does not exist in default "
                                                               "VPC '{}'", name, vpc ? vpc->id : "none"));
    }
    ids.push_back(group->id);
  }
  return {};
}

Status describe_security_groups(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(group_filters().validate(*filters));
  auto page = page_request(call.params, "security-groups", 5, 1000);
  if (!page) return page.error();
  RegionState& region = call.state();
  std::vector<std::string> ids = call.params.list("GroupId");
  for (const std::string& id : ids) {
    EC2_TRY(check_id_format(id, "sg-", "InvalidGroupId.Malformed"));
    if (!region.security_groups.count(id)) return group_not_found(id);
  }
  EC2_TRY(resolve_names(region, call.params.list("GroupName"), ids));
  xml.open("securityGroupInfo");
  int64_t written = 0;
  std::string next;
  for (auto it = region.security_groups.upper_bound(page->position); it != region.security_groups.end(); ++it) {
    if (!ids.empty() && std::find(ids.begin(), ids.end(), it->first) == ids.end()) continue;
    if (!group_filters().matches(it->second, *filters, region.tags)) continue;
    if (page->max_results && written == *page->max_results) {
      next = make_page_token("security-groups", std::prev(it)->first);
      break;
    }
    write_group(xml, it->second, region.tags);
    ++written;
  }
  xml.close();
  xml.leaf_if("nextToken", next);
  return {};
}

void register_security_groups(ActionRegistry& registry) {
  registry.on("CreateSecurityGroup", create_security_group)
      .on("DeleteSecurityGroup", delete_security_group)
      .on("DescribeSecurityGroups", describe_security_groups);
}
EC2EMU_MODULE(register_security_groups);

}  // namespace
}  // namespace ec2::emu
