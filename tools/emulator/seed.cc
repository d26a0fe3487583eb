#include "seed.h"

#include <array>

#include <fmt/format.h>

#include "api_error.h"
#include "cidr.h"
#include "instance_types.h"
#include "instances.h"
#include "keys.h"

namespace ec2::emu {
namespace {

constexpr std::array<std::string_view, 10> kTypes = {"t3.micro", "t3.small", "t3.medium", "m5.large", "c5.xlarge",
                                                     "r5.large", "t2.micro", "m6i.large", "t4g.small", "m6g.large"};
constexpr std::array<std::string_view, 4> kKeys = {"deploy", "ops team", "legacy,key", ""};
constexpr std::array<std::string_view, 4> kRoles = {"web", "db", "cache", "worker"};
constexpr std::array<std::string_view, 3> kEnvs = {"prod", "staging", "dev"};
constexpr std::array<std::string_view, 4> kOwners = {"José Müller", "Zoë Ångström", "山田太郎", "ops-team"};
constexpr std::array<std::string_view, 3> kCostCenters = {"cc-1001,cc-2002", "cc-3003", "shared, unassigned"};

/// The base launch time of seeded instances (fixed so seeding is reproducible).
TimePoint seed_epoch() { return std::chrono::system_clock::from_time_t(1704067200); }  // 2024-01-01

/// Three extra VPCs per region (10.1x.0.0/16), each with one /18 subnet per zone and a web group.
void add_seed_networks(World& world, RegionState& region) {
  std::vector<std::string> zones = region.zones();
  for (int v = 0; v < 3; ++v) {
    Vpc vpc;
    vpc.id = stable_id("vpc-", fmt::format("{}/seed-vpc/{}", region.stable_base(), v));
    vpc.cidr_block = fmt::format("10.{}.0.0/16", 10 + v);
    vpc.cidr_associations.push_back({stable_id("vpc-cidr-assoc-", vpc.id), vpc.cidr_block, "associated", "", "", "", {}});
    region.tags.set(vpc.id, "Name", fmt::format("seed-vpc-{}", v));
    for (size_t z = 0; z < zones.size(); ++z) {
      Subnet subnet;
      subnet.id = stable_id("subnet-", fmt::format("{}/{}", vpc.id, zones[z]));
      subnet.vpc_id = vpc.id;
      subnet.cidr_block = fmt::format("10.{}.{}.0/18", 10 + v, z * 64);
      subnet.availability_zone = zones[z];
      subnet.available_ips = 16379;
      subnet.map_public_ip_on_launch = v != 2;  // the third VPC is private
      region.tags.set(subnet.id, "Name", fmt::format("seed-vpc-{}-{}", v, zones[z]));
      region.subnets[subnet.id] = subnet;
    }
    SecurityGroup base;
    base.vpc_id = vpc.id;
    IpPermission all_out;
    all_out.ipv4_ranges.push_back({"0.0.0.0/0", ""});
    base.egress.push_back(all_out);
    SecurityGroup def = base, web = base;
    def.id = stable_id("sg-", vpc.id + "/default");
    def.name = "default";
    def.description = "default VPC security group";
    def.ingress.push_back({"-1", -1, -1, {}, {}, {{def.id, region.account_id, ""}}, {}});
    web.id = stable_id("sg-", vpc.id + "/web");
    web.name = "web";
    web.description = "HTTP and HTTPS from anywhere";
    web.ingress.push_back({"tcp", 80, 80, {{"0.0.0.0/0", "http"}}, {}, {}, {}});
    web.ingress.push_back({"tcp", 443, 443, {{"0.0.0.0/0", "https"}}, {}, {}, {}});
    region.security_groups[def.id] = def;
    region.security_groups[web.id] = web;
    region.vpcs[vpc.id] = std::move(vpc);
  }
  (void)world;
}

Status add_seed_keys(World& world, RegionState& region) {
  for (std::string_view name : kKeys) {
    if (name.empty()) continue;
    std::string seed(32, '\0');
    IdGenerator bytes(stable_hash(region.stable_base() + "/" + std::string(name)));
    for (char& c : seed) c = static_cast<char>(bytes.next_u64() & 0xff);
    auto key = ed25519_from_seed(seed);
    if (!key) return key.error();
    KeyPair pair{stable_id("key-", region.stable_base() + "/" + std::string(name)), std::string(name), "ed25519",
                 fingerprint_in(world.key_pair_style.fingerprints, key->fingerprint, key->public_key),
                 key->public_key, seed_epoch()};
    region.key_pairs[pair.name] = std::move(pair);
  }
  return {};
}

/// The image of the catalogue matching `architecture` (a Linux one; every 7th x86 group gets Windows).
const Image* pick_image(const RegionState& region, std::string_view architecture, size_t group) {
  std::vector<const Image*> matches;
  for (auto& [id, image] : region.images) {
    if (image.architecture == architecture) matches.push_back(&image);
  }
  return matches.empty() ? nullptr : matches[group % matches.size()];
}

/// Subnets usable for seeding: default subnets first, then the seed VPCs'.
std::vector<Subnet*> seed_subnets(RegionState& region) {
  std::vector<Subnet*> out;
  for (auto& [id, subnet] : region.subnets) out.push_back(&subnet);
  return out;
}

void tag_instance(RegionState& region, const Instance& instance, size_t n, size_t group) {
  std::string_view role = kRoles[group % kRoles.size()];
  region.tags.set(instance.id, "Name", fmt::format("{}-{:05d}", role, n));
  region.tags.set(instance.id, "env", std::string(kEnvs[group % kEnvs.size()]));
  region.tags.set(instance.id, "role", std::string(role));
  region.tags.set(instance.id, "team", group % 2 ? "platform team" : "data-eng");
  region.tags.set(instance.id, "owner", std::string(kOwners[group % kOwners.size()]));
  region.tags.set(instance.id, "cost-center", std::string(kCostCenters[group % kCostCenters.size()]));
  if (group % 5 == 0) region.tags.set(instance.id, "k8s.io/cluster/main", "owned");
}

/// One seeded instance; members of a group (a reservation of two) share type, image, subnet, key.
Status add_seed_instance(World& world, RegionState& region, std::vector<Subnet*>& subnets, size_t n,
                         const std::string& reservation) {
  size_t group = n / 2;
  std::string_view type = kTypes[group % kTypes.size()];
  const InstanceTypeInfo* info = find_instance_type(type);
  std::string_view arch = info ? info->architecture : "x86_64";
  Subnet* subnet = subnets[group % subnets.size()];
  for (size_t tries = 0; subnet->available_ips <= 0 && tries < subnets.size(); ++tries) {
    subnet = subnets[(group + tries) % subnets.size()];
  }
  auto ip = allocate_private_ip(world, *subnet);
  if (!ip) return ip.error();
  const Image* image = pick_image(region, arch, group);
  Instance instance;
  instance.seq = world.next_seq();
  instance.id = world.ids.next("i-");
  instance.reservation_id = reservation;
  instance.image_id = image ? image->id : "";
  instance.instance_type = std::string(type);
  instance.key_name = std::string(kKeys[group % kKeys.size()]);
  instance.availability_zone = subnet->availability_zone;
  instance.vpc_id = subnet->vpc_id;
  instance.subnet_id = subnet->id;
  instance.private_ip = std::move(*ip);
  instance.architecture = std::string(arch);
  instance.platform = image ? image->platform : "";
  instance.root_volume_id = world.ids.next("vol-");
  instance.network_interface_id = world.ids.next("eni-");
  instance.mac_address = fmt::format("0e:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", n & 0xff, (n >> 8) & 0xff,
                                     (n >> 16) & 0xff, group & 0xff, (group >> 8) & 0xff);
  const SecurityGroup* group_ref = region.find_group_by_name(subnet->vpc_id, group % 3 ? "default" : "web");
  if (!group_ref) group_ref = region.find_group_by_name(subnet->vpc_id, "default");
  if (group_ref) instance.groups.push_back({group_ref->id, group_ref->name});
  instance.launch_index = static_cast<int>(n % 2);
  instance.map_public_ip = subnet->map_public_ip_on_launch;
  instance.launch_time = seed_epoch() + std::chrono::minutes(7 * group);
  if (n % 5 == 4) {
    instance.state = "stopped";
    instance.state_reason_code = "Client.UserInitiatedShutdown";
    instance.state_reason_message = "Client.UserInitiatedShutdown: User initiated shutdown";
    instance.transition_reason = "User initiated (2024-02-01 12:00:00 GMT)";
  } else {
    instance.state = "running";
    instance.status_ok = true;
    if (instance.map_public_ip) instance.public_ip = allocate_public_ip(world);
  }
  Instance& added = region.add_instance(std::move(instance));
  tag_instance(region, added, n, group);
  return {};
}

}  // namespace

Status seed_world(World& world, const SeedOptions& options) {
  if (options.accounts.empty()) return seed_account(world, options, std::string(kAccountId));
  for (const std::string& account : options.accounts) EC2_TRY(seed_account(world, options, account));
  return {};
}

Status seed_account(World& world, const SeedOptions& options, const std::string& account) {
  if (options.instances == 0) return {};
  std::vector<RegionState*> regions;
  for (const std::string& name : options.regions) {
    RegionState* region = world.region_of(account, name);
    if (!region) return make_error(ErrorCategory::Config, "InvalidRegion", "Cannot seed unknown region " + name);
    add_seed_networks(world, *region);
    EC2_TRY(add_seed_keys(world, *region));
    regions.push_back(region);
  }
  if (regions.empty()) return {};
  size_t per_region = options.instances / regions.size();
  for (size_t r = 0; r < regions.size(); ++r) {
    RegionState& region = *regions[r];
    std::vector<Subnet*> subnets = seed_subnets(region);
    size_t count = per_region + (r < options.instances % regions.size() ? 1 : 0);
    std::string reservation;
    for (size_t n = 0; n < count; ++n) {
      if (n % 2 == 0) reservation = world.ids.next("r-");
      EC2_TRY(add_seed_instance(world, region, subnets, n, reservation));
    }
  }
  return {};
}

}  // namespace ec2::emu
