#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/vpc_peering.h.

#include "ec2/model/vpc_peering.h"
#include "model/common_schema.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<Ipv6CidrBlock> {
  static constexpr auto fields = std::make_tuple(
      field("Ipv6CidrBlock", "ipv6CidrBlock", &Ipv6CidrBlock::ipv6_cidr_block));
};

template <>
struct Schema<CidrBlock> {
  static constexpr auto fields = std::make_tuple(
      field("CidrBlock", "cidrBlock", &CidrBlock::cidr_block));
};

template <>
struct Schema<VpcPeeringConnectionOptionsDescription> {
  static constexpr auto fields = std::make_tuple(
      field("AllowDnsResolutionFromRemoteVpc", "allowDnsResolutionFromRemoteVpc", &VpcPeeringConnectionOptionsDescription::allow_dns_resolution_from_remote_vpc),
      field("AllowEgressFromLocalClassicLinkToRemoteVpc", "allowEgressFromLocalClassicLinkToRemoteVpc", &VpcPeeringConnectionOptionsDescription::allow_egress_from_local_classic_link_to_remote_vpc),
      field("AllowEgressFromLocalVpcToRemoteClassicLink", "allowEgressFromLocalVpcToRemoteClassicLink", &VpcPeeringConnectionOptionsDescription::allow_egress_from_local_vpc_to_remote_classic_link));
};

template <>
struct Schema<VpcPeeringConnectionVpcInfo> {
  static constexpr auto fields = std::make_tuple(
      field("CidrBlock", "cidrBlock", &VpcPeeringConnectionVpcInfo::cidr_block),
      field("Ipv6CidrBlockSet", "ipv6CidrBlockSet", &VpcPeeringConnectionVpcInfo::ipv6_cidr_block_set),
      field("CidrBlockSet", "cidrBlockSet", &VpcPeeringConnectionVpcInfo::cidr_block_set),
      field("OwnerId", "ownerId", &VpcPeeringConnectionVpcInfo::owner_id),
      field("PeeringOptions", "peeringOptions", &VpcPeeringConnectionVpcInfo::peering_options),
      field("VpcId", "vpcId", &VpcPeeringConnectionVpcInfo::vpc_id),
      field("Region", "region", &VpcPeeringConnectionVpcInfo::region));
};

template <>
struct Schema<VpcPeeringConnectionStateReason> {
  static constexpr auto fields = std::make_tuple(
      field("Code", "code", &VpcPeeringConnectionStateReason::code),
      field("Message", "message", &VpcPeeringConnectionStateReason::message));
};

template <>
struct Schema<VpcPeeringConnection> {
  static constexpr auto fields = std::make_tuple(
      field("AccepterVpcInfo", "accepterVpcInfo", &VpcPeeringConnection::accepter_vpc_info),
      field("ExpirationTime", "expirationTime", &VpcPeeringConnection::expiration_time),
      field("RequesterVpcInfo", "requesterVpcInfo", &VpcPeeringConnection::requester_vpc_info),
      field("Status", "status", &VpcPeeringConnection::status),
      field("Tags", "tagSet", &VpcPeeringConnection::tags),
      field("VpcPeeringConnectionId", "vpcPeeringConnectionId", &VpcPeeringConnection::vpc_peering_connection_id));
};

}  // namespace ec2::model
