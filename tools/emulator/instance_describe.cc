// DescribeInstances (reservations, filters, pagination by instance) and DescribeInstanceStatus.
#include <algorithm>
#include <charconv>
#include <unordered_set>

#include <fmt/format.h>

#include "api_error.h"
#include "describe.h"
#include "instance_types.h"
#include "accounts.h"
#include "instances.h"
#include "registry.h"

namespace ec2::emu {

void write_instance_state(XmlWriter& xml, std::string_view element, std::string_view state) {
  xml.open(element).leaf("code", instance_state_code(state)).leaf("name", state).close();
}

namespace {

/// A generous size of one instance's XML (about 3 KiB with a few tags), to size the buffer once.
constexpr size_t kInstanceXmlBytes = 4096;

void write_groups(XmlWriter& xml, const Instance& instance) {
  xml.open("groupSet");
  for (const GroupRef& group : instance.groups) {
    xml.open("item").leaf("groupId", group.id).leaf("groupName", group.name).close();
  }
  xml.close();
}

/// The instance's one network interface; `launch` (its launch time as text) is its attach time.
void write_network_interface(XmlWriter& xml, const Instance& instance, std::string_view private_dns,
                             std::string_view public_dns, std::string_view launch) {
  xml.open("networkInterfaceSet").open("item");
  xml.leaf("networkInterfaceId", instance.network_interface_id).leaf("subnetId", instance.subnet_id);
  xml.leaf("vpcId", instance.vpc_id).leaf("description", "").leaf("ownerId", active_account_id());
  xml.leaf("status", "in-use").leaf("macAddress", instance.mac_address);
  xml.leaf("privateIpAddress", instance.private_ip).leaf("privateDnsName", private_dns);
  xml.leaf_bool("sourceDestCheck", true);
  write_groups(xml, instance);
  xml.open("attachment").leaf("attachmentId", "eni-attach-" + instance.network_interface_id.substr(4));
  xml.leaf("deviceIndex", 0).leaf("status", "attached").leaf("attachTime", launch);
  xml.leaf_bool("deleteOnTermination", true).leaf("networkCardIndex", 0).close();
  auto association = [&] {
    if (instance.public_ip.empty()) return;
    xml.open("association").leaf("publicIp", instance.public_ip).leaf("publicDnsName", public_dns);
    xml.leaf("ipOwnerId", "amazon").close();
  };
  association();
  xml.open("privateIpAddressesSet").open("item").leaf("privateIpAddress", instance.private_ip);
  xml.leaf("privateDnsName", private_dns).leaf_bool("primary", true);
  association();
  xml.close().close();
  xml.empty("ipv6AddressesSet").leaf("interfaceType", "interface");
  xml.close().close();
}

}  // namespace

void write_instance(XmlWriter& xml, const RegionState& region, const Instance& instance) {
  std::string private_dns = private_dns_name(region.name, instance.private_ip);
  std::string public_dns = public_dns_name(region.name, instance.public_ip);
  std::string launch = iso8601(instance.launch_time);
  const InstanceTypeInfo* type = find_instance_type(instance.instance_type);
  xml.open("item");
  xml.leaf("instanceId", instance.id).leaf("imageId", instance.image_id);
  write_instance_state(xml, "instanceState", instance.state);
  xml.leaf("privateDnsName", private_dns).leaf("dnsName", public_dns);
  xml.leaf("reason", instance.transition_reason).leaf_if("keyName", instance.key_name);
  xml.leaf("amiLaunchIndex", instance.launch_index).empty("productCodes");
  xml.leaf("instanceType", instance.instance_type).leaf("launchTime", launch);
  xml.open("placement").leaf("availabilityZone", instance.availability_zone).leaf("groupName", "");
  xml.leaf("tenancy", "default").close();
  xml.leaf_if("platform", instance.platform);
  xml.open("monitoring").leaf("state", instance.monitoring ? "enabled" : "disabled").close();
  if (!instance.iam_instance_profile_arn.empty()) {
    xml.open("iamInstanceProfile").leaf("arn", instance.iam_instance_profile_arn);
    xml.leaf("id", iam_unique_id("AIPA", instance.iam_instance_profile_arn)).close();
  }
  xml.leaf("subnetId", instance.subnet_id).leaf("vpcId", instance.vpc_id);
  xml.leaf("privateIpAddress", instance.private_ip).leaf_if("ipAddress", instance.public_ip);
  xml.leaf_bool("sourceDestCheck", true);
  write_groups(xml, instance);
  if (!instance.state_reason_code.empty()) {
    xml.open("stateReason").leaf("code", instance.state_reason_code);
    xml.leaf("message", instance.state_reason_message).close();
  }
  xml.leaf("architecture", instance.architecture).leaf("rootDeviceType", "ebs");
  xml.leaf("rootDeviceName", instance.root_device_name);
  xml.open("blockDeviceMapping").open("item").leaf("deviceName", instance.root_device_name).open("ebs");
  xml.leaf("volumeId", instance.root_volume_id).leaf("status", "attached").leaf("attachTime", launch);
  xml.leaf_bool("deleteOnTermination", true).close().close().close();
  xml.leaf("virtualizationType", "hvm").leaf_if("clientToken", instance.client_token);
  write_tag_set(xml, region.tags.of(instance.id));
  xml.leaf("hypervisor", "xen");
  write_network_interface(xml, instance, private_dns, public_dns, launch);
  xml.leaf_bool("ebsOptimized", instance.ebs_optimized).leaf_bool("enaSupport", true);
  if (type) {
    int threads = type->architecture == "arm64" || type->vcpus == 1 ? 1 : 2;
    xml.open("cpuOptions").leaf("coreCount", type->vcpus / threads).leaf("threadsPerCore", threads).close();
  }
  xml.open("metadataOptions").leaf("state", "applied").leaf("httpTokens", "optional");
  xml.leaf("httpPutResponseHopLimit", 1).leaf("httpEndpoint", "enabled").close();
  xml.leaf("platformDetails", instance.platform == "windows" ? "Windows" : "Linux/UNIX");
  xml.leaf("usageOperation", instance.platform == "windows" ? "RunInstances:0002" : "RunInstances");
  xml.close();
}

Error instances_not_found(const std::vector<std::string>& missing) {
  if (missing.size() == 1) {
    return client_error("InvalidInstanceID.NotFound", fmt::format("The instance ID '{}' does not exist", missing[0]));
  }
  return client_error("InvalidInstanceID.NotFound",
                      fmt::format("The instance IDs '{}' do not exist", fmt::join(missing, ", ")));
}

Result<std::vector<Instance*>> find_instances(RegionState& region, const std::vector<std::string>& ids) {
  std::vector<Instance*> found;
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    EC2_TRY(check_id_format(id, "i-", "InvalidInstanceID.Malformed"));
    Instance* instance = region.find_instance(id);
    if (instance) found.push_back(instance);
    else missing.push_back(id);
  }
  if (!missing.empty()) return instances_not_found(missing);
  return found;
}

