#pragma once
/// VPC peering connections.
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/common.h"

namespace ec2 {

/// EC2 `Ipv6CidrBlock`.
struct Ipv6CidrBlock {
  std::optional<std::string> ipv6_cidr_block;  ///< Ipv6CidrBlock <ipv6CidrBlock>
};

/// EC2 `CidrBlock`.
struct CidrBlock {
  std::optional<std::string> cidr_block;  ///< CidrBlock <cidrBlock>
};

/// EC2 `VpcPeeringConnectionOptionsDescription`.
struct VpcPeeringConnectionOptionsDescription {
  std::optional<bool> allow_dns_resolution_from_remote_vpc;  ///< AllowDnsResolutionFromRemoteVpc <allowDnsResolutionFromRemoteVpc>
  std::optional<bool> allow_egress_from_local_classic_link_to_remote_vpc;  ///< AllowEgressFromLocalClassicLinkToRemoteVpc <allowEgressFromLocalClassicLinkToRemoteVpc>
  std::optional<bool> allow_egress_from_local_vpc_to_remote_classic_link;  ///< AllowEgressFromLocalVpcToRemoteClassicLink <allowEgressFromLocalVpcToRemoteClassicLink>
};

/// EC2 `VpcPeeringConnectionVpcInfo`.
struct VpcPeeringConnectionVpcInfo {
  std::optional<std::string> cidr_block;  ///< CidrBlock <cidrBlock>
  std::optional<std::vector<Ipv6CidrBlock>> ipv6_cidr_block_set;  ///< Ipv6CidrBlockSet <ipv6CidrBlockSet>
  std::optional<std::vector<CidrBlock>> cidr_block_set;  ///< CidrBlockSet <cidrBlockSet>
  std::optional<std::string> owner_id;  ///< OwnerId <ownerId>
  std::optional<VpcPeeringConnectionOptionsDescription> peering_options;  ///< PeeringOptions <peeringOptions>
  std::optional<std::string> vpc_id;  ///< VpcId <vpcId>
  std::optional<std::string> region;  ///< Region <region>
};

/// EC2 `VpcPeeringConnectionStateReason`.
struct VpcPeeringConnectionStateReason {
  std::optional<std::string> code;  ///< Code <code>
  std::optional<std::string> message;  ///< Message <message>
};

/// EC2 `VpcPeeringConnection`.
struct VpcPeeringConnection {
  std::optional<VpcPeeringConnectionVpcInfo> accepter_vpc_info;  ///< AccepterVpcInfo <accepterVpcInfo>
  std::optional<Timestamp> expiration_time;  ///< ExpirationTime <expirationTime>
  std::optional<VpcPeeringConnectionVpcInfo> requester_vpc_info;  ///< RequesterVpcInfo <requesterVpcInfo>
  std::optional<VpcPeeringConnectionStateReason> status;  ///< Status <status>
  std::optional<Tags> tags;  ///< Tags <tagSet>
  std::optional<std::string> vpc_peering_connection_id;  ///< VpcPeeringConnectionId <vpcPeeringConnectionId>
};

/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, Ipv6CidrBlock& out);
Status from_xml(pugi::xml_node node, CidrBlock& out);
Status from_xml(pugi::xml_node node, VpcPeeringConnectionOptionsDescription& out);
Status from_xml(pugi::xml_node node, VpcPeeringConnectionVpcInfo& out);
Status from_xml(pugi::xml_node node, VpcPeeringConnectionStateReason& out);
Status from_xml(pugi::xml_node node, VpcPeeringConnection& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const Ipv6CidrBlock& value);
nlohmann::json to_json(const CidrBlock& value);
nlohmann::json to_json(const VpcPeeringConnectionOptionsDescription& value);
nlohmann::json to_json(const VpcPeeringConnectionVpcInfo& value);
nlohmann::json to_json(const VpcPeeringConnectionStateReason& value);
nlohmann::json to_json(const VpcPeeringConnection& value);

}  // namespace ec2
