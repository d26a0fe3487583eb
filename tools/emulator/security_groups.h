#pragma once
/// Security group helpers shared by security_groups.cc (create/delete/describe) and
/// security_group_rules.cc (authorize/revoke): group lookup with EC2's errors, rule parsing and the
/// XML of permissions and rules.

#include <string>
#include <string_view>
#include <vector>

#include "ec2/result.h"
#include "params.h"
#include "world.h"
#include "xml_writer.h"

namespace ec2::emu {

/// One rule of a group: one protocol/port range and exactly one source or destination.
struct SecurityRule {
  std::string protocol = "-1";  ///< Normalised: tcp, udp, icmp, icmpv6, -1 or a number.
  int from_port = -1;
  int to_port = -1;
  std::string cidr_ipv4;
  std::string cidr_ipv6;
  std::string group_id;  ///< Referenced group.
  std::string prefix_list_id;
  std::string description;
};

/// InvalidGroup.NotFound for group id `id`.
Error group_not_found(std::string_view id);
/// The group named by `GroupId` or else `GroupName` (a name means the default VPC's group, as in
/// EC2); MissingParameter when neither is given.
Result<SecurityGroup*> find_group(RegionState& region, const Params& params);

/// The rules of `IpPermissions.N` (and the legacy top-level CidrIp/IpProtocol/FromPort/ToPort/
/// SourceSecurityGroupName form), validated as EC2 does.
Result<std::vector<SecurityRule>> parse_rules(RegionState& region, const SecurityGroup& group, const Params& params);

/// Splits stored permissions into rules (one source each).
std::vector<SecurityRule> rules_of(const std::vector<IpPermission>& permissions);
/// True when `permissions` already hold `rule` (descriptions ignored).
bool has_rule(const std::vector<IpPermission>& permissions, const SecurityRule& rule);
/// Adds `rule` to the permission with the same protocol and ports (or a new one).
void add_rule(std::vector<IpPermission>& permissions, const SecurityRule& rule);
/// Removes `rule`; drops permissions left without sources.
void remove_rule(std::vector<IpPermission>& permissions, const SecurityRule& rule);

/// The stable `sgr-…` id of `rule` in `group_id` (ingress or egress).
std::string rule_id(std::string_view group_id, bool egress, const SecurityRule& rule);
/// `<element><item>…</item></element>` in DescribeSecurityGroups' IpPermission form.
void write_permissions(XmlWriter& xml, std::string_view element, const std::vector<IpPermission>& permissions);
/// One `<item>` of securityGroupRuleSet.
void write_rule(XmlWriter& xml, std::string_view group_id, bool egress, const SecurityRule& rule);

}  // namespace ec2::emu