namespace {

/// Selection and paging shared by DescribeInstances and DescribeInstanceStatus.
struct Listing {
  std::vector<const Instance*> page;
  std::string next_token;
};

/// Walks instances in launch order from the page position, keeping those `keep` accepts, up to
/// MaxResults; sets the NextToken when more remain.
template <class Keep>
Result<Listing> list_instances(Call& call, std::string_view kind, Keep keep) {
  auto page = page_request(call.params, kind, 5, 1000);
  if (!page) return page.error();
  if (page->max_results && call.params.indices("InstanceId").size() > 0) {
    return invalid_combination("The parameter instancesSet cannot be used with the parameter maxResults");
  }
  uint64_t start = 0;
  if (!page->position.empty()) {
    auto [end, ec] = std::from_chars(page->position.data(), page->position.data() + page->position.size(), start);
    if (ec != std::errc()) return client_error("InvalidPaginationToken", "The specified pagination token is not valid or is expired.");
  }
  Listing listing;
  size_t limit = page->max_results ? static_cast<size_t>(*page->max_results) : SIZE_MAX;
  const RegionState& region = call.state();
  for (auto it = region.instances.lower_bound(start); it != region.instances.end(); ++it) {
    if (!keep(it->second)) continue;
    if (listing.page.size() == limit) {
      listing.next_token = make_page_token(kind, std::to_string(it->first));
      break;
    }
    listing.page.push_back(&it->second);
  }
  return listing;
}

/// Parses InstanceId.N into a set (all must exist).
Result<std::unordered_set<std::string>> requested_ids(Call& call) {
  std::vector<std::string> ids = call.params.list("InstanceId");
  auto found = find_instances(call.state(), ids);
  if (!found) return found.error();
  return std::unordered_set<std::string>(ids.begin(), ids.end());
}

Status describe_instances(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(instance_filters().validate(*filters));
  auto ids = requested_ids(call);
  if (!ids) return ids.error();
  const RegionState& region = call.state();
  auto listing = list_instances(call, "instances", [&](const Instance& instance) {
    return (ids->empty() || ids->count(instance.id)) && instance_filters().matches(instance, *filters, region.tags);
  });
  if (!listing) return listing.error();
  const auto& page = listing->page;
  xml.reserve(page.size() * kInstanceXmlBytes);
  xml.open("reservationSet");
  for (size_t i = 0; i < page.size();) {
    size_t end = i;
    while (end < page.size() && page[end]->reservation_id == page[i]->reservation_id) ++end;
    xml.open("item").leaf("reservationId", page[i]->reservation_id).leaf("ownerId", active_account_id());
    xml.empty("groupSet").open("instancesSet");
    for (; i < end; ++i) write_instance(xml, region, *page[i]);
    xml.close().close();
  }
  xml.close();
  xml.leaf_if("nextToken", listing->next_token);
  return {};
}

std::string_view status_of(const Instance& instance) {
  if (instance.state != "running") return "not-applicable";
  return instance.status_ok ? "ok" : "initializing";
}

void write_status_block(XmlWriter& xml, std::string_view element, std::string_view status) {
  std::string_view detail = status == "ok" ? "passed" : status == "initializing" ? "initializing" : "not-applicable";
  xml.open(element).leaf("status", status).open("details").open("item");
  xml.leaf("name", "reachability").leaf("status", detail).close().close().close();
}

const FilterSet<Instance>& status_filters() {
  static const FilterSet<Instance> set = [] {
    FilterSet<Instance> s;
    s.value("availability-zone", [](const Instance& i) { return std::string_view(i.availability_zone); })
        .value("instance-state-name", [](const Instance& i) { return std::string_view(i.state); })
        .field("instance-state-code", [](const Instance& i, const EmitValue& emit) {
          emit(std::to_string(instance_state_code(i.state)));
        })
        .value("instance-status.status", status_of)
        .value("system-status.status", status_of)
        .value("instance-status.reachability", [](const Instance& i) {
          std::string_view s = status_of(i);
          return s == "ok" ? std::string_view("passed") : s;
        })
        .value("system-status.reachability", [](const Instance& i) {
          std::string_view s = status_of(i);
          return s == "ok" ? std::string_view("passed") : s;
        });
    return s;
  }();
  return set;
}

Status describe_instance_status(Call& call, XmlWriter& xml) {
  auto filters = call.params.filters();
  if (!filters) return filters.error();
  EC2_TRY(status_filters().validate(*filters));
  auto include_all = call.params.boolean("IncludeAllInstances");
  if (!include_all) return include_all.error();
  auto ids = requested_ids(call);
  if (!ids) return ids.error();
  const RegionState& region = call.state();
  auto listing = list_instances(call, "instance-status", [&](const Instance& instance) {
    if (!*include_all && instance.state != "running") return false;
    return (ids->empty() || ids->count(instance.id)) && status_filters().matches(instance, *filters, region.tags);
  });
  if (!listing) return listing.error();
  xml.open("instanceStatusSet");
  for (const Instance* instance : listing->page) {
    xml.open("item").leaf("instanceId", instance->id).leaf("availabilityZone", instance->availability_zone);
    write_instance_state(xml, "instanceState", instance->state);
    write_status_block(xml, "systemStatus", status_of(*instance));
    write_status_block(xml, "instanceStatus", status_of(*instance));
    xml.empty("eventsSet").close();
  }
  xml.close();
  xml.leaf_if("nextToken", listing->next_token);
  return {};
}

void register_describe_instances(ActionRegistry& registry) {
  registry.on("DescribeInstances", describe_instances).on("DescribeInstanceStatus", describe_instance_status);
}
EC2EMU_MODULE(register_describe_instances);

}  // namespace
}  // namespace ec2::emu
