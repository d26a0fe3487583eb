// DescribeVpcPeeringConnections and the `<vpcPeeringConnection>` element.
#include <algorithm>

#include <fmt/format.h>

#include "api_error.h"
#include "describe.h"
#include "filters.h"
#include "registry.h"
#include "vpc_peering.h"

namespace ec2::emu {
namespace {

void write_side(XmlWriter& xml, std::string_view element, const PeeringSide& side, bool active) {
  xml.open(element).leaf_if("cidrBlock", side.cidr_block);
  if (!side.ipv6_cidr_blocks.empty()) {
    xml.open("ipv6CidrBlockSet");
    for (const std::string& block : side.ipv6_cidr_blocks) xml.open("item").leaf("ipv6CidrBlock", block).close();
    xml.close();
  }
  if (!side.cidr_blocks.empty()) {
    xml.open("cidrBlockSet");
    for (const std::string& block : side.cidr_blocks) xml.open("item").leaf("cidrBlock", block).close();
    xml.close();
  }
  xml.leaf("ownerId", side.owner_id);
  if (active) {
    xml.open("peeringOptions").leaf_bool("allowDnsResolutionFromRemoteVpc", side.allow_dns_resolution);
    xml.leaf_bool("allowEgressFromLocalClassicLinkToRemoteVpc", false);
    xml.leaf_bool("allowEgressFromLocalVpcToRemoteClassicLink", false).close();
  }
  xml.leaf("vpcId", side.vpc_id).leaf("region", side.region).close();
}

bool pending(const VpcPeering& peering) {
  return peering.status == "initiating-request" || peering.status == "pending-acceptance";
}

/// Emits the primary block and every block of the CIDR set of `side`.
FilterSet<VpcPeering>::Getter side_cidrs(PeeringSide VpcPeering::*side) {
  return [side](const VpcPeering& p, const EmitValue& emit) {
    const PeeringSide& s = p.*side;
    if (!s.cidr_block.empty() && emit(s.cidr_block)) return;
    for (const std::string& block : s.cidr_blocks) {
      if (emit(block)) return;
    }
  };
}

const FilterSet<VpcPeering>& peering_filters() {
  static const FilterSet<VpcPeering> set = [] {
    FilterSet<VpcPeering> s;
    s.value("vpc-peering-connection-id", [](const VpcPeering& p) { return std::string_view(p.id); })
        .value("status-code", [](const VpcPeering& p) { return std::string_view(p.status); })
        .value("status-message", [](const VpcPeering& p) { return std::string_view(p.status_message); })
        .field("expiration-time", [](const VpcPeering& p, const EmitValue& emit) {
          if (pending(p)) emit(iso8601(p.expiration_time));
        })
        .value("accepter-vpc-info.vpc-id", [](const VpcPeering& p) { return std::string_view(p.accepter.vpc_id); })
        .value("accepter-vpc-info.owner-id", [](const VpcPeering& p) { return std::string_view(p.accepter.owner_id); })
        .value("accepter-vpc-info.region", [](const VpcPeering& p) { return std::string_view(p.accepter.region); })
        .field("accepter-vpc-info.cidr-block", side_cidrs(&VpcPeering::accepter))
        .value("requester-vpc-info.vpc-id", [](const VpcPeering& p) { return std::string_view(p.requester.vpc_id); })
        .value("requester-vpc-info.owner-id", [](const VpcPeering& p) { return std::string_view(p.requester.owner_id); })
        .value("requester-vpc-info.region", [](const VpcPeering& p) { return std::string_view(p.requester.region); })
        .field("requester-vpc-info.cidr-block", side_cidrs(&VpcPeering::requester))
        .with_tags([](const VpcPeering& p) { return std::string_view(p.id); });
    return s;
  }();
  return set;
}

Status describe_vpc_peering_connections(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(peering_filters().validate(*filters));
  auto page = page_request(call.params, "vpc-peering-connections", 5, 1000);
  if (!page) return page.error();
  std::vector<std::string> ids = call.params.list("VpcPeeringConnectionId");
  for (const std::string& id : ids) {
    EC2_TRY(check_id_format(id, "pcx-", "InvalidVpcPeeringConnectionId.Malformed"));
    if (!find_peering(*call.world, call.region, id).peering) return peering_not_found(id);
  }
  xml.open("vpcPeeringConnectionSet");
  int64_t written = 0;
  std::string last;
  std::string next;
  for (const PeeringRef& ref : visible_peerings(*call.world, call.region)) {
    const VpcPeering& peering = *ref.peering;
    if (peering.id <= page->position) continue;
    if (!ids.empty() && std::find(ids.begin(), ids.end(), peering.id) == ids.end()) continue;
    if (!peering_filters().matches(peering, *filters, ref.home->tags)) continue;
    if (page->max_results && written == *page->max_results) {
      next = make_page_token("vpc-peering-connections", last);
      break;
    }
    write_peering(xml, "item", peering, ref.home->tags);
    last = peering.id;
    ++written;
  }
  xml.close();
  xml.leaf_if("nextToken", next);
  return {};
}

void register_vpc_peering_describe(ActionRegistry& registry) {
  registry.on("DescribeVpcPeeringConnections", describe_vpc_peering_connections);
}
EC2EMU_MODULE(register_vpc_peering_describe);

}  // namespace

void write_peering(XmlWriter& xml, std::string_view element, const VpcPeering& peering, const TagStore& tags) {
  bool active = peering.status == "active";
  xml.open(element);
  write_side(xml, "accepterVpcInfo", peering.accepter, active);
  if (pending(peering)) xml.leaf("expirationTime", iso8601(peering.expiration_time));
  write_side(xml, "requesterVpcInfo", peering.requester, active);
  xml.open("status").leaf("code", peering.status).leaf("message", peering.status_message).close();
  write_tag_set(xml, tags.of(peering.id));
  xml.leaf("vpcPeeringConnectionId", peering.id);
  xml.close();
}

}  // namespace ec2::emu
