#pragma once
/// VPCs with their IPv4 and IPv6 CIDR block associations.
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/common.h"

namespace ec2 {

/// EC2 `VpcCidrBlockState`.
struct VpcCidrBlockState {
  std::optional<std::string> state;  ///< State <state>
  std::optional<std::string> status_message;  ///< StatusMessage <statusMessage>
};

/// EC2 `VpcIpv6CidrBlockAssociation`.
struct VpcIpv6CidrBlockAssociation {
  std::optional<std::string> association_id;  ///< AssociationId <associationId>
  std::optional<std::string> ipv6_cidr_block;  ///< Ipv6CidrBlock <ipv6CidrBlock>
  std::optional<VpcCidrBlockState> ipv6_cidr_block_state;  ///< Ipv6CidrBlockState <ipv6CidrBlockState>
  std::optional<std::string> network_border_group;  ///< NetworkBorderGroup <networkBorderGroup>
  std::optional<std::string> ipv6_pool;  ///< Ipv6Pool <ipv6Pool>
};

/// EC2 `VpcCidrBlockAssociation`.
struct VpcCidrBlockAssociation {
  std::optional<std::string> association_id;  ///< AssociationId <associationId>
  std::optional<std::string> cidr_block;  ///< CidrBlock <cidrBlock>
  std::optional<VpcCidrBlockState> cidr_block_state;  ///< CidrBlockState <cidrBlockState>
};

/// EC2 `Vpc`.
struct Vpc {
  std::optional<std::string> cidr_block;  ///< CidrBlock <cidrBlock>
  std::optional<std::string> dhcp_options_id;  ///< DhcpOptionsId <dhcpOptionsId>
  std::optional<std::string> state;  ///< State <state>
  std::optional<std::string> vpc_id;  ///< VpcId <vpcId>
  std::optional<std::string> owner_id;  ///< OwnerId <ownerId>
  std::optional<std::string> instance_tenancy;  ///< InstanceTenancy <instanceTenancy>
  std::optional<std::vector<VpcIpv6CidrBlockAssociation>> ipv6_cidr_block_association_set;  ///< Ipv6CidrBlockAssociationSet <ipv6CidrBlockAssociationSet>
  std::optional<std::vector<VpcCidrBlockAssociation>> cidr_block_association_set;  ///< CidrBlockAssociationSet <cidrBlockAssociationSet>
  std::optional<bool> is_default;  ///< IsDefault <isDefault>
  std::optional<Tags> tags;  ///< Tags <tagSet>
};

/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, VpcCidrBlockState& out);
Status from_xml(pugi::xml_node node, VpcIpv6CidrBlockAssociation& out);
Status from_xml(pugi::xml_node node, VpcCidrBlockAssociation& out);
Status from_xml(pugi::xml_node node, Vpc& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const VpcCidrBlockState& value);
nlohmann::json to_json(const VpcIpv6CidrBlockAssociation& value);
nlohmann::json to_json(const VpcCidrBlockAssociation& value);
nlohmann::json to_json(const Vpc& value);

}  // namespace ec2
