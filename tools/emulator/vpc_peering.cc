// VPC peering: create, accept, reject, delete and the lifecycle
//   initiating-request → pending-acceptance | failed
//   pending-acceptance → provisioning → active | rejected | expired | deleted
//   active → deleting → deleted
// Finished connections (deleted, rejected, failed, expired) stay visible for
// `Timings::peering_deleted_retention`, then vanish.
#include "vpc_peering.h"

#include <algorithm>

#include <fmt/format.h>

#include "api_error.h"
#include "cidr.h"
#include "describe.h"
#include "registry.h"
#include "vpcs.h"

namespace ec2::emu {

Error peering_not_found(std::string_view id) {
  return client_error("InvalidVpcPeeringConnectionID.NotFound",
                      fmt::format("The vpcPeeringConnection ID '{}' does not exist", id));
}

PeeringRef find_peering(World& world, std::string_view from, std::string_view id) {
  RegionState* own = world.region(from);
  if (own) {
    if (auto it = own->peerings.find(id); it != own->peerings.end()) return {own, &it->second};
  }
  for (auto& [name, region] : world.regions()) {
    auto it = region.peerings.find(id);
    if (it != region.peerings.end() && it->second.accepter.region == from) return {&region, &it->second};
  }
  return {};
}

std::vector<PeeringRef> visible_peerings(World& world, std::string_view from) {
  std::vector<PeeringRef> out;
  for (auto& [name, region] : world.regions()) {
    for (auto& [id, peering] : region.peerings) {
      if (name == from || peering.accepter.region == from) out.push_back({&region, &peering});
    }
  }
  std::sort(out.begin(), out.end(), [](const PeeringRef& a, const PeeringRef& b) { return a.peering->id < b.peering->id; });
  return out;
}

namespace {

constexpr std::string_view kFailedMessage = "Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range";

/// Copies the CIDR blocks of `vpc` into `side`.
void fill_side(PeeringSide& side, const Vpc& vpc) {
  side.cidr_block = vpc.cidr_block;
  side.cidr_blocks = active_ipv4_cidrs(vpc);
  side.ipv6_cidr_blocks = active_ipv6_cidrs(vpc);
}

/// The VPC of `side` when it belongs to this account and exists.
const Vpc* side_vpc(World& world, const PeeringSide& side) {
  if (side.owner_id != active_account_id()) return nullptr;
  RegionState* region = world.region(side.region);
  if (!region) return nullptr;
  auto it = region->vpcs.find(side.vpc_id);
  return it == region->vpcs.end() ? nullptr : &it->second;
}

bool blocks_overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      auto cx = parse_cidr4(x, false);
      auto cy = parse_cidr4(y, false);
      if (cx && cy && cx->overlaps(*cy)) return true;
    }
  }
  return false;
}

/// Moves `peering` (stored in `home`) to a finished `status` that vanishes after the retention time.
void finish(World& world, const RegionState& home, VpcPeering& peering, std::string_view status,
            std::string message, TimePoint now) {
  peering.status = std::string(status);
  peering.status_message = std::move(message);
  peering.next_at = now + world.timings.scaled(world.timings.peering_deleted_retention);
  world.schedule(home.name, "peering-gone", peering.id, peering.next_at, true);
}

/// Moves `peering` to transitional `status` and schedules its end.
void begin(World& world, const RegionState& home, VpcPeering& peering, std::string_view status,
           std::string message, TimePoint now) {
  peering.status = std::string(status);
  peering.status_message = std::move(message);
  peering.next_at = now + world.timings.scaled(world.timings.peering_initiating);
  world.schedule(home.name, "peering", peering.id, peering.next_at);
}

