// Instance lifecycle: Start/Stop/Terminate, the state machine and address allocation.
#include "instances.h"

#include <fmt/format.h>

#include "api_error.h"
#include "cidr.h"
#include "describe.h"
#include "registry.h"

namespace ec2::emu {

std::string private_dns_name(std::string_view region, std::string_view private_ip) {
  std::string dashed(private_ip);
  for (char& c : dashed) c = c == '.' ? '-' : c;
  if (region == "us-east-1") return fmt::format("ip-{}.ec2.internal", dashed);
  return fmt::format("ip-{}.{}.compute.internal", dashed, region);
}

std::string public_dns_name(std::string_view region, std::string_view public_ip) {
  if (public_ip.empty()) return {};
  std::string dashed(public_ip);
  for (char& c : dashed) c = c == '.' ? '-' : c;
  if (region == "us-east-1") return fmt::format("ec2-{}.compute-1.amazonaws.com", dashed);
  return fmt::format("ec2-{}.{}.compute.amazonaws.com", dashed, region);
}

Result<std::string> allocate_private_ip(World& world, Subnet& subnet) {
  auto cidr = parse_cidr4(subnet.cidr_block, false);
  if (!cidr) return internal_error("Subnet " + subnet.id + " has an invalid CIDR block");
  uint32_t& next = world.subnet_next_host[subnet.id];
  if (next < 4) next = 4;  // EC2 reserves the first four addresses and the last one.
  if (next + 1 >= cidr->size() || subnet.available_ips <= 0) {
    return client_error("InsufficientFreeAddressesInSubnet",
                        fmt::format("There are not enough free addresses in subnet '{}' to satisfy the "
                                    "requested number of instances.", subnet.id));
  }
  --subnet.available_ips;
  return format_ipv4(cidr->base + next++);
}

std::string allocate_public_ip(World& world) {
  // 3.208.0.0/12 walked with an odd stride: unique, random-looking, never .0 or .255.
  while (true) {
    uint64_t n = world.public_ips_issued++;
    uint32_t host = static_cast<uint32_t>((n * 0x9E3B5) & 0xFFFFF);
    uint32_t address = (3u << 24) | (208u << 16) | host;
    if ((address & 0xff) != 0 && (address & 0xff) != 255) return format_ipv4(address);
  }
}

void begin_transition(World& world, const RegionState& region, Instance& instance, std::string_view state,
                      Duration duration, TimePoint now) {
  instance.state = std::string(state);
  instance.next_at = now + world.timings.scaled(duration);
  world.schedule(region.name, "instance", instance.id, instance.next_at);
}

void enter_running(World& world, const RegionState& region, Instance& instance, TimePoint now) {
  instance.state = "running";
  instance.state_reason_code.clear();
  instance.state_reason_message.clear();
  instance.transition_reason.clear();
  if (instance.map_public_ip && instance.public_ip.empty()) instance.public_ip = allocate_public_ip(world);
  instance.status_ok = false;
  instance.status_ok_at = now + world.timings.scaled(world.timings.status_initializing);
  world.schedule(region.name, "instance-status", instance.id, instance.status_ok_at);
}

namespace {

std::string user_initiated(TimePoint now) {
  std::string iso = iso8601(now);  // 2024-01-02T03:04:05.000Z
  return fmt::format("User initiated ({} {} GMT)", iso.substr(0, 10), iso.substr(11, 8));
}

/// Applies the end of a transitional state (scheduled by begin_transition).
void on_instance_due(World& world, RegionState& region, const ScheduledEvent& event) {
  Instance* instance = region.find_instance(event.id);
  if (!instance || instance->next_at != event.at) return;
  TimePoint now = world.now();
  if (instance->state == "pending") {
    enter_running(world, region, *instance, now);
  } else if (instance->state == "stopping") {
    instance->state = "stopped";
    instance->public_ip.clear();
    instance->state_reason_code = "Client.UserInitiatedShutdown";
    instance->state_reason_message = "Client.UserInitiatedShutdown: User initiated shutdown";
  } else if (instance->state == "shutting-down") {
    instance->state = "terminated";
    instance->public_ip.clear();
    instance->state_reason_code = "Client.UserInitiatedShutdown";
    instance->state_reason_message = "Client.UserInitiatedShutdown: User initiated shutdown";
    instance->next_at = now + world.timings.scaled(world.timings.terminated_retention);
    world.schedule(region.name, "instance-gone", instance->id, instance->next_at, true);
  }
}

void on_status_due(World&, RegionState& region, const ScheduledEvent& event) {
  Instance* instance = region.find_instance(event.id);
  if (instance && instance->state == "running" && instance->status_ok_at == event.at) instance->status_ok = true;
}

void on_gone_due(World&, RegionState& region, const ScheduledEvent& event) {
  Instance* instance = region.find_instance(event.id);
  if (!instance || instance->state != "terminated" || instance->next_at != event.at) return;
  if (auto subnet = region.subnets.find(instance->subnet_id); subnet != region.subnets.end()) {
    ++subnet->second.available_ips;
  }
  region.remove_instance(event.id);
}

/// Shared body of Start/Stop/Terminate: validates ids, applies `change` to each instance and writes
/// `<SET><item><instanceId/><currentState/><previousState/></item></SET>`.
template <class Change>
Status change_states(Call& call, XmlWriter& xml, std::string_view set_name, Change change) {
  std::vector<std::string> ids = call.params.list("InstanceId");
  if (ids.empty()) return missing_parameter("InstanceId");
  auto instances = find_instances(call.state(), ids);
  if (!instances) return instances.error();
  for (Instance* instance : *instances) EC2_TRY(change(*instance, true));
  EC2_TRY(call.check_dry_run());
  xml.open(set_name);
  for (Instance* instance : *instances) {
    std::string previous = instance->state;
    EC2_TRY(change(*instance, false));
    xml.open("item").leaf("instanceId", instance->id);
    write_instance_state(xml, "currentState", instance->state);
    write_instance_state(xml, "previousState", previous);
    xml.close();
  }
  xml.close();
  return {};
}

Error incorrect_state(const Instance& instance, std::string_view verb) {
  return client_error("IncorrectInstanceState",
                      fmt::format("The instance '{}' is not in a state from which it can be {}.", instance.id, verb));
}

Status stop_instances(Call& call, XmlWriter& xml) {
  World& world = *call.world;
  return change_states(call, xml, "instancesSet", [&](Instance& i, bool check) -> Status {
    if (i.state == "stopped" || i.state == "stopping") return {};
    if (i.state != "running") return incorrect_state(i, "stopped");
    if (check) return {};
    i.transition_reason = user_initiated(call.now);
    begin_transition(world, call.state(), i, "stopping", world.timings.instance_stopping, call.now);
    return {};
  });
}

Status start_instances(Call& call, XmlWriter& xml) {
  World& world = *call.world;
  return change_states(call, xml, "instancesSet", [&](Instance& i, bool check) -> Status {
    if (i.state == "running" || i.state == "pending") return {};
    if (i.state != "stopped") return incorrect_state(i, "started");
    if (check) return {};
    i.state_reason_code.clear();
    i.state_reason_message.clear();
    i.transition_reason.clear();
    begin_transition(world, call.state(), i, "pending", world.timings.instance_pending, call.now);
    return {};
  });
}

Status terminate_instances(Call& call, XmlWriter& xml) {
  World& world = *call.world;
  return change_states(call, xml, "instancesSet", [&](Instance& i, bool check) -> Status {
    if (check || i.state == "terminated" || i.state == "shutting-down") return {};
    i.transition_reason = user_initiated(call.now);
    begin_transition(world, call.state(), i, "shutting-down", world.timings.instance_shutting_down, call.now);
    return {};
  });
}

void register_instances(ActionRegistry& registry) {
  registry.on("StopInstances", stop_instances)
      .on("StartInstances", start_instances)
      .on("TerminateInstances", terminate_instances)
      .on_due("instance", on_instance_due)
      .on_due("instance-status", on_status_due)
      .on_due("instance-gone", on_gone_due);
}
EC2EMU_MODULE(register_instances);

}  // namespace
}  // namespace ec2::emu
