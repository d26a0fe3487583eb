// Subnets: DescribeSubnets, CreateSubnet, DeleteSubnet.
#include <algorithm>

#include <fmt/format.h>

#include "api_error.h"
#include "describe.h"
#include "filters.h"
#include "registry.h"
#include "vpcs.h"

namespace ec2::emu {
namespace {

std::string_view bool_text(bool value) { return value ? "true" : "false"; }

std::string zone_id(std::string_view zone) {
  return fmt::format("{}-az{}", zone.substr(0, zone.size() - 1), zone.back() - 'a' + 1);
}

const FilterSet<Subnet>& subnet_filters() {
  static const FilterSet<Subnet> set = [] {
    FilterSet<Subnet> s;
    auto cidr = [](const Subnet& n) { return std::string_view(n.cidr_block); };
    auto zone = [](const Subnet& n) { return std::string_view(n.availability_zone); };
    auto is_default = [](const Subnet& n) { return bool_text(n.default_for_az); };
    s.value("subnet-id", [](const Subnet& n) { return std::string_view(n.id); })
        .value("vpc-id", [](const Subnet& n) { return std::string_view(n.vpc_id); })
        .value("cidr", cidr)
        .value("cidr-block", cidr)
        .value("cidrBlock", cidr)
        .value("availability-zone", zone)
        .value("availabilityZone", zone)
        .field("availability-zone-id", [](const Subnet& n, const EmitValue& emit) {
          emit(zone_id(n.availability_zone));
        })
        .value("default-for-az", is_default)
        .value("defaultForAz", is_default)
        .value("map-public-ip-on-launch", [](const Subnet& n) { return bool_text(n.map_public_ip_on_launch); })
        .value("state", [](const Subnet& n) { return std::string_view(n.state); })
        .value("owner-id", [](const Subnet&) { return active_account_id(); })
        .field("available-ip-address-count", [](const Subnet& n, const EmitValue& emit) {
          emit(std::to_string(n.available_ips));
        })
        .with_tags([](const Subnet& n) { return std::string_view(n.id); });
    return s;
  }();
  return set;
}

void write_subnet(XmlWriter& xml, std::string_view element, const Subnet& subnet, const RegionState& region) {
  xml.open(element);
  xml.leaf("subnetId", subnet.id).leaf("subnetArn", fmt::format("arn:aws:ec2:{}:{}:subnet/{}", region.name,
                                                                 active_account_id(), subnet.id));
  xml.leaf("state", subnet.state).leaf("ownerId", active_account_id()).leaf("vpcId", subnet.vpc_id);
  xml.leaf("cidrBlock", subnet.cidr_block).empty("ipv6CidrBlockAssociationSet");
  xml.leaf("availableIpAddressCount", subnet.available_ips);
  xml.leaf("availabilityZone", subnet.availability_zone).leaf("availabilityZoneId", zone_id(subnet.availability_zone));
  xml.leaf_bool("defaultForAz", subnet.default_for_az).leaf_bool("mapPublicIpOnLaunch", subnet.map_public_ip_on_launch);
  xml.leaf_bool("assignIpv6AddressOnCreation", false).leaf_bool("mapCustomerOwnedIpOnLaunch", false);
  xml.leaf_bool("enableDns64", false).leaf_bool("ipv6Native", false);
  xml.open("privateDnsNameOptionsOnLaunch").leaf("hostnameType", "ip-name");
  xml.leaf_bool("enableResourceNameDnsARecord", false).leaf_bool("enableResourceNameDnsAAAARecord", false).close();
  write_tag_set(xml, region.tags.of(subnet.id));
  xml.close();
}

Error subnet_not_found(std::string_view id) {
  return client_error("InvalidSubnetID.NotFound", fmt::format("The subnet ID '{}' does not exist", id));
}

Status describe_subnets(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(subnet_filters().validate(*filters));
  auto page = page_request(call.params, "subnets", 5, 1000);
  if (!page) return page.error();
  RegionState& region = call.state();
  std::vector<std::string> ids = call.params.list("SubnetId");
  for (const std::string& id : ids) {
    EC2_TRY(check_id_format(id, "subnet-", "InvalidSubnetID.Malformed"));
    if (!region.subnets.count(id)) return subnet_not_found(id);
  }
  xml.open("subnetSet");
  int64_t written = 0;
  std::string next;
  for (auto it = region.subnets.upper_bound(page->position); it != region.subnets.end(); ++it) {
    if (!ids.empty() && std::find(ids.begin(), ids.end(), it->first) == ids.end()) continue;
    if (!subnet_filters().matches(it->second, *filters, region.tags)) continue;
    if (page->max_results && written == *page->max_results) {
      next = make_page_token("subnets", std::prev(it)->first);
      break;
    }
    write_subnet(xml, "item", it->second, region);
    ++written;
  }
  xml.close();
  xml.leaf_if("nextToken", next);
  return {};
}

/// Checks that `cidr` lies inside an associated block of `vpc` and overlaps no other subnet.
Status check_subnet_cidr(const RegionState& region, const Vpc& vpc, const Cidr4& cidr, std::string_view text) {
  bool inside = false;
  for (const std::string& block : active_ipv4_cidrs(vpc)) {
    auto parsed = parse_cidr4(block, false);
    inside = inside || (parsed && parsed->prefix <= cidr.prefix && parsed->contains(cidr.base));
  }
  if (!inside || cidr.prefix < 16 || cidr.prefix > 28) {
    return client_error("InvalidSubnet.Range", fmt::format("The CIDR '{}' is invalid.", text));
  }
  for (auto& [id, subnet] : region.subnets) {
    auto other = parse_cidr4(subnet.cidr_block, false);
    if (subnet.vpc_id == vpc.id && other && other->overlaps(cidr)) {
      return client_error("InvalidSubnet.Conflict", fmt::format("The CIDR '{}' conflicts with another subnet", text));
    }
  }
  return {};
}

Status create_subnet(Call& call, XmlWriter& xml) {
  auto vpc_id = call.params.required("VpcId");
  if (!vpc_id) return vpc_id.error();
  auto text = call.params.required("CidrBlock");
  if (!text) return text.error();
  RegionState& region = call.state();
  auto vpc = find_vpc(region, *vpc_id);
  if (!vpc) return vpc.error();
  auto cidr = parse_cidr4(*text);
  if (!cidr) {
    return invalid_value(fmt::format("Value ({}) for parameter cidrBlock is invalid. This is not a valid CIDR block.",
                                     *text));
  }
  EC2_TRY(check_subnet_cidr(region, **vpc, *cidr, *text));
  std::vector<std::string> zones = region.zones();
  std::string zone = call.params.get("AvailabilityZone", zones.front());
  if (std::find(zones.begin(), zones.end(), zone) == zones.end()) {
    return invalid_value(fmt::format("Value ({}) for parameter availabilityZone is invalid. Subnets can currently only "
                                     "be created in the following availability zones: {}, {}, {}.",
                                     zone, zones[0], zones[1], zones[2]));
  }
  EC2_TRY(check_tag_spec_types(call.params, "subnet"));
  auto tags = call.params.tags_for("subnet");
  if (!tags) return tags.error();
  EC2_TRY(call.check_dry_run());
  Subnet subnet;
  subnet.id = call.world->ids.next("subnet-");
  subnet.vpc_id = *vpc_id;
  subnet.cidr_block = cidr->to_string();
  subnet.availability_zone = zone;
  subnet.available_ips = static_cast<int>(cidr->size() - 5);
  region.tags.set_all(subnet.id, *tags);
  write_subnet(xml, "subnet", subnet, region);
  region.subnets[subnet.id] = std::move(subnet);
  return {};
}

Status delete_subnet(Call& call, XmlWriter& xml) {
  auto id = call.params.required("SubnetId");
  if (!id) return id.error();
  EC2_TRY(check_id_format(*id, "subnet-", "InvalidSubnetID.Malformed"));
  RegionState& region = call.state();
  if (!region.subnets.count(*id)) return subnet_not_found(*id);
  bool used = std::any_of(region.instances.begin(), region.instances.end(), [&](auto& entry) {
    return entry.second.subnet_id == *id && entry.second.state != "terminated";
  });
  if (used) {
    return client_error("DependencyViolation",
                        fmt::format("The subnet '{}' has dependencies and cannot be deleted.", *id));
  }
  EC2_TRY(call.check_dry_run());
  region.subnets.erase(*id);
  region.tags.erase(*id);
  call.world->subnet_next_host.erase(*id);
  xml.leaf_bool("return", true);
  return {};
}

void register_subnets(ActionRegistry& registry) {
  registry.on("DescribeSubnets", describe_subnets)
      .on("CreateSubnet", create_subnet)
      .on("DeleteSubnet", delete_subnet);
}
EC2EMU_MODULE(register_subnets);

}  // namespace
}  // namespace ec2::emu