/// End of initiating-request: the accepter's VPC is checked as EC2 does it, asynchronously.
void on_request_checked(World& world, RegionState& home, VpcPeering& peering, TimePoint at) {
  const Vpc* requester = side_vpc(world, peering.requester);
  bool foreign = peering.accepter.owner_id != active_account_id();
  const Vpc* accepter = foreign ? nullptr : side_vpc(world, peering.accepter);
  if (!requester || (!foreign && !accepter)) {
    finish(world, home, peering, "failed", std::string(kFailedMessage), at);
    return;
  }
  fill_side(peering.requester, *requester);
  if (accepter) {
    std::vector<std::string> theirs = active_ipv4_cidrs(*accepter);
    if (blocks_overlap(peering.requester.cidr_blocks, theirs)) {
      finish(world, home, peering, "failed", std::string(kFailedMessage), at);
      return;
    }
    fill_side(peering.accepter, *accepter);
  }
  peering.status = "pending-acceptance";
  peering.status_message = fmt::format("Pending Acceptance by {}", peering.accepter.owner_id);
  peering.expiration_time = at + world.timings.scaled(world.timings.peering_pending_expiry);
  peering.next_at = peering.expiration_time;
  world.schedule(home.name, "peering-expire", peering.id, peering.expiration_time, true);
}

void on_peering_due(World& world, RegionState& home, const ScheduledEvent& event) {
  auto it = home.peerings.find(event.id);
  if (it == home.peerings.end() || it->second.next_at != event.at) return;
  VpcPeering& peering = it->second;
  if (peering.status == "initiating-request") {
    on_request_checked(world, home, peering, event.at);
  } else if (peering.status == "provisioning") {
    peering.status = "active";
    peering.status_message = "Active";
    peering.next_at = {};
  } else if (peering.status == "deleting") {
    finish(world, home, peering, "deleted", fmt::format("Deleted by {}", active_account_id()), event.at);
  }
}

void on_peering_expire(World& world, RegionState& home, const ScheduledEvent& event) {
  auto it = home.peerings.find(event.id);
  if (it == home.peerings.end() || it->second.status != "pending-acceptance" || it->second.next_at != event.at) return;
  finish(world, home, it->second, "expired", "Expired", event.at);
}

void on_peering_gone(World&, RegionState& home, const ScheduledEvent& event) {
  auto it = home.peerings.find(event.id);
  if (it == home.peerings.end() || it->second.next_at != event.at) return;
  home.tags.erase(event.id);
  home.peerings.erase(it);
}

/// The requester side of a new connection.
PeeringSide requester_side(const RegionState& region, const Vpc& vpc) {
  PeeringSide side;
  side.owner_id = std::string(active_account_id());
  side.vpc_id = vpc.id;
  side.region = region.name;
  fill_side(side, vpc);
  return side;
}

Status create_vpc_peering_connection(Call& call, XmlWriter& xml) {
  auto vpc_id = call.params.required("VpcId");
  if (!vpc_id) return vpc_id.error();
  auto peer_vpc_id = call.params.required("PeerVpcId");
  if (!peer_vpc_id) return peer_vpc_id.error();
  RegionState& region = call.state();
  auto vpc = find_vpc(region, *vpc_id);
  if (!vpc) return vpc.error();
  EC2_TRY(check_id_format(*peer_vpc_id, "vpc-", "InvalidVpcID.Malformed"));
  std::string peer_region = call.params.get("PeerRegion", region.name);
  if (!is_served_region(peer_region)) return invalid_value("PeerRegion", peer_region);
  std::string peer_owner = call.params.get("PeerOwnerId", active_account_id());
  if (peer_owner.size() != 12 || peer_owner.find_first_not_of("0123456789") != std::string::npos) {
    return invalid_value("PeerOwnerId", peer_owner);
  }
  EC2_TRY(check_tag_spec_types(call.params, "vpc-peering-connection"));
  auto tags = call.params.tags_for("vpc-peering-connection");
  if (!tags) return tags.error();
  EC2_TRY(call.check_dry_run());
  VpcPeering peering;
  peering.id = call.world->ids.next("pcx-");
  peering.requester = requester_side(region, **vpc);
  peering.accepter.owner_id = peer_owner;
  peering.accepter.vpc_id = *peer_vpc_id;
  peering.accepter.region = peer_region;
  begin(*call.world, region, peering, "initiating-request", fmt::format("Initiating Request to {}", peer_owner),
        call.now);
  peering.expiration_time = call.now + call.world->timings.scaled(call.world->timings.peering_pending_expiry);
  region.tags.set_all(peering.id, *tags);
  write_peering(xml, "vpcPeeringConnection", peering, region.tags);
  region.peerings[peering.id] = std::move(peering);
  return {};
}

