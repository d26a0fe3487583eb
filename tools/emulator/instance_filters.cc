// The DescribeInstances filter names (listed in docs/emulator.md).
#include "instances.h"

namespace ec2::emu {
namespace {

std::string_view view(const std::string& s) { return s; }

/// Emits a value computed into a temporary string.
template <class F>
FilterSet<Instance>::Getter computed(F make) {
  return [make](const Instance& i, const EmitValue& emit) {
    std::string value = make(i);
    if (!value.empty()) emit(value);
  };
}

void emit_group_ids(const Instance& i, const EmitValue& emit) {
  for (const GroupRef& g : i.groups) {
    if (emit(g.id)) return;
  }
}

void emit_group_names(const Instance& i, const EmitValue& emit) {
  for (const GroupRef& g : i.groups) {
    if (emit(g.name)) return;
  }
}

/// The region is not part of an Instance; DNS names are derived from the zone's region.
std::string region_of(const Instance& i) {
  return i.availability_zone.substr(0, i.availability_zone.size() - 1);
}

void add_identity_filters(FilterSet<Instance>& s) {
  s.value("instance-id", [](const Instance& i) { return view(i.id); })
      .value("reservation-id", [](const Instance& i) { return view(i.reservation_id); })
      .value("owner-id", [](const Instance&) { return active_account_id(); })
      .value("iam-instance-profile.arn", [](const Instance& i) { return std::string_view(i.iam_instance_profile_arn); })
      .value("image-id", [](const Instance& i) { return view(i.image_id); })
      .value("instance-type", [](const Instance& i) { return view(i.instance_type); })
      .value("key-name", [](const Instance& i) { return view(i.key_name); })
      .value("architecture", [](const Instance& i) { return view(i.architecture); })
      .value("platform", [](const Instance& i) { return view(i.platform); })
      .value("platform-details", [](const Instance& i) {
        return std::string_view(i.platform == "windows" ? "Windows" : "Linux/UNIX");
      })
      .value("client-token", [](const Instance& i) { return view(i.client_token); })
      .field("launch-index", computed([](const Instance& i) { return std::to_string(i.launch_index); }))
      .field("launch-time", computed([](const Instance& i) { return iso8601(i.launch_time); }))
      .value("hypervisor", [](const Instance&) { return std::string_view("xen"); })
      .value("virtualization-type", [](const Instance&) { return std::string_view("hvm"); })
      .value("root-device-type", [](const Instance&) { return std::string_view("ebs"); })
      .value("root-device-name", [](const Instance& i) { return view(i.root_device_name); })
      .value("tenancy", [](const Instance&) { return std::string_view("default"); })
      .value("placement-group-name", [](const Instance&) { return std::string_view(); })
      .value("instance-lifecycle", [](const Instance&) { return std::string_view(); })
      .value("monitoring-state", [](const Instance& i) { return std::string_view(i.monitoring ? "enabled" : "disabled"); })
      .value("ebs-optimized", [](const Instance& i) { return std::string_view(i.ebs_optimized ? "true" : "false"); })
      .value("ena-support", [](const Instance&) { return std::string_view("true"); })
      .value("source-dest-check", [](const Instance&) { return std::string_view("true"); })
      .value("block-device-mapping.device-name", [](const Instance& i) { return view(i.root_device_name); })
      .value("block-device-mapping.volume-id", [](const Instance& i) { return view(i.root_volume_id); })
      .value("block-device-mapping.status", [](const Instance&) { return std::string_view("attached"); });
}

void add_state_filters(FilterSet<Instance>& s) {
  s.value("instance-state-name", [](const Instance& i) { return view(i.state); })
      .field("instance-state-code", computed([](const Instance& i) { return std::to_string(instance_state_code(i.state)); }))
      .value("reason", [](const Instance& i) { return view(i.transition_reason); })
      .value("state-reason-code", [](const Instance& i) { return view(i.state_reason_code); })
      .value("state-reason-message", [](const Instance& i) { return view(i.state_reason_message); });
}

void add_network_filters(FilterSet<Instance>& s) {
  auto private_dns = computed([](const Instance& i) { return private_dns_name(region_of(i), i.private_ip); });
  auto public_dns = computed([](const Instance& i) { return public_dns_name(region_of(i), i.public_ip); });
  s.value("availability-zone", [](const Instance& i) { return view(i.availability_zone); })
      .value("placement.availability-zone", [](const Instance& i) { return view(i.availability_zone); })
      .value("vpc-id", [](const Instance& i) { return view(i.vpc_id); })
      .value("subnet-id", [](const Instance& i) { return view(i.subnet_id); })
      .value("private-ip-address", [](const Instance& i) { return view(i.private_ip); })
      .value("ip-address", [](const Instance& i) { return view(i.public_ip); })
      .value("association.public-ip", [](const Instance& i) { return view(i.public_ip); })
      .value("network-interface.addresses.private-ip-address", [](const Instance& i) { return view(i.private_ip); })
      .value("network-interface.addresses.association.public-ip", [](const Instance& i) { return view(i.public_ip); })
      .value("network-interface.network-interface-id", [](const Instance& i) { return view(i.network_interface_id); })
      .value("network-interface.subnet-id", [](const Instance& i) { return view(i.subnet_id); })
      .value("network-interface.vpc-id", [](const Instance& i) { return view(i.vpc_id); })
      .value("network-interface.mac-address", [](const Instance& i) { return view(i.mac_address); })
      .value("network-interface.status", [](const Instance&) { return std::string_view("in-use"); })
      .field("private-dns-name", private_dns)
      .field("network-interface.private-dns-name", private_dns)
      .field("dns-name", public_dns)
      .field("network-interface.association.public-dns-name", public_dns)
      .field("instance.group-id", emit_group_ids)
      .field("instance.group-name", emit_group_names)
      .field("group-id", emit_group_ids)
      .field("group-name", emit_group_names)
      .field("network-interface.group-id", emit_group_ids)
      .field("network-interface.group-name", emit_group_names);
}

}  // namespace

const FilterSet<Instance>& instance_filters() {
  static const FilterSet<Instance> set = [] {
    FilterSet<Instance> s;
    add_identity_filters(s);
    add_state_filters(s);
    add_network_filters(s);
    s.with_tags([](const Instance& i) { return view(i.id); });
    return s;
  }();
  return set;
}

}  // namespace ec2::emu
