#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/security_group.h.

#include "ec2/model/security_group.h"
#include "model/common_schema.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<IpRange> {
  static constexpr auto fields = std::make_tuple(
      field("CidrIp", "cidrIp", &IpRange::cidr_ip),
      field("Description", "description", &IpRange::description));
};

template <>
struct Schema<Ipv6Range> {
  static constexpr auto fields = std::make_tuple(
      field("CidrIpv6", "cidrIpv6", &Ipv6Range::cidr_ipv6),
      field("Description", "description", &Ipv6Range::description));
};

template <>
struct Schema<PrefixListId> {
  static constexpr auto fields = std::make_tuple(
      field("Description", "description", &PrefixListId::description),
      field("PrefixListId", "prefixListId", &PrefixListId::prefix_list_id));
};

template <>
struct Schema<UserIdGroupPair> {
  static constexpr auto fields = std::make_tuple(
      field("Description", "description", &UserIdGroupPair::description),
      field("GroupId", "groupId", &UserIdGroupPair::group_id),
      field("GroupName", "groupName", &UserIdGroupPair::group_name),
      field("PeeringStatus", "peeringStatus", &UserIdGroupPair::peering_status),
      field("UserId", "userId", &UserIdGroupPair::user_id),
      field("VpcId", "vpcId", &UserIdGroupPair::vpc_id),
      field("VpcPeeringConnectionId", "vpcPeeringConnectionId", &UserIdGroupPair::vpc_peering_connection_id));
};

template <>
struct Schema<IpPermission> {
  static constexpr auto fields = std::make_tuple(
      field("FromPort", "fromPort", &IpPermission::from_port),
      field("IpProtocol", "ipProtocol", &IpPermission::ip_protocol),
      field("IpRanges", "ipRanges", &IpPermission::ip_ranges),
      field("Ipv6Ranges", "ipv6Ranges", &IpPermission::ipv6_ranges),
      field("PrefixListIds", "prefixListIds", &IpPermission::prefix_list_ids),
      field("ToPort", "toPort", &IpPermission::to_port),
      field("UserIdGroupPairs", "groups", &IpPermission::user_id_group_pairs));
};

template <>
struct Schema<SecurityGroup> {
  static constexpr auto fields = std::make_tuple(
      field("Description", "groupDescription", &SecurityGroup::description),
      field("GroupName", "groupName", &SecurityGroup::group_name),
      field("IpPermissions", "ipPermissions", &SecurityGroup::ip_permissions),
      field("OwnerId", "ownerId", &SecurityGroup::owner_id),
      field("GroupId", "groupId", &SecurityGroup::group_id),
      field("IpPermissionsEgress", "ipPermissionsEgress", &SecurityGroup::ip_permissions_egress),
      field("Tags", "tagSet", &SecurityGroup::tags),
      field("VpcId", "vpcId", &SecurityGroup::vpc_id));
};

template <>
struct Schema<ReferencedSecurityGroup> {
  static constexpr auto fields = std::make_tuple(
      field("GroupId", "groupId", &ReferencedSecurityGroup::group_id),
      field("PeeringStatus", "peeringStatus", &ReferencedSecurityGroup::peering_status),
      field("UserId", "userId", &ReferencedSecurityGroup::user_id),
      field("VpcId", "vpcId", &ReferencedSecurityGroup::vpc_id),
      field("VpcPeeringConnectionId", "vpcPeeringConnectionId", &ReferencedSecurityGroup::vpc_peering_connection_id));
};

template <>
struct Schema<SecurityGroupRule> {
  static constexpr auto fields = std::make_tuple(
      field("SecurityGroupRuleId", "securityGroupRuleId", &SecurityGroupRule::security_group_rule_id),
      field("GroupId", "groupId", &SecurityGroupRule::group_id),
      field("GroupOwnerId", "groupOwnerId", &SecurityGroupRule::group_owner_id),
      field("IsEgress", "isEgress", &SecurityGroupRule::is_egress),
      field("IpProtocol", "ipProtocol", &SecurityGroupRule::ip_protocol),
      field("FromPort", "fromPort", &SecurityGroupRule::from_port),
      field("ToPort", "toPort", &SecurityGroupRule::to_port),
      field("CidrIpv4", "cidrIpv4", &SecurityGroupRule::cidr_ipv4),
      field("CidrIpv6", "cidrIpv6", &SecurityGroupRule::cidr_ipv6),
      field("PrefixListId", "prefixListId", &SecurityGroupRule::prefix_list_id),
      field("ReferencedGroupInfo", "referencedGroupInfo", &SecurityGroupRule::referenced_group_info),
      field("Description", "description", &SecurityGroupRule::description),
      field("Tags", "tagSet", &SecurityGroupRule::tags));
};

}  // namespace ec2::model
