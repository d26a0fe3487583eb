#include "state_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace ec2 {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Tag, key, value)
}  // namespace ec2

namespace nlohmann {
template <>
struct adl_serializer<ec2::emu::TimePoint> {
  static void to_json(json& j, const ec2::emu::TimePoint& t) {
    j = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  }
  static void from_json(const json& j, ec2::emu::TimePoint& t) {
    t = ec2::emu::TimePoint(std::chrono::milliseconds(j.get<int64_t>()));
  }
};
template <>
struct adl_serializer<ec2::emu::Duration> {
  static void to_json(json& j, const ec2::emu::Duration& d) { j = d.count(); }
  static void from_json(const json& j, ec2::emu::Duration& d) { d = ec2::emu::Duration(j.get<int64_t>()); }
};
}  // namespace nlohmann

namespace ec2::emu {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(GroupRef, id, name)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(
    Instance, seq, id, reservation_id, image_id, instance_type, key_name, availability_zone, vpc_id, subnet_id,
    private_ip, public_ip, architecture, platform, user_data, shutdown_behavior, client_token, root_device_name,
    root_volume_id, network_interface_id, mac_address, iam_instance_profile_arn, groups, launch_index, monitoring, ebs_optimized,
    map_public_ip, state, launch_time, next_at, status_ok_at, status_ok, state_reason_code, state_reason_message,
    transition_reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(KeyPair, id, name, type, fingerprint, public_key, create_time)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Image, id, name, description, owner_id, owner_alias, architecture,
                                                platform, platform_details, creation_date, root_device_name,
                                                virtualization_type, image_location, state, ena_support, is_public)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CidrAssociation, association_id, cidr, state, status_message,
                                                network_border_group, ipv6_pool, next_at)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Vpc, id, cidr_block, state, dhcp_options_id, instance_tenancy,
                                                is_default, enable_dns_support, enable_dns_hostnames,
                                                cidr_associations, ipv6_associations, next_at)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Subnet, id, vpc_id, cidr_block, availability_zone, state,
                                                available_ips, default_for_az, map_public_ip_on_launch)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(IpPermission::Range, cidr, description)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(IpPermission::GroupPair, group_id, user_id, description)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(IpPermission, protocol, from_port, to_port, ipv4_ranges,
                                                ipv6_ranges, groups, prefix_list_ids)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SecurityGroup, id, name, description, vpc_id, ingress, egress)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(PeeringSide, owner_id, vpc_id, region, cidr_block, cidr_blocks,
                                                ipv6_cidr_blocks, allow_dns_resolution)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VpcPeering, id, requester, accepter, status, status_message,
                                                expiration_time, next_at)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ClientTokenRecord, params_hash, reservation_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ScheduledEvent, at, region, kind, id, expiry, account)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Timings, instance_pending, instance_stopping,
                                                instance_shutting_down, status_initializing, terminated_retention,
                                                cidr_associating, peering_initiating, peering_pending_expiry,
                                                peering_deleted_retention, scale)

namespace {

constexpr int kFormatVersion = 1;

nlohmann::json region_to_json(const RegionState& region) {
  nlohmann::json instances = nlohmann::json::array();
  for (auto& [seq, instance] : region.instances) instances.push_back(instance);
  return {{"instances", std::move(instances)},   {"key_pairs", region.key_pairs},
          {"images", region.images},             {"vpcs", region.vpcs},
          {"subnets", region.subnets},           {"security_groups", region.security_groups},
          {"peerings", region.peerings},         {"client_tokens", region.client_tokens},
          {"tags", region.tags.all()}};
}

void region_from_json(const nlohmann::json& j, RegionState& region) {
  region.instances.clear();
  region.instance_index.clear();
  for (const auto& item : j.at("instances")) region.add_instance(item.get<Instance>());
  j.at("key_pairs").get_to(region.key_pairs);
  j.at("images").get_to(region.images);
  j.at("vpcs").get_to(region.vpcs);
  j.at("subnets").get_to(region.subnets);
  j.at("security_groups").get_to(region.security_groups);
  j.at("peerings").get_to(region.peerings);
  j.at("client_tokens").get_to(region.client_tokens);
  region.tags.clear();
  for (auto& [id, tags] : j.at("tags").items()) region.tags.set_all(id, tags.get<Tags>());
}

Error io_error(const std::string& what, const std::string& path) {
  return make_error(ErrorCategory::Io, "StateFile", what + " " + path + ": " + std::strerror(errno));
}

/// Writes `data` to `path` and fsyncs it.
Status write_synced(const std::string& path, const std::string& data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("Cannot create", path);
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return io_error("Cannot write", path);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return io_error("Cannot fsync", path);
  }
  ::close(fd);
  return {};
}

