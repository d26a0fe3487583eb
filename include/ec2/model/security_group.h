#pragma once
/// Security groups and their permissions.
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/common.h"

namespace ec2 {

/// EC2 `IpRange`.
struct IpRange {
  std::optional<std::string> cidr_ip;  ///< CidrIp <cidrIp>
  std::optional<std::string> description;  ///< Description <description>
};

/// EC2 `Ipv6Range`.
struct Ipv6Range {
  std::optional<std::string> cidr_ipv6;  ///< CidrIpv6 <cidrIpv6>
  std::optional<std::string> description;  ///< Description <description>
};

/// EC2 `PrefixListId`.
struct PrefixListId {
  std::optional<std::string> description;  ///< Description <description>
  std::optional<std::string> prefix_list_id;  ///< PrefixListId <prefixListId>
};

/// EC2 `UserIdGroupPair`.
struct UserIdGroupPair {
  std::optional<std::string> description;  ///< Description <description>
  std::optional<std::string> group_id;  ///< GroupId <groupId>
  std::optional<std::string> group_name;  ///< GroupName <groupName>
  std::optional<std::string> peering_status;  ///< PeeringStatus <peeringStatus>
  std::optional<std::string> user_id;  ///< UserId <userId>
  std::optional<std::string> vpc_id;  ///< VpcId <vpcId>
  std::optional<std::string> vpc_peering_connection_id;  ///< VpcPeeringConnectionId <vpcPeeringConnectionId>
};

/// EC2 `IpPermission`.
struct IpPermission {
  std::optional<int> from_port;  ///< FromPort <fromPort>
  std::optional<std::string> ip_protocol;  ///< IpProtocol <ipProtocol>
  std::optional<std::vector<IpRange>> ip_ranges;  ///< IpRanges <ipRanges>
  std::optional<std::vector<Ipv6Range>> ipv6_ranges;  ///< Ipv6Ranges <ipv6Ranges>
  std::optional<std::vector<PrefixListId>> prefix_list_ids;  ///< PrefixListIds <prefixListIds>
  std::optional<int> to_port;  ///< ToPort <toPort>
  std::optional<std::vector<UserIdGroupPair>> user_id_group_pairs;  ///< UserIdGroupPairs <groups>
};

/// EC2 `SecurityGroup`.
struct SecurityGroup {
  std::optional<std::string> description;  ///< Description <groupDescription>
  std::optional<std::string> group_name;  ///< GroupName <groupName>
  std::optional<std::vector<IpPermission>> ip_permissions;  ///< IpPermissions <ipPermissions>
  std::optional<std::string> owner_id;  ///< OwnerId <ownerId>
  std::optional<std::string> group_id;  ///< GroupId <groupId>
  std::optional<std::vector<IpPermission>> ip_permissions_egress;  ///< IpPermissionsEgress <ipPermissionsEgress>
  std::optional<Tags> tags;  ///< Tags <tagSet>
  std::optional<std::string> vpc_id;  ///< VpcId <vpcId>
};

/// EC2 `ReferencedSecurityGroup`.
struct ReferencedSecurityGroup {
  std::optional<std::string> group_id;  ///< GroupId <groupId>
  std::optional<std::string> peering_status;  ///< PeeringStatus <peeringStatus>
  std::optional<std::string> user_id;  ///< UserId <userId>
  std::optional<std::string> vpc_id;  ///< VpcId <vpcId>
  std::optional<std::string> vpc_peering_connection_id;  ///< VpcPeeringConnectionId <vpcPeeringConnectionId>
};

/// EC2 `SecurityGroupRule`.
struct SecurityGroupRule {
  std::optional<std::string> security_group_rule_id;  ///< SecurityGroupRuleId <securityGroupRuleId>
  std::optional<std::string> group_id;  ///< GroupId <groupId>
  std::optional<std::string> group_owner_id;  ///< GroupOwnerId <groupOwnerId>
  std::optional<bool> is_egress;  ///< IsEgress <isEgress>
  std::optional<std::string> ip_protocol;  ///< IpProtocol <ipProtocol>
  std::optional<int> from_port;  ///< FromPort <fromPort>
  std::optional<int> to_port;  ///< ToPort <toPort>
  std::optional<std::string> cidr_ipv4;  ///< CidrIpv4 <cidrIpv4>
  std::optional<std::string> cidr_ipv6;  ///< CidrIpv6 <cidrIpv6>
  std::optional<std::string> prefix_list_id;  ///< PrefixListId <prefixListId>
  std::optional<ReferencedSecurityGroup> referenced_group_info;  ///< ReferencedGroupInfo <referencedGroupInfo>
  std::optional<std::string> description;  ///< Description <description>
  std::optional<Tags> tags;  ///< Tags <tagSet>
};

/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, IpRange& out);
Status from_xml(pugi::xml_node node, Ipv6Range& out);
Status from_xml(pugi::xml_node node, PrefixListId& out);
Status from_xml(pugi::xml_node node, UserIdGroupPair& out);
Status from_xml(pugi::xml_node node, IpPermission& out);
Status from_xml(pugi::xml_node node, SecurityGroup& out);
Status from_xml(pugi::xml_node node, ReferencedSecurityGroup& out);
Status from_xml(pugi::xml_node node, SecurityGroupRule& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const IpRange& value);
nlohmann::json to_json(const Ipv6Range& value);
nlohmann::json to_json(const PrefixListId& value);
nlohmann::json to_json(const UserIdGroupPair& value);
nlohmann::json to_json(const IpPermission& value);
nlohmann::json to_json(const SecurityGroup& value);
nlohmann::json to_json(const ReferencedSecurityGroup& value);
nlohmann::json to_json(const SecurityGroupRule& value);

}  // namespace ec2
