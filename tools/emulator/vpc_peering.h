#pragma once
/// VPC peering helpers shared by the peering actions and the tag actions.
///
/// A connection is stored once, in the region of its requester. A cross-region connection is also
/// visible (described, accepted, rejected, deleted, tagged) from the accepter's region, which finds
/// it through `find_peering` / `visible_peerings`.

#include <string>
#include <string_view>
#include <vector>

#include "ec2/result.h"
#include "world.h"
#include "xml_writer.h"

namespace ec2::emu {

/// A connection and the region that stores it.
struct PeeringRef {
  RegionState* home = nullptr;
  VpcPeering* peering = nullptr;
};

/// The connection `id` as seen from region `from` (stored there, or cross-region with `from` as the
/// accepter's region); `peering` is nullptr when not visible.
PeeringRef find_peering(World& world, std::string_view from, std::string_view id);
/// Every connection visible from region `from`, ordered by id.
std::vector<PeeringRef> visible_peerings(World& world, std::string_view from);
/// InvalidVpcPeeringConnectionID.NotFound for `id`.
Error peering_not_found(std::string_view id);
/// The `<NAME>` element of one connection (`item` in DescribeVpcPeeringConnections,
/// `vpcPeeringConnection` in Create/Accept), with the tags of `tags` (the home region's store).
void write_peering(XmlWriter& xml, std::string_view element, const VpcPeering& peering, const TagStore& tags);

}  // namespace ec2::emu
