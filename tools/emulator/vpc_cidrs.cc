// VPC CIDR blocks: EC2's association rules, AssociateVpcCidrBlock, DisassociateVpcCidrBlock and the
// associating → associated / disassociating → disassociated → gone lifecycle.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "api_error.h"
#include "describe.h"
#include "registry.h"
#include "vpcs.h"

namespace ec2::emu {
namespace {

/// Address ranges that decide which secondary blocks a VPC may add.
enum class Range { Rfc1918_10, Rfc1918_172, Rfc1918_192, Benchmark198, Public };

const Cidr4 k10{0x0A000000, 8};
const Cidr4 k172{0xAC100000, 12};
const Cidr4 k192{0xC0A80000, 16};
const Cidr4 k198{0xC6130000, 16};
const Cidr4 k10Slash15{0x0A000000, 15};
const Cidr4 k10Slash16{0x0A000000, 16};
const Cidr4 k172_31{0xAC1F0000, 16};

bool inside(const Cidr4& block, const Cidr4& range) {
  return block.prefix >= range.prefix && range.contains(block.base);
}

Range range_of(const Cidr4& block) {
  if (inside(block, k10)) return Range::Rfc1918_10;
  if (inside(block, k172)) return Range::Rfc1918_172;
  if (inside(block, k192)) return Range::Rfc1918_192;
  if (inside(block, k198)) return Range::Benchmark198;
  return Range::Public;
}

bool is_rfc1918(Range range) {
  return range == Range::Rfc1918_10 || range == Range::Rfc1918_172 || range == Range::Rfc1918_192;
}

/// EC2's table of restricted associations for a VPC whose primary block is `primary`.
bool restricted(const Cidr4& primary, const Cidr4& block) {
  Range from = range_of(primary);
  Range to = range_of(block);
  if (is_rfc1918(from)) {
    if (is_rfc1918(to) && to != from) return true;
    if (to == Range::Benchmark198) return true;
    if (from == Range::Rfc1918_10 && inside(primary, k10Slash15) && inside(block, k10Slash16)) return true;
    if (from == Range::Rfc1918_172 && inside(block, k172_31)) return true;
    return false;
  }
  if (from == Range::Benchmark198) return is_rfc1918(to);
  return is_rfc1918(to) || to == Range::Benchmark198;
}

bool is_active(const CidrAssociation& association) {
  return association.state == "associating" || association.state == "associated";
}

}  // namespace

Result<Cidr4> parse_vpc_cidr(std::string_view text) {
  auto cidr = parse_cidr4(text);
  if (!cidr) {
    return invalid_value(fmt::format("Value ({}) for parameter cidrBlock is invalid. This is not a valid CIDR block.",
                                     text));
  }
  if (cidr->prefix < 16 || cidr->prefix > 28) {
    return client_error("InvalidVpc.Range", fmt::format("The CIDR '{}' is invalid.", text));
  }
  return *cidr;
}

Status check_secondary_cidr(const Vpc& vpc, const Cidr4& cidr) {
  size_t active = 0;
  for (const CidrAssociation& association : vpc.cidr_associations) {
    if (!is_active(association)) continue;
    ++active;
    auto existing = parse_cidr4(association.cidr, false);
    if (existing && existing->overlaps(cidr)) {
      return client_error("InvalidVpc.Range",
                          fmt::format("The CIDR '{}' conflicts with another subnet", cidr.to_string()));
    }
  }
  if (active >= kMaxIpv4CidrsPerVpc) {
    return client_error("CidrLimitExceeded", fmt::format("This network '{}' has met its maximum number of allowed "
                                                         "CIDRs: {}", vpc.id, kMaxIpv4CidrsPerVpc));
  }
  auto primary = parse_cidr4(vpc.cidr_block, false);
  if (primary && restricted(*primary, cidr)) {
    return client_error("InvalidVpc.Range",
                        fmt::format("The CIDR '{}' is restricted. Use a CIDR from the same private address range "
                                    "as the current VPC CIDR, or use a publicly-routable CIDR.", cidr.to_string()));
  }
  return {};
}

std::string new_cidr_association_id(World& world) { return world.ids.next("vpc-cidr-assoc-"); }

std::string new_ipv6_block(World& world) {
  uint64_t n = world.ids.next_u64();
  return fmt::format("2600:1f{:02x}:{:x}:{:x}00::/56", 0x10 + (n & 0x0f), (n >> 8) & 0xffff, (n >> 24) & 0xff);
}

std::vector<std::string> active_ipv4_cidrs(const Vpc& vpc) {
  std::vector<std::string> out;
  for (const CidrAssociation& a : vpc.cidr_associations) {
    if (is_active(a)) out.push_back(a.cidr);
  }
  return out;
}

std::vector<std::string> active_ipv6_cidrs(const Vpc& vpc) {
  std::vector<std::string> out;
  for (const CidrAssociation& a : vpc.ipv6_associations) {
    if (is_active(a)) out.push_back(a.cidr);
  }
  return out;
}

namespace {

/// The association `id` in any VPC of `region` (and whether it is IPv6), or nullptr.
CidrAssociation* find_association(RegionState& region, std::string_view id, Vpc** owner = nullptr,
                                  bool* ipv6 = nullptr) {
  for (auto& [vpc_id, vpc] : region.vpcs) {
    for (int v6 = 0; v6 < 2; ++v6) {
      for (CidrAssociation& a : v6 ? vpc.ipv6_associations : vpc.cidr_associations) {
        if (a.association_id != id) continue;
        if (owner) *owner = &vpc;
        if (ipv6) *ipv6 = v6 == 1;
        return &a;
      }
    }
  }
  return nullptr;
}

/// Moves `association` into transitional `state` and schedules its end.
void begin(World& world, const RegionState& region, CidrAssociation& association, std::string_view state,
           TimePoint now) {
  association.state = std::string(state);
  association.next_at = now + world.timings.scaled(world.timings.cidr_associating);
  world.schedule(region.name, "vpc-cidr", association.association_id, association.next_at);
}

void on_cidr_due(World& world, RegionState& region, const ScheduledEvent& event) {
  CidrAssociation* association = find_association(region, event.id);
  if (!association || association->next_at != event.at) return;
  if (association->state == "associating") {
    association->state = "associated";
  } else if (association->state == "disassociating") {
    association->state = "disassociated";
    association->next_at = event.at + world.timings.scaled(world.timings.cidr_associating);
    world.schedule(region.name, "vpc-cidr-gone", association->association_id, association->next_at, true);
  }
}

void on_cidr_gone(World&, RegionState& region, const ScheduledEvent& event) {
  Vpc* vpc = nullptr;
  CidrAssociation* association = find_association(region, event.id, &vpc);
  if (!association || association->state != "disassociated" || association->next_at != event.at) return;
  for (auto* list : {&vpc->cidr_associations, &vpc->ipv6_associations}) {
    std::erase_if(*list, [&](const CidrAssociation& a) { return a.association_id == event.id; });
  }
}

Status associate_ipv6(Call& call, XmlWriter& xml, Vpc& vpc) {
  if (!active_ipv6_cidrs(vpc).empty()) {
    return client_error("CidrLimitExceeded",
                        fmt::format("This network '{}' has met its maximum number of allowed CIDRs: 1", vpc.id));
  }
  World& world = *call.world;
  RegionState& region = call.state();
  std::string group = call.params.get("Ipv6CidrBlockNetworkBorderGroup", region.name);
  if (group != region.name) return invalid_value("Ipv6CidrBlockNetworkBorderGroup", group);
  EC2_TRY(call.check_dry_run());
  vpc.ipv6_associations.push_back({new_cidr_association_id(world), new_ipv6_block(world), "", "", group, "Amazon", {}});
  begin(world, region, vpc.ipv6_associations.back(), "associating", call.now);
  xml.leaf("vpcId", vpc.id);
  write_ipv6_association(xml, "ipv6CidrBlockAssociation", vpc.ipv6_associations.back());
  return {};
}

Status associate_vpc_cidr_block(Call& call, XmlWriter& xml) {
  auto id = call.params.required("VpcId");
  if (!id) return id.error();
  auto ipv6 = call.params.boolean("AmazonProvidedIpv6CidrBlock");
  if (!ipv6) return ipv6.error();
  const std::string* text = call.params.find("CidrBlock");
  for (const char* unsupported : {"Ipv6Pool", "Ipv4IpamPoolId", "Ipv6IpamPoolId", "Ipv6CidrBlock"}) {
    if (call.params.has(unsupported)) return invalid_value(fmt::format("The parameter {} is not supported.", unsupported));
  }
  if (text && *ipv6) {
    return invalid_combination("The parameter 'cidrBlock' cannot be used with 'amazonProvidedIpv6CidrBlock'.");
  }
  if (!text && !*ipv6) {
    return client_error("MissingParameter",
                        "The request must contain the parameter cidrBlock or amazonProvidedIpv6CidrBlock");
  }
  auto vpc = find_vpc(call.state(), *id);
  if (!vpc) return vpc.error();
  if (*ipv6) return associate_ipv6(call, xml, **vpc);
  auto cidr = parse_vpc_cidr(*text);
  if (!cidr) return cidr.error();
  EC2_TRY(check_secondary_cidr(**vpc, *cidr));
  EC2_TRY(call.check_dry_run());
  (*vpc)->cidr_associations.push_back({new_cidr_association_id(*call.world), cidr->to_string(), "", "", "", "", {}});
  begin(*call.world, call.state(), (*vpc)->cidr_associations.back(), "associating", call.now);
  xml.leaf("vpcId", (*vpc)->id);
  write_ipv4_association(xml, "cidrBlockAssociation", (*vpc)->cidr_associations.back());
  return {};
}

/// InvalidCidrBlock.InUse when a subnet of `vpc` lies inside `association`'s block.
Status check_no_subnets(const RegionState& region, const Vpc& vpc, const CidrAssociation& association) {
  auto block = parse_cidr4(association.cidr, false);
  for (auto& [id, subnet] : region.subnets) {
    auto cidr = parse_cidr4(subnet.cidr_block, false);
    if (subnet.vpc_id == vpc.id && block && cidr && block->overlaps(*cidr)) {
      return client_error("InvalidCidrBlock.InUse", fmt::format("The vpc {} currently has a subnet within CIDR "
                                                                "block {}", vpc.id, association.cidr));
    }
  }
  return {};
}

Status disassociate_vpc_cidr_block(Call& call, XmlWriter& xml) {
  auto id = call.params.required("AssociationId");
  if (!id) return id.error();
  RegionState& region = call.state();
  Vpc* vpc = nullptr;
  bool ipv6 = false;
  CidrAssociation* association = find_association(region, *id, &vpc, &ipv6);
  if (!association || association->state == "disassociated") {
    return client_error("InvalidVpcCidrBlockAssociationID.NotFound",
                        fmt::format("The vpc CIDR block association ID '{}' does not exist", *id));
  }
  if (!ipv6 && association->cidr == vpc->cidr_block) {
    return client_error("OperationNotPermitted",
                        fmt::format("The vpc CIDR block with association ID {} may not be disassociated. It is the "
                                    "primary IPv4 CIDR block of the VPC", *id));
  }
  if (!ipv6) EC2_TRY(check_no_subnets(region, *vpc, *association));
  EC2_TRY(call.check_dry_run());
  if (association->state != "disassociating") begin(*call.world, region, *association, "disassociating", call.now);
  xml.leaf("vpcId", vpc->id);
  if (ipv6) {
    write_ipv6_association(xml, "ipv6CidrBlockAssociation", *association);
  } else {
    write_ipv4_association(xml, "cidrBlockAssociation", *association);
  }
  return {};
}

void register_vpc_cidrs(ActionRegistry& registry) {
  registry.on("AssociateVpcCidrBlock", associate_vpc_cidr_block)
      .on("DisassociateVpcCidrBlock", disassociate_vpc_cidr_block)
      .on_due("vpc-cidr", on_cidr_due)
      .on_due("vpc-cidr-gone", on_cidr_gone);
}
EC2EMU_MODULE(register_vpc_cidrs);

}  // namespace
}  // namespace ec2::emu
