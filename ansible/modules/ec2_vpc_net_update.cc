// ec2_vpc_net: changes to an existing VPC (CIDR blocks, IPv6 block, tags, DNS attributes).
#include <algorithm>
#include <map>
#include <set>

#include "ec2/vpc/layer.h"
#include "ec2/vpc/vpcs.h"
#include "ec2_vpc_net.h"

namespace ec2::ansible::vpc_net {

namespace {

std::string state_of(const std::optional<VpcCidrBlockState>& state) {
  return state && state->state ? *state->state : "";
}

}  // namespace

Result<bool> Updater::cidrs(const Vpc& vpc, std::vector<std::string>& desired) {
  if (!args.cidr_block) return false;
  std::map<std::string, std::string> associated;  // CIDR → association id
  for (const auto& a : vpc.cidr_block_association_set.value_or(std::vector<VpcCidrBlockAssociation>{})) {
    std::string state = state_of(a.cidr_block_state);
    if (state != "disassociating" && state != "disassociated") {
      associated[a.cidr_block.value_or("")] = a.association_id.value_or("");
    }
  }
  std::set<std::string> wanted(args.cidr_block->begin(), args.cidr_block->end());
  if (!args.purge_cidrs) {
    for (const auto& [cidr, id] : associated) wanted.insert(cidr);
  }
  std::vector<std::string> to_add, to_remove;
  for (const auto& cidr : wanted) {
    if (!associated.count(cidr)) to_add.push_back(cidr);
  }
  for (const auto& [cidr, id] : associated) {
    if (!wanted.count(cidr)) to_remove.push_back(cidr);
  }
  if (to_add.empty() && to_remove.empty()) return false;
  desired.assign(wanted.begin(), wanted.end());
  if (module.check_mode()) return true;
  const std::string vpc_id = vpc.vpc_id.value_or("");
  for (const auto& cidr : to_add) {
    auto added = vpc::associate_vpc_cidr_block(client, vpc_id, cidr);
    if (!added) return added.error();
  }
  for (const auto& cidr : to_remove) {
    auto removed = vpc::disassociate_vpc_cidr_block(client, associated[cidr]);
    if (!removed) return removed.error();
  }
  return true;
}

Result<bool> Updater::ipv6(const Vpc& vpc) {
  if (!args.ipv6_cidr) return false;
  std::vector<std::string> amazon_ids;
  for (const auto& a : vpc.ipv6_cidr_block_association_set.value_or(std::vector<VpcIpv6CidrBlockAssociation>{})) {
    std::string state = state_of(a.ipv6_cidr_block_state);
    if (a.ipv6_pool.value_or("") == "Amazon" && (state == "associated" || state == "associating")) {
      amazon_ids.push_back(a.association_id.value_or(""));
    }
  }
  if (*args.ipv6_cidr == !amazon_ids.empty()) return false;
  if (module.check_mode()) return true;
  const std::string vpc_id = vpc.vpc_id.value_or("");
  if (*args.ipv6_cidr) {
    auto added = vpc::associate_vpc_ipv6_cidr_block(client, vpc_id);
    if (!added) return added.error();
    return true;
  }
  for (const auto& id : amazon_ids) {
    auto removed = vpc::disassociate_vpc_cidr_block(client, id);
    if (!removed) return removed.error();
  }
  return true;
}

Result<bool> Updater::tags(const std::string& vpc_id, vpc::TagMap& after) {
  std::optional<vpc::TagMap> desired = args.tags;
  bool purge = args.purge_tags;
  if (args.name) {
    // Name alone only sets the Name tag; it never purges the others.
    if (!desired) purge = false;
    if (!desired) desired = vpc::TagMap{};
    (*desired)["Name"] = *args.name;
  }
  if (!desired) return false;
  auto result = vpc::ensure_tags(client, vpc_id, *desired, purge, module.check_mode(),
                                 {std::string(vpc::kVpcNotFound)});
  if (!result) return result.error();
  after = result->after;
  return result->changed;
}

Result<bool> Updater::dns(const std::string& vpc_id, std::optional<bool> support, std::optional<bool> hostnames) {
  bool changed = false;
  const std::pair<vpc::VpcAttribute, std::optional<bool>> wanted[] = {
      {vpc::VpcAttribute::EnableDnsSupport, support}, {vpc::VpcAttribute::EnableDnsHostnames, hostnames}};
  for (const auto& [attribute, value] : wanted) {
    if (!value) continue;
    auto current = vpc::get_vpc_attribute(client, vpc_id, attribute);
    if (!current) return current.error();
    if (*current == *value) continue;
    changed = true;
    if (module.check_mode()) continue;
    auto set = vpc::set_vpc_attribute(client, vpc_id, attribute, *value);
    if (!set) return set.error();
  }
  return changed;
}

}  // namespace ec2::ansible::vpc_net
