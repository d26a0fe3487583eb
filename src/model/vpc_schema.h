#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/vpc.h.

#include "ec2/model/vpc.h"
#include "model/common_schema.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<VpcCidrBlockState> {
  static constexpr auto fields = std::make_tuple(
      field("State", "state", &VpcCidrBlockState::state),
      field("StatusMessage", "statusMessage", &VpcCidrBlockState::status_message));
};

template <>
struct Schema<VpcIpv6CidrBlockAssociation> {
  static constexpr auto fields = std::make_tuple(
      field("AssociationId", "associationId", &VpcIpv6CidrBlockAssociation::association_id),
      field("Ipv6CidrBlock", "ipv6CidrBlock", &VpcIpv6CidrBlockAssociation::ipv6_cidr_block),
      field("Ipv6CidrBlockState", "ipv6CidrBlockState", &VpcIpv6CidrBlockAssociation::ipv6_cidr_block_state),
      field("NetworkBorderGroup", "networkBorderGroup", &VpcIpv6CidrBlockAssociation::network_border_group),
      field("Ipv6Pool", "ipv6Pool", &VpcIpv6CidrBlockAssociation::ipv6_pool));
};

template <>
struct Schema<VpcCidrBlockAssociation> {
  static constexpr auto fields = std::make_tuple(
      field("AssociationId", "associationId", &VpcCidrBlockAssociation::association_id),
      field("CidrBlock", "cidrBlock", &VpcCidrBlockAssociation::cidr_block),
      field("CidrBlockState", "cidrBlockState", &VpcCidrBlockAssociation::cidr_block_state));
};

template <>
struct Schema<Vpc> {
  static constexpr auto fields = std::make_tuple(
      field("CidrBlock", "cidrBlock", &Vpc::cidr_block),
      field("DhcpOptionsId", "dhcpOptionsId", &Vpc::dhcp_options_id),
      field("State", "state", &Vpc::state),
      field("VpcId", "vpcId", &Vpc::vpc_id),
      field("OwnerId", "ownerId", &Vpc::owner_id),
      field("InstanceTenancy", "instanceTenancy", &Vpc::instance_tenancy),
      field("Ipv6CidrBlockAssociationSet", "ipv6CidrBlockAssociationSet", &Vpc::ipv6_cidr_block_association_set),
      field("CidrBlockAssociationSet", "cidrBlockAssociationSet", &Vpc::cidr_block_association_set),
      field("IsDefault", "isDefault", &Vpc::is_default),
      field("Tags", "tagSet", &Vpc::tags));
};

}  // namespace ec2::model