/// The connection named by `VpcPeeringConnectionId`, visible from the call's region.
Result<PeeringRef> requested_peering(Call& call) {
  auto id = call.params.required("VpcPeeringConnectionId");
  if (!id) return id.error();
  EC2_TRY(check_id_format(*id, "pcx-", "InvalidVpcPeeringConnectionId.Malformed"));
  PeeringRef ref = find_peering(*call.world, call.region, *id);
  if (!ref.peering) return peering_not_found(*id);
  return ref;
}

Error invalid_transition(const VpcPeering& peering, std::string_view to) {
  return client_error("InvalidStateTransition", fmt::format("Invalid state transition for {}, attempted to transition "
                                                            "from {} to {}", peering.id, peering.status, to));
}

/// Accept and reject are the accepter's: its account, and its region for a cross-region request.
Status check_accepter(const Call& call, const VpcPeering& peering, std::string_view verb) {
  if (peering.accepter.owner_id != active_account_id()) {
    return client_error("OperationNotPermitted",
                        fmt::format("User {} cannot {} peering {}", active_account_id(), verb, peering.id));
  }
  if (peering.accepter.region != call.region) {
    return client_error("OperationNotPermitted",
                        fmt::format("Incorrect region ({}) specified for this request. VPC peering connection {} "
                                    "must be {}ed in region {}", call.region, peering.id, verb,
                                    peering.accepter.region));
  }
  return {};
}

Status accept_vpc_peering_connection(Call& call, XmlWriter& xml) {
  auto ref = requested_peering(call);
  if (!ref) return ref.error();
  VpcPeering& peering = *ref->peering;
  EC2_TRY(check_accepter(call, peering, "accept"));
  if (peering.status != "pending-acceptance") return invalid_transition(peering, "active");
  EC2_TRY(call.check_dry_run());
  if (const Vpc* accepter = side_vpc(*call.world, peering.accepter)) fill_side(peering.accepter, *accepter);
  peering.accepter.allow_dns_resolution = false;
  begin(*call.world, *ref->home, peering, "provisioning", "Provisioning", call.now);
  write_peering(xml, "vpcPeeringConnection", peering, ref->home->tags);
  return {};
}

Status reject_vpc_peering_connection(Call& call, XmlWriter& xml) {
  auto ref = requested_peering(call);
  if (!ref) return ref.error();
  VpcPeering& peering = *ref->peering;
  EC2_TRY(check_accepter(call, peering, "reject"));
  if (peering.status != "pending-acceptance") return invalid_transition(peering, "rejected");
  EC2_TRY(call.check_dry_run());
  finish(*call.world, *ref->home, peering, "rejected", fmt::format("Rejected by {}", active_account_id()), call.now);
  xml.leaf_bool("return", true);
  return {};
}

Status delete_vpc_peering_connection(Call& call, XmlWriter& xml) {
  auto ref = requested_peering(call);
  if (!ref) return ref.error();
  VpcPeering& peering = *ref->peering;
  if (peering.status != "active" && peering.status != "pending-acceptance" && peering.status != "provisioning") {
    return invalid_transition(peering, "deleted");
  }
  EC2_TRY(call.check_dry_run());
  begin(*call.world, *ref->home, peering, "deleting", "Deleting", call.now);
  xml.leaf_bool("return", true);
  return {};
}

void register_vpc_peering(ActionRegistry& registry) {
  registry.on("CreateVpcPeeringConnection", create_vpc_peering_connection)
      .on("AcceptVpcPeeringConnection", accept_vpc_peering_connection)
      .on("RejectVpcPeeringConnection", reject_vpc_peering_connection)
      .on("DeleteVpcPeeringConnection", delete_vpc_peering_connection)
      .on_due("peering", on_peering_due)
      .on_due("peering-expire", on_peering_expire)
      .on_due("peering-gone", on_peering_gone);
}
EC2EMU_MODULE(register_vpc_peering);

}  // namespace
}  // namespace ec2::emu