/// fsyncs the directory holding `path` so a rename into it is durable.
Status sync_directory(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return io_error("Cannot open directory", dir);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return io_error("Cannot fsync directory", dir);
  return {};
}

}  // namespace

namespace {

/// The regions of `account` as {name: region}.
nlohmann::json account_to_json(World& world, const std::string& account) {
  nlohmann::json regions = nlohmann::json::object();
  std::string selected = world.account_id();
  world.select_account(account);
  for (auto& [name, region] : world.regions()) regions[name] = region_to_json(region);
  world.select_account(selected);
  return regions;
}

}  // namespace

Status save_state(const World& const_world, const std::string& path) {
  World& world = const_cast<World&>(const_world);
  nlohmann::json regions = account_to_json(world, std::string(kAccountId));
  nlohmann::json accounts = nlohmann::json::object();
  for (const std::string& id : world.account_ids()) {
    if (id != kAccountId) accounts[id] = account_to_json(world, id);
  }
  nlohmann::json doc = {{"format", kFormatVersion},
                        {"ids", world.ids.state()},
                        {"last_seq", world.last_seq()},
                        {"clock_offset", world.clock.offset()},
                        {"timings", world.timings},
                        {"events", world.scheduler.events()},
                        {"subnet_next_host", world.subnet_next_host},
                        {"public_ips_issued", world.public_ips_issued},
                        {"regions", std::move(regions)},
                        {"accounts", std::move(accounts)}};
  std::string temp = path + ".tmp";
  EC2_TRY(write_synced(temp, doc.dump()));
  if (std::rename(temp.c_str(), path.c_str()) != 0) return io_error("Cannot rename " + temp + " to", path);
  return sync_directory(path);
}

Status load_state(World& world, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return io_error("Cannot read", path);
  std::stringstream text;
  text << in.rdbuf();
  try {
    nlohmann::json doc = nlohmann::json::parse(text.str());
    if (doc.at("format").get<int>() != kFormatVersion) {
      return make_error(ErrorCategory::Parse, "StateFile", "Unsupported state file format in " + path);
    }
    world.ids.restore(doc.at("ids").get<uint64_t>());
    world.set_last_seq(doc.at("last_seq").get<uint64_t>());
    world.clock.set_offset(doc.at("clock_offset").get<Duration>());
    doc.at("timings").get_to(world.timings);
    world.scheduler.assign(doc.at("events").get<std::vector<ScheduledEvent>>());
    doc.at("subnet_next_host").get_to(world.subnet_next_host);
    world.public_ips_issued = doc.at("public_ips_issued").get<uint64_t>();
    for (auto& [name, j] : doc.at("regions").items()) {
      if (RegionState* region = world.region_of(kAccountId, name)) region_from_json(j, *region);
    }
    nlohmann::json accounts = doc.value("accounts", nlohmann::json::object());
    for (auto& [account, regions] : accounts.items()) {
      for (auto& [name, j] : regions.items()) {
        if (RegionState* region = world.region_of(account, name)) region_from_json(j, *region);
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorCategory::Parse, "StateFile", "Malformed state file " + path + ": " + e.what());
  }
  return {};
}

}  // namespace ec2::emu
