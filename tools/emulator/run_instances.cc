// RunInstances: validation, ClientToken idempotency, placement and launch.
#include <algorithm>

#include <fmt/format.h>

#include "accounts.h"
#include "api_error.h"
#include "describe.h"
#include "instance_types.h"
#include "instances.h"
#include "registry.h"

namespace ec2::emu {
namespace {

/// Largest number of instances one region holds (beyond it: InstanceLimitExceeded).
constexpr size_t kRegionInstanceLimit = 200000;

/// What RunInstances was asked for, validated.
struct LaunchRequest {
  const Image* image = nullptr;
  const InstanceTypeInfo* type = nullptr;
  int64_t min_count = 1;
  int64_t max_count = 1;
  std::string key_name;
  Subnet* subnet = nullptr;
  std::vector<GroupRef> groups;
  bool map_public_ip = true;
  std::string user_data;
  std::string instance_profile_arn;
  std::string shutdown_behavior = "stop";
  Tags instance_tags;
  bool monitoring = false;
  bool ebs_optimized = false;
};

/// Every parameter except the ones that never change what is launched.
uint64_t launch_hash(const Params& params) {
  std::string text;
  for (auto& [key, value] : params.values()) {
    if (key == "ClientToken" || key == "DryRun" || key.rfind("X-Amz-", 0) == 0) continue;
    text.append(key).push_back('=');
    text.append(value).push_back('\n');
  }
  return stable_hash(text);
}

Status check_user_data(const std::string& data) {
  bool base64 = data.size() % 4 == 0 &&
                data.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
                    std::string::npos;
  if (!base64) return invalid_value("Invalid BASE64 encoding of user data.");
  if (data.size() > 21848) return invalid_value("User data is limited to 16384 bytes");
  return {};
}

Status check_tags(const Tags& tags) {
  if (tags.size() > kMaxTagsPerResource) {
    return client_error("TagLimitExceeded", "The maximum number of Tags for a resource is 50.");
  }
  for (const Tag& tag : tags) {
    if (tag.key.empty() || tag.key.size() > 128) {
      return invalid_value(fmt::format("Tag key must be between 1 and 128 characters: '{}'", tag.key));
    }
    if (tag.value.size() > 256) return invalid_value("Tag value exceeds the maximum length of 256 characters");
    if (tag.key.rfind("aws:", 0) == 0) {
      return invalid_value("Tag keys starting with 'aws:' are reserved for internal use");
    }
  }
  return {};
}

Status resolve_image_and_type(Call& call, LaunchRequest& req) {
  auto image_id = call.params.required("ImageId");
  if (!image_id) return image_id.error();
  EC2_TRY(check_id_format(*image_id, "ami-", "InvalidAMIID.Malformed"));
  auto image = call.state().images.find(*image_id);
  if (image == call.state().images.end()) {
    return client_error("InvalidAMIID.NotFound", fmt::format("The image id '[{}]' does not exist", *image_id));
  }
  req.image = &image->second;
  std::string type = call.params.get("InstanceType", "m1.small");
  req.type = find_instance_type(type);
  if (!req.type) return invalid_value("InstanceType", type);
  if (req.type->architecture != req.image->architecture) {
    return invalid_value(fmt::format(
        "The architecture '{}' of the specified instance type does not match the architecture '{}' of the "
        "specified AMI. Specify an instance type and an AMI that have matching architectures, and try again.",
        req.type->architecture, req.image->architecture));
  }
  return {};
}

Status resolve_counts(Call& call, LaunchRequest& req) {
  auto min = call.params.optional_integer("MinCount");
  if (!min) return min.error();
  auto max = call.params.optional_integer("MaxCount");
  if (!max) return max.error();
  if (!min->has_value()) return missing_parameter("MinCount");
  if (!max->has_value()) return missing_parameter("MaxCount");
  req.min_count = **min;
  req.max_count = **max;
  if (req.min_count < 1) {
    return invalid_value(fmt::format("Value ({}) for parameter minCount is invalid. Expecting a value greater "
                                     "than 0.", req.min_count));
  }
  if (req.max_count < req.min_count) {
    return invalid_value(fmt::format("Value ({}) for parameter maxCount is invalid. Expecting a value greater "
                                     "than or equal to minCount ({}).", req.max_count, req.min_count));
  }
  size_t room = kRegionInstanceLimit - std::min(kRegionInstanceLimit, call.state().instances.size());
  if (static_cast<size_t>(req.min_count) > room) {
    return client_error("InstanceLimitExceeded",
                        fmt::format("You have requested more instances ({}) than your current instance limit of "
                                    "{} allows for the specified instance type.", req.min_count, kRegionInstanceLimit));
  }
  req.max_count = std::min<int64_t>(req.max_count, static_cast<int64_t>(room));
  return {};
}

/// Subnet from SubnetId / NetworkInterface.1.SubnetId, else the default subnet of the requested
/// (or a rotating) zone.
Status resolve_subnet(Call& call, LaunchRequest& req) {
  RegionState& region = call.state();
  std::string subnet_id = call.params.get("SubnetId", call.params.get("NetworkInterface.1.SubnetId"));
  if (!subnet_id.empty()) {
    auto it = region.subnets.find(subnet_id);
    if (it == region.subnets.end()) {
      return client_error("InvalidSubnetID.NotFound", fmt::format("The subnet ID '{}' does not exist", subnet_id));
    }
    req.subnet = &it->second;
  } else {
    std::vector<std::string> zones = region.zones();
    std::string zone = call.params.get("Placement.AvailabilityZone");
    if (zone.empty()) zone = zones[call.world->last_seq() % zones.size()];
    if (std::find(zones.begin(), zones.end(), zone) == zones.end()) {
      return invalid_value(fmt::format("Invalid availability zone: [{}]", zone));
    }
    const Subnet* subnet = region.default_subnet(zone);
    if (!subnet) {
      return client_error("VPCIdNotSpecified", "No default VPC for this user. GroupName is only supported for "
                                               "EC2-Classic and default VPC.");
    }
    req.subnet = &region.subnets.at(subnet->id);
  }
  req.map_public_ip = call.params.boolean("NetworkInterface.1.AssociatePublicIpAddress",
                                          req.subnet->map_public_ip_on_launch)
                          .value_or(req.subnet->map_public_ip_on_launch);
  return {};
}

/// Security groups by id (`SecurityGroupId.N` or `NetworkInterface.1.SecurityGroupId.N`) or name
/// (`SecurityGroup.N`); the VPC's default group when none is given.
Status resolve_groups(Call& call, LaunchRequest& req) {
  RegionState& region = call.state();
  std::vector<std::string> ids = call.params.list("SecurityGroupId");
  for (auto& id : call.params.list("NetworkInterface.1.SecurityGroupId")) ids.push_back(id);
  for (const std::string& id : ids) {
    EC2_TRY(check_id_format(id, "sg-", "InvalidGroupId.Malformed"));
    auto it = region.security_groups.find(id);
    if (it == region.security_groups.end()) {
      return client_error("InvalidGroup.NotFound", fmt::format("The security group '{}' does not exist", id));
    }
    if (it->second.vpc_id != req.subnet->vpc_id) {
      return client_error("InvalidParameter", fmt::format("Security group {} and subnet {} belong to different "
                                                          "networks.", id, req.subnet->id));
    }
    req.groups.push_back({it->second.id, it->second.name});
  }
  for (const std::string& name : call.params.list("SecurityGroup")) {
    const SecurityGroup* group = region.find_group_by_name(req.subnet->vpc_id, name);
    if (!group) {
      return client_error("InvalidGroup.NotFound", fmt::format("The security group '{}' does not exist in VPC "
                                                               "'{}'", name, req.subnet->vpc_id));
    }
    req.groups.push_back({group->id, group->name});
  }
  if (req.groups.empty()) {
    const SecurityGroup* group = region.find_group_by_name(req.subnet->vpc_id, "default");
    if (group) req.groups.push_back({group->id, group->name});
  }
  return {};
}

/// IamInstanceProfile.Name or .Arn: a profile of the caller's account in the accounts file.
Status resolve_instance_profile(Call& call, LaunchRequest& req) {
  std::string name = call.params.get("IamInstanceProfile.Name");
  std::string arn = call.params.get("IamInstanceProfile.Arn");
  if (name.empty() && arn.empty()) return {};
  if (!name.empty() && !arn.empty()) {
    return invalid_combination("The parameter 'iamInstanceProfile.name' may not be used in combination with "
                               "'iamInstanceProfile.arn'");
  }
  const Accounts* accounts = call.world->accounts;
  const InstanceProfile* profile = accounts ? accounts->find_profile(call.account(), name.empty() ? arn : name) : nullptr;
  if (!profile) {
    return invalid_value(fmt::format("Value ({}) for parameter iamInstanceProfile.{} is invalid. Invalid IAM Instance "
                                     "Profile {}", name.empty() ? arn : name, name.empty() ? "arn" : "name",
                                     name.empty() ? "ARN" : "name"));
  }
  req.instance_profile_arn = profile->arn();
  return {};
}

Status resolve_options(Call& call, LaunchRequest& req) {
  req.key_name = call.params.get("KeyName");
  if (!req.key_name.empty() && !call.state().key_pairs.count(req.key_name)) {
    return client_error("InvalidKeyPair.NotFound", fmt::format("The key pair '{}' does not exist", req.key_name));
  }
  req.user_data = call.params.get("UserData");
  if (!req.user_data.empty()) EC2_TRY(check_user_data(req.user_data));
  EC2_TRY(resolve_instance_profile(call, req));
  req.shutdown_behavior = call.params.get("InstanceInitiatedShutdownBehavior", "stop");
  if (req.shutdown_behavior != "stop" && req.shutdown_behavior != "terminate") {
    return invalid_value("InstanceInitiatedShutdownBehavior", req.shutdown_behavior);
  }
  auto specs = call.params.tag_specifications();
  if (!specs) return specs.error();
  for (const TagSpecification& spec : *specs) {
    if (spec.resource_type != "instance" && spec.resource_type != "volume" &&
        spec.resource_type != "network-interface") {
      return invalid_value(fmt::format("'{}' is not a valid taggable resource type for this operation.",
                                       spec.resource_type));
    }
    EC2_TRY(check_tags(spec.tags));
    if (spec.resource_type == "instance") {
      req.instance_tags.insert(req.instance_tags.end(), spec.tags.begin(), spec.tags.end());
    }
  }
  auto monitoring = call.params.boolean("Monitoring.Enabled");
  if (!monitoring) return monitoring.error();
  req.monitoring = *monitoring;
  auto ebs = call.params.boolean("EbsOptimized");
  if (!ebs) return ebs.error();
  req.ebs_optimized = *ebs;
  return {};
}

Status launch(Call& call, const LaunchRequest& req, std::vector<Instance*>& out) {
  World& world = *call.world;
  RegionState& region = call.state();
  std::string reservation = world.ids.next("r-");
  for (int64_t n = 0; n < req.max_count; ++n) {
    auto ip = allocate_private_ip(world, *req.subnet);
    if (!ip) return ip.error();
    Instance instance;
    instance.seq = world.next_seq();
    instance.id = world.ids.next("i-");
    instance.reservation_id = reservation;
    instance.image_id = req.image->id;
    instance.instance_type = std::string(req.type->name);
    instance.key_name = req.key_name;
    instance.availability_zone = req.subnet->availability_zone;
    instance.vpc_id = req.subnet->vpc_id;
    instance.subnet_id = req.subnet->id;
    instance.private_ip = std::move(*ip);
    instance.architecture = req.image->architecture;
    instance.platform = req.image->platform;
    instance.root_device_name = req.image->root_device_name;
    instance.user_data = req.user_data;
    instance.iam_instance_profile_arn = req.instance_profile_arn;
    instance.shutdown_behavior = req.shutdown_behavior;
    instance.client_token = call.params.get("ClientToken");
    instance.root_volume_id = world.ids.next("vol-");
    instance.network_interface_id = world.ids.next("eni-");
    uint64_t mac = world.ids.next_u64();
    instance.mac_address = fmt::format("0e:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", mac & 0xff, (mac >> 8) & 0xff,
                                       (mac >> 16) & 0xff, (mac >> 24) & 0xff, (mac >> 32) & 0xff);
    instance.groups = req.groups;
    instance.launch_index = static_cast<int>(n);
    instance.monitoring = req.monitoring;
    instance.ebs_optimized = req.ebs_optimized;
    instance.map_public_ip = req.map_public_ip;
    instance.launch_time = call.now;
    Instance& added = region.add_instance(std::move(instance));
    begin_transition(world, region, added, "pending", world.timings.instance_pending, call.now);
    if (!req.instance_tags.empty()) region.tags.set_all(added.id, req.instance_tags);
    out.push_back(&added);
  }
  return {};
}

void write_reservation(XmlWriter& xml, const RegionState& region, const std::vector<Instance*>& instances) {
  xml.leaf("reservationId", instances.front()->reservation_id).leaf("ownerId", active_account_id());
  xml.empty("groupSet");
  xml.open("instancesSet");
  for (const Instance* instance : instances) write_instance(xml, region, *instance);
  xml.close();
}

/// The instances of an earlier launch with the same ClientToken, or an error when the parameters
/// differ. Returns false in `found` when the token is new.
Status replay_client_token(Call& call, uint64_t hash, XmlWriter& xml, bool& found) {
  RegionState& region = call.state();
  auto it = region.client_tokens.find(call.params.get("ClientToken"));
  found = it != region.client_tokens.end();
  if (!found) return {};
  if (it->second.params_hash != hash) {
    return client_error("IdempotentParameterMismatch",
                        "Arguments on this idempotent request are inconsistent with arguments used in previous "
                        "request(s).");
  }
  std::vector<Instance*> instances;
  for (auto& [seq, instance] : region.instances) {
    if (instance.reservation_id == it->second.reservation_id) instances.push_back(&instance);
  }
  if (instances.empty()) return client_error("IdempotentInstanceTerminated", "The instances launched with this "
                                                                             "client token no longer exist.");
  write_reservation(xml, region, instances);
  return {};
}

Status run_instances(Call& call, XmlWriter& xml) {
  std::string token = call.params.get("ClientToken");
  if (token.size() > 64) return invalid_value("ClientToken must be at most 64 characters long");
  uint64_t hash = launch_hash(call.params);
  if (!token.empty()) {
    bool found = false;
    EC2_TRY(replay_client_token(call, hash, xml, found));
    if (found) return {};
  }
  LaunchRequest req;
  EC2_TRY(resolve_image_and_type(call, req));
  EC2_TRY(resolve_counts(call, req));
  EC2_TRY(resolve_subnet(call, req));
  EC2_TRY(resolve_groups(call, req));
  EC2_TRY(resolve_options(call, req));
  EC2_TRY(call.check_dry_run());
  if (req.subnet->available_ips < req.min_count) {
    return client_error("InsufficientFreeAddressesInSubnet",
                        fmt::format("There are not enough free addresses in subnet '{}' to satisfy the requested "
                                    "number of instances.", req.subnet->id));
  }
  req.max_count = std::min<int64_t>(req.max_count, req.subnet->available_ips);
  std::vector<Instance*> launched;
  EC2_TRY(launch(call, req, launched));
  if (!token.empty()) call.state().client_tokens[token] = {hash, launched.front()->reservation_id};
  write_reservation(xml, call.state(), launched);
  return {};
}

void register_run_instances(ActionRegistry& registry) { registry.on("RunInstances", run_instances); }
EC2EMU_MODULE(register_run_instances);

}  // namespace
}  // namespace ec2::emu
