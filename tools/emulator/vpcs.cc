// VPCs: CreateVpc, DeleteVpc, DescribeVpcs, Describe/ModifyVpcAttribute, DescribeVpcClassicLink.
#include "vpcs.h"

#include <algorithm>

#include <fmt/format.h>

#include "api_error.h"
#include "describe.h"
#include "filters.h"
#include "registry.h"

namespace ec2::emu {

Error vpc_not_found(std::string_view id) {
  return client_error("InvalidVpcID.NotFound", fmt::format("The vpc ID '{}' does not exist", id));
}

Result<Vpc*> find_vpc(RegionState& region, std::string_view id) {
  EC2_TRY(check_id_format(id, "vpc-", "InvalidVpcID.Malformed"));
  auto it = region.vpcs.find(id);
  if (it == region.vpcs.end()) return vpc_not_found(id);
  return &it->second;
}

Status check_tag_spec_types(const Params& params, std::string_view expected) {
  auto specs = params.tag_specifications();
  if (!specs) return specs.error();
  for (const TagSpecification& spec : *specs) {
    if (spec.resource_type != expected) {
      return invalid_value(fmt::format("'{}' is not a valid taggable resource type for this operation.",
                                       spec.resource_type));
    }
  }
  return {};
}

void write_ipv4_association(XmlWriter& xml, std::string_view element, const CidrAssociation& association) {
  xml.open(element).leaf("cidrBlock", association.cidr).leaf("associationId", association.association_id);
  xml.open("cidrBlockState").leaf("state", association.state);
  xml.leaf_if("statusMessage", association.status_message).close();
  xml.close();
}

void write_ipv6_association(XmlWriter& xml, std::string_view element, const CidrAssociation& association) {
  xml.open(element).leaf("ipv6CidrBlock", association.cidr).leaf("associationId", association.association_id);
  xml.open("ipv6CidrBlockState").leaf("state", association.state);
  xml.leaf_if("statusMessage", association.status_message).close();
  xml.leaf_if("networkBorderGroup", association.network_border_group).leaf_if("ipv6Pool", association.ipv6_pool);
  xml.close();
}

void write_vpc(XmlWriter& xml, std::string_view element, const Vpc& vpc, const TagStore& tags) {
  xml.open(element);
  xml.leaf("vpcId", vpc.id).leaf("ownerId", active_account_id()).leaf("state", vpc.state).leaf("cidrBlock", vpc.cidr_block);
  if (vpc.cidr_associations.empty()) {
    xml.empty("cidrBlockAssociationSet");
  } else {
    xml.open("cidrBlockAssociationSet");
    for (const CidrAssociation& a : vpc.cidr_associations) write_ipv4_association(xml, "item", a);
    xml.close();
  }
  if (vpc.ipv6_associations.empty()) {
    xml.empty("ipv6CidrBlockAssociationSet");
  } else {
    xml.open("ipv6CidrBlockAssociationSet");
    for (const CidrAssociation& a : vpc.ipv6_associations) write_ipv6_association(xml, "item", a);
    xml.close();
  }
  xml.leaf("dhcpOptionsId", vpc.dhcp_options_id).leaf("instanceTenancy", vpc.instance_tenancy);
  xml.leaf_bool("isDefault", vpc.is_default);
  write_tag_set(xml, tags.of(vpc.id));
  xml.close();
}

namespace {

/// Emits `get(association)` for every association of `list`.
template <class Get>
FilterSet<Vpc>::Getter each_association(std::vector<CidrAssociation> Vpc::*list, Get get) {
  return [list, get](const Vpc& vpc, const EmitValue& emit) {
    for (const CidrAssociation& a : vpc.*list) {
      if (emit(get(a))) return;
    }
  };
}

const FilterSet<Vpc>& vpc_filters() {
  static const FilterSet<Vpc> set = [] {
    FilterSet<Vpc> s;
    auto primary = [](const Vpc& v) { return std::string_view(v.cidr_block); };
    auto cidr = [](const CidrAssociation& a) { return std::string_view(a.cidr); };
    auto id = [](const CidrAssociation& a) { return std::string_view(a.association_id); };
    auto state = [](const CidrAssociation& a) { return std::string_view(a.state); };
    s.value("vpc-id", [](const Vpc& v) { return std::string_view(v.id); })
        .value("cidr", primary)
        .value("cidr-block", primary)
        .value("cidrBlock", primary)
        .field("cidr-block-association.cidr-block", each_association(&Vpc::cidr_associations, cidr))
        .field("cidr-block-association.association-id", each_association(&Vpc::cidr_associations, id))
        .field("cidr-block-association.state", each_association(&Vpc::cidr_associations, state))
        .field("ipv6-cidr-block-association.ipv6-cidr-block", each_association(&Vpc::ipv6_associations, cidr))
        .field("ipv6-cidr-block-association.association-id", each_association(&Vpc::ipv6_associations, id))
        .field("ipv6-cidr-block-association.state", each_association(&Vpc::ipv6_associations, state))
        .field("ipv6-cidr-block-association.ipv6-pool",
               each_association(&Vpc::ipv6_associations, [](const CidrAssociation& a) {
                 return std::string_view(a.ipv6_pool);
               }))
        .value("is-default", [](const Vpc& v) { return std::string_view(v.is_default ? "true" : "false"); })
        .value("isDefault", [](const Vpc& v) { return std::string_view(v.is_default ? "true" : "false"); })
        .value("state", [](const Vpc& v) { return std::string_view(v.state); })
        .value("owner-id", [](const Vpc&) { return active_account_id(); })
        .value("dhcp-options-id", [](const Vpc& v) { return std::string_view(v.dhcp_options_id); })
        .with_tags([](const Vpc& v) { return std::string_view(v.id); });
    return s;
  }();
  return set;
}

/// Ends the `pending` state of a new VPC (and of its IPv6 association).
void on_vpc_due(World&, RegionState& region, const ScheduledEvent& event) {
  auto it = region.vpcs.find(event.id);
  if (it == region.vpcs.end() || it->second.next_at != event.at) return;
  it->second.state = "available";
}

/// A new VPC's default security group (EC2 creates one per VPC).
void add_default_group(World& world, RegionState& region, const Vpc& vpc) {
  SecurityGroup group;
  group.id = world.ids.next("sg-");
  group.name = "default";
  group.description = "default VPC security group";
  group.vpc_id = vpc.id;
  IpPermission self;
  self.groups.push_back({group.id, std::string(active_account_id()), ""});
  group.ingress.push_back(self);
  IpPermission all;
  all.ipv4_ranges.push_back({"0.0.0.0/0", ""});
  group.egress.push_back(all);
  region.security_groups[group.id] = std::move(group);
}

Status create_vpc(Call& call, XmlWriter& xml) {
  auto text = call.params.required("CidrBlock");
  if (!text) return text.error();
  auto cidr = parse_vpc_cidr(*text);
  if (!cidr) return cidr.error();
  auto ipv6 = call.params.boolean("AmazonProvidedIpv6CidrBlock");
  if (!ipv6) return ipv6.error();
  std::string tenancy = call.params.get("InstanceTenancy", "default");
  if (tenancy != "default" && tenancy != "dedicated") return invalid_value("InstanceTenancy", tenancy);
  EC2_TRY(check_tag_spec_types(call.params, "vpc"));
  auto tags = call.params.tags_for("vpc");
  if (!tags) return tags.error();
  if (tags->size() > kMaxTagsPerResource) return client_error("TagLimitExceeded", "The maximum number of tags has been exceeded");
  EC2_TRY(call.check_dry_run());

  World& world = *call.world;
  RegionState& region = call.state();
  Vpc vpc;
  vpc.id = world.ids.next("vpc-");
  vpc.cidr_block = cidr->to_string();
  vpc.state = "pending";
  vpc.instance_tenancy = tenancy;
  vpc.dhcp_options_id = region.default_vpc() ? region.default_vpc()->dhcp_options_id
                                             : stable_id("dopt-", region.name + "/dopt");
  vpc.cidr_associations.push_back({new_cidr_association_id(world), vpc.cidr_block, "associated", "", "", "", {}});
  if (*ipv6) {
    vpc.ipv6_associations.push_back({new_cidr_association_id(world), new_ipv6_block(world), "associating", "",
                                     region.name, "Amazon", call.now + world.timings.scaled(world.timings.cidr_associating)});
    world.schedule(region.name, "vpc-cidr", vpc.ipv6_associations.back().association_id,
                   vpc.ipv6_associations.back().next_at);
  }
  vpc.next_at = call.now + world.timings.scaled(world.timings.cidr_associating);
  world.schedule(region.name, "vpc", vpc.id, vpc.next_at);
  region.tags.set_all(vpc.id, *tags);
  add_default_group(world, region, vpc);
  write_vpc(xml, "vpc", vpc, region.tags);
  region.vpcs[vpc.id] = std::move(vpc);
  return {};
}

/// Why `vpc` cannot be deleted yet, or success.
Status check_vpc_dependencies(const RegionState& region, const Vpc& vpc) {
  bool busy = std::any_of(region.subnets.begin(), region.subnets.end(),
                          [&](auto& s) { return s.second.vpc_id == vpc.id; }) ||
              std::any_of(region.instances.begin(), region.instances.end(),
                          [&](auto& i) { return i.second.vpc_id == vpc.id && i.second.state != "terminated"; }) ||
              std::any_of(region.security_groups.begin(), region.security_groups.end(),
                          [&](auto& g) { return g.second.vpc_id == vpc.id && g.second.name != "default"; });
  if (!busy) return {};
  return client_error("DependencyViolation",
                      fmt::format("The vpc '{}' has dependencies and cannot be deleted.", vpc.id));
}

/// Peering connections of a deleted VPC are deleted with it (in every region that holds one).
void delete_peerings_of(World& world, std::string_view vpc_id, TimePoint now) {
  for (auto& [name, region] : world.regions()) {
    for (auto& [id, peering] : region.peerings) {
      if (peering.requester.vpc_id != vpc_id && peering.accepter.vpc_id != vpc_id) continue;
      if (peering.status != "active" && peering.status != "pending-acceptance" &&
          peering.status != "provisioning" && peering.status != "initiating-request") {
        continue;
      }
      peering.status = "deleted";
      peering.status_message = fmt::format("Deleted by {}", active_account_id());
      peering.next_at = now + world.timings.scaled(world.timings.peering_deleted_retention);
      world.schedule(name, "peering-gone", id, peering.next_at, true);
    }
  }
}

Status delete_vpc(Call& call, XmlWriter& xml) {
  auto id = call.params.required("VpcId");
  if (!id) return id.error();
  RegionState& region = call.state();
  auto vpc = find_vpc(region, *id);
  if (!vpc) return vpc.error();
  EC2_TRY(check_vpc_dependencies(region, **vpc));
  EC2_TRY(call.check_dry_run());
  std::erase_if(region.security_groups, [&](auto& g) {
    if (g.second.vpc_id != *id) return false;
    region.tags.erase(g.first);
    return true;
  });
  delete_peerings_of(*call.world, *id, call.now);
  region.tags.erase(*id);
  region.vpcs.erase(*id);
  xml.leaf_bool("return", true);
  return {};
}

Status describe_vpcs(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(vpc_filters().validate(*filters));
  auto page = page_request(call.params, "vpcs", 5, 1000);
  if (!page) return page.error();
  RegionState& region = call.state();
  std::vector<std::string> ids = call.params.list("VpcId");
  for (const std::string& id : ids) {
    auto vpc = find_vpc(region, id);
    if (!vpc) return vpc.error();
  }
  xml.open("vpcSet");
  int64_t written = 0;
  std::string next;
  for (auto it = region.vpcs.upper_bound(page->position); it != region.vpcs.end(); ++it) {
    const Vpc& vpc = it->second;
    if (!ids.empty() && std::find(ids.begin(), ids.end(), vpc.id) == ids.end()) continue;
    if (!vpc_filters().matches(vpc, *filters, region.tags)) continue;
    if (page->max_results && written == *page->max_results) {
      next = make_page_token("vpcs", std::prev(it)->first);
      break;
    }
    write_vpc(xml, "item", vpc, region.tags);
    ++written;
  }
  xml.close();
  xml.leaf_if("nextToken", next);
  return {};
}

/// The attribute name of Describe/ModifyVpcAttribute → the model field.
bool* vpc_attribute(Vpc& vpc, std::string_view name) {
  if (name == "enableDnsSupport") return &vpc.enable_dns_support;
  if (name == "enableDnsHostnames") return &vpc.enable_dns_hostnames;
  return nullptr;
}

Status describe_vpc_attribute(Call& call, XmlWriter& xml) {
  auto id = call.params.required("VpcId");
  if (!id) return id.error();
  auto name = call.params.required("Attribute");
  if (!name) return name.error();
  auto vpc = find_vpc(call.state(), *id);
  if (!vpc) return vpc.error();
  bool* value = vpc_attribute(**vpc, *name);
  if (!value) return invalid_value("Attribute", *name);
  xml.leaf("vpcId", *id);
  xml.open(*name == "enableDnsSupport" ? "enableDnsSupport" : "enableDnsHostnames");
  xml.leaf_bool("value", *value).close();
  return {};
}

Status modify_vpc_attribute(Call& call, XmlWriter& xml) {
  auto id = call.params.required("VpcId");
  if (!id) return id.error();
  auto vpc = find_vpc(call.state(), *id);
  if (!vpc) return vpc.error();
  const char* names[] = {"EnableDnsSupport", "EnableDnsHostnames"};
  const char* attributes[] = {"enableDnsSupport", "enableDnsHostnames"};
  int given = -1;
  for (int i = 0; i < 2; ++i) {
    if (!call.params.has(std::string(names[i]) + ".Value")) continue;
    if (given >= 0) return invalid_combination("Fields for multiple attribute types specified: enableDnsSupport, enableDnsHostnames");
    given = i;
  }
  if (given < 0) return missing_parameter("EnableDnsSupport");
  auto value = call.params.boolean(std::string(names[given]) + ".Value");
  if (!value) return value.error();
  if (given == 1 && *value && !(*vpc)->enable_dns_support) {
    return invalid_value("Cannot enable DNS hostnames when DNS support is disabled.");
  }
  EC2_TRY(call.check_dry_run());
  *vpc_attribute(**vpc, attributes[given]) = *value;
  xml.leaf_bool("return", true);
  return {};
}

Status describe_vpc_classic_link(Call&, XmlWriter&) {
  return client_error("UnsupportedOperation", "The functionality you requested is not available in this region.");
}

void register_vpcs(ActionRegistry& registry) {
  registry.on("CreateVpc", create_vpc)
      .on("DeleteVpc", delete_vpc)
      .on("DescribeVpcs", describe_vpcs)
      .on("DescribeVpcAttribute", describe_vpc_attribute)
      .on("ModifyVpcAttribute", modify_vpc_attribute)
      .on("DescribeVpcClassicLink", describe_vpc_classic_link)
      .on_due("vpc", on_vpc_due);
}
EC2EMU_MODULE(register_vpcs);

}  // namespace
}  // namespace ec2::emu
