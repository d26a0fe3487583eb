#include "world.h"

#include <fmt/format.h>

namespace ec2::emu {

const std::vector<RegionInfo>& standard_regions() {
  static const std::vector<RegionInfo> kRegions = {
      {"ap-south-1", false},     {"eu-north-1", false},     {"eu-west-3", false},
      {"eu-west-2", false},      {"eu-west-1", false},      {"ap-northeast-3", false},
      {"ap-northeast-2", false}, {"ap-northeast-1", false}, {"ca-central-1", false},
      {"sa-east-1", false},      {"ap-southeast-1", false}, {"ap-southeast-2", false},
      {"eu-central-1", false},   {"us-east-1", false},      {"us-east-2", false},
      {"us-west-1", false},      {"us-west-2", false},      {"af-south-1", true},
      {"ap-east-1", true},       {"ap-south-2", true},      {"ap-southeast-3", true},
      {"ap-southeast-4", true},  {"eu-south-1", true},      {"eu-south-2", true},
      {"eu-central-2", true},    {"me-south-1", true},      {"me-central-1", true},
      {"il-central-1", true},
  };
  return kRegions;
}

bool is_served_region(std::string_view name) {
  for (const RegionInfo& info : standard_regions()) {
    if (info.name == name) return !info.opt_in_required;
  }
  return false;
}

std::string RegionState::stable_base() const {
  return account_id == kAccountId ? name : account_id + "/" + name;
}

std::vector<std::string> RegionState::zones() const { return {name + "a", name + "b", name + "c"}; }

Instance* RegionState::find_instance(std::string_view id) {
  auto it = instance_index.find(std::string(id));
  return it == instance_index.end() ? nullptr : &instances.at(it->second);
}

const Instance* RegionState::find_instance(std::string_view id) const {
  return const_cast<RegionState*>(this)->find_instance(id);
}

Instance& RegionState::add_instance(Instance instance) {
  instance_index[instance.id] = instance.seq;
  uint64_t seq = instance.seq;
  return instances.emplace(seq, std::move(instance)).first->second;
}

void RegionState::remove_instance(std::string_view id) {
  auto it = instance_index.find(std::string(id));
  if (it == instance_index.end()) return;
  instances.erase(it->second);
  tags.erase(id);
  instance_index.erase(it);
}

const Vpc* RegionState::default_vpc() const {
  for (auto& [id, vpc] : vpcs) {
    if (vpc.is_default) return &vpc;
  }
  return nullptr;
}

const Subnet* RegionState::default_subnet(std::string_view az) const {
  for (auto& [id, subnet] : subnets) {
    if (subnet.default_for_az && subnet.availability_zone == az) return &subnet;
  }
  return nullptr;
}

const SecurityGroup* RegionState::find_group_by_name(std::string_view vpc_id, std::string_view name) const {
  for (auto& [id, group] : security_groups) {
    if (group.vpc_id == vpc_id && group.name == name) return &group;
  }
  return nullptr;
}

World::World(uint64_t seed, std::shared_ptr<ec2::Clock> base_clock)
    : clock(std::move(base_clock)), ids(seed), seed_(seed) {
  reset();
}

namespace {
thread_local std::string active_account = std::string(kAccountId);
}

std::string_view active_account_id() { return active_account; }

void World::set_accounts(std::vector<std::string> ids) { extra_accounts_ = std::move(ids); }

std::vector<std::string> World::account_ids() const {
  std::vector<std::string> out;
  for (auto& [id, account] : accounts_) out.push_back(id);
  return out;
}

bool World::select_account(std::string_view id) {
  auto it = accounts_.find(id);
  if (it == accounts_.end()) return false;
  active_ = &it->second;
  active_account = active_->id;
  return true;
}

RegionState* World::region(std::string_view name) {
  auto it = active_->regions.find(name);
  return it == active_->regions.end() ? nullptr : &it->second;
}

RegionState* World::region_of(std::string_view account, std::string_view name) {
  auto it = accounts_.find(account);
  if (it == accounts_.end()) return nullptr;
  auto found = it->second.regions.find(name);
  return found == it->second.regions.end() ? nullptr : &found->second;
}

void World::schedule(std::string_view region, std::string_view kind, std::string_view id,
                     TimePoint at, bool expiry) {
  scheduler.schedule({at, std::string(region), std::string(kind), std::string(id), expiry, active_->id});
}

void World::reset() {
  accounts_.clear();
  scheduler.clear();
  subnet_next_host.clear();
  public_ips_issued = 0;
  ids.restore(seed_);
  last_seq_ = 0;
  std::vector<std::string> all = extra_accounts_;
  all.emplace_back(kAccountId);
  for (const std::string& id : all) {
    AccountState& account = accounts_[id];
    account.id = id;
    for (const RegionInfo& info : standard_regions()) {
      if (info.opt_in_required) continue;
      RegionState& region = account.regions[std::string(info.name)];
      region.name = std::string(info.name);
      region.account_id = id;
      create_defaults(region);
    }
  }
  select_account(kAccountId);
}

void World::create_defaults(RegionState& region) {
  // Default resources get ids derived from the region name (and the account, but for the default
  // account) so they never shift when other ids do.
  std::string base = region.stable_base();
  Vpc vpc;
  vpc.id = stable_id("vpc-", base + "/default-vpc");
  vpc.cidr_block = "172.31.0.0/16";
  vpc.is_default = true;
  vpc.enable_dns_hostnames = true;
  vpc.dhcp_options_id = stable_id("dopt-", base + "/dopt");
  vpc.cidr_associations.push_back(
      {stable_id("vpc-cidr-assoc-", base + "/default-vpc-cidr"), vpc.cidr_block, "associated", "", "", "", {}});
  std::vector<std::string> zones = region.zones();
  for (size_t i = 0; i < zones.size(); ++i) {
    Subnet subnet;
    subnet.id = stable_id("subnet-", base + "/default-subnet/" + zones[i]);
    subnet.vpc_id = vpc.id;
    subnet.cidr_block = fmt::format("172.31.{}.0/20", i * 16);
    subnet.availability_zone = zones[i];
    subnet.default_for_az = true;
    subnet.map_public_ip_on_launch = true;
    region.subnets[subnet.id] = subnet;
  }
  SecurityGroup group;
  group.id = stable_id("sg-", base + "/default-sg");
  group.name = "default";
  group.description = "default VPC security group";
  group.vpc_id = vpc.id;
  IpPermission self;
  self.groups.push_back({group.id, region.account_id, ""});
  group.ingress.push_back(self);
  IpPermission all;
  all.ipv4_ranges.push_back({"0.0.0.0/0", ""});
  group.egress.push_back(all);
  region.security_groups[group.id] = group;
  region.vpcs[vpc.id] = std::move(vpc);
  add_image_catalogue(region);
}

int instance_state_code(std::string_view state) {
  if (state == "pending") return 0;
  if (state == "running") return 16;
  if (state == "shutting-down") return 32;
  if (state == "terminated") return 48;
  if (state == "stopping") return 64;
  if (state == "stopped") return 80;
  return 0;
}

}  // namespace ec2::emu
