#pragma once
/// VPC helpers shared by the VPC actions (vpcs.cc, vpc_cidrs.cc), peering, subnets and security
/// groups: id lookups with EC2's errors, the `<vpc>` element, and the CIDR association rules.

#include <string>
#include <string_view>
#include <vector>

#include "cidr.h"
#include "ec2/result.h"
#include "params.h"
#include "world.h"
#include "xml_writer.h"

namespace ec2::emu {

/// EC2's default limit of IPv4 CIDR blocks per VPC (primary included).
inline constexpr size_t kMaxIpv4CidrsPerVpc = 5;

/// The VPC `id` of `region`: InvalidVpcID.Malformed for a badly formed id, InvalidVpcID.NotFound
/// when there is no such VPC.
Result<Vpc*> find_vpc(RegionState& region, std::string_view id);
/// InvalidVpcID.NotFound: "The vpc ID 'ID' does not exist".
Error vpc_not_found(std::string_view id);

/// A VPC CIDR block for CreateVpc / AssociateVpcCidrBlock: malformed text → InvalidParameterValue,
/// a prefix outside /16../28 → InvalidVpc.Range.
Result<Cidr4> parse_vpc_cidr(std::string_view text);
/// Whether `cidr` may be added as a secondary block of `vpc` (EC2's association rules): no overlap
/// with a current association (InvalidVpc.Range), at most five IPv4 blocks (CidrLimitExceeded),
/// and the private-range restrictions relative to the primary block (InvalidVpc.Range).
Status check_secondary_cidr(const Vpc& vpc, const Cidr4& cidr);

/// A new CIDR association id (`vpc-cidr-assoc-…`).
std::string new_cidr_association_id(World& world);
/// A fresh Amazon-provided IPv6 /56 (`2600:1f…::/56`), unique within `world`.
std::string new_ipv6_block(World& world);

/// IPv4 blocks of `vpc` that are associating or associated (primary first).
std::vector<std::string> active_ipv4_cidrs(const Vpc& vpc);
/// IPv6 blocks of `vpc` that are associating or associated.
std::vector<std::string> active_ipv6_cidrs(const Vpc& vpc);

/// `<item>` of cidrBlockAssociationSet (IPv4) / ipv6CidrBlockAssociationSet (IPv6), also used for
/// the `cidrBlockAssociation` / `ipv6CidrBlockAssociation` answers with `element`.
void write_ipv4_association(XmlWriter& xml, std::string_view element, const CidrAssociation& association);
void write_ipv6_association(XmlWriter& xml, std::string_view element, const CidrAssociation& association);
/// The `<NAME>` element of one VPC (NAME is `item` in vpcSet, `vpc` in CreateVpc).
void write_vpc(XmlWriter& xml, std::string_view element, const Vpc& vpc, const TagStore& tags);

/// Checks the TagSpecification resource types: each must be `expected` (InvalidParameterValue
/// otherwise, as EC2 answers for a tag specification of the wrong type).
Status check_tag_spec_types(const Params& params, std::string_view expected);

}  // namespace ec2::emu
