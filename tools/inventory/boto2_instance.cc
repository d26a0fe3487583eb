#include "boto2_instance.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "ec2/model/timestamp.h"

namespace ec2::inventory {
namespace {

using nlohmann::json;

/// The XML text EC2 sent for a scalar botocore value.
std::string xml_text(const std::string& key, const json& value) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (key.size() > 4 && key.compare(key.size() - 4, 4, "Time") == 0) {
      if (auto time = parse_timestamp(text)) return format_timestamp_xml(*time);
    }
    return text;
  }
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_null()) return "";
  return value.dump();
}

/// The XML element name of botocore member `key` (its locationName).
std::string element_name(const std::string& key) {
  static const std::map<std::string, std::string> irregular = {
      {"StateTransitionReason", "reason"},
      {"ElasticGpuAssociations", "elasticGpuAssociationSet"},
      {"ElasticInferenceAcceleratorAssociations", "elasticInferenceAcceleratorAssociationSet"},
      {"Licenses", "licenseSet"},
      {"PublicDnsName", "dnsName"},
      {"PublicIpAddress", "ipAddress"},
      {"ProductCodes", "productCodes"},
      {"SecurityGroups", "groupSet"},
      {"Tags", "tagSet"},
      {"NetworkInterfaces", "networkInterfaceSet"},
      {"BlockDeviceMappings", "blockDeviceMapping"},
      {"State", "instanceState"},
  };
  if (auto it = irregular.find(key); it != irregular.end()) return it->second;
  std::string name = key;
  if (!name.empty()) name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
  return name;
}

/// What boto 2's SAX handler did with an element it had no object for: every leaf below it became
/// an attribute named after the leaf element, then the element itself with its (blank) text.
void fall_through(const std::string& name, const json& value, Boto2Instance& out) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      fall_through(element_name(it.key()), it.value(), out);
    }
    out.attrs.emplace_back(name, PyValue::str(""));
  } else if (value.is_array()) {
    for (const json& item : value) fall_through("item", item, out);
    out.attrs.emplace_back(name, PyValue::str(""));
  } else {
    out.attrs.emplace_back(name, PyValue::str(xml_text(name, value)));
  }
}

/// `attr` = text of `key` when present in `instance`, else None.
PyValue text_of(const json& instance, const char* key) {
  auto it = instance.find(key);
  if (it == instance.end()) return PyValue::none();
  return PyValue::str(xml_text(key, *it));
}

std::optional<std::string> optional_text(const json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

/// Members boto 2's Instance parsed itself (everything else falls through).
bool handled_by_boto2(const std::string& key) {
  static const char* const keys[] = {
      "AmiLaunchIndex", "ImageId", "InstanceId", "InstanceType", "KernelId", "KeyName",
      "LaunchTime", "Monitoring", "Placement", "Platform", "PrivateDnsName", "PrivateIpAddress",
      "ProductCodes", "PublicDnsName", "PublicIpAddress", "RamdiskId", "State", "SubnetId",
      "VpcId", "Architecture", "BlockDeviceMappings", "ClientToken", "EbsOptimized",
      "Hypervisor", "IamInstanceProfile", "NetworkInterfaces", "RootDeviceName",
      "RootDeviceType", "SecurityGroups", "SpotInstanceRequestId", "StateReason", "Tags",
      "VirtualizationType"};
  return std::find(std::begin(keys), std::end(keys), key) != std::end(keys);
}

/// The attributes Instance.__init__ (and its base classes) create, in their order.
void init_attributes(const json& in, Boto2Instance& out) {
  auto monitoring = in.find("Monitoring");
  std::optional<std::string> monitoring_state;
  if (monitoring != in.end()) monitoring_state = optional_text(*monitoring, "State");
  auto has = [&](const char* key) { return in.contains(key); };
  auto& a = out.attrs;
  a.emplace_back("connection", PyValue::object());
  a.emplace_back("id", text_of(in, "InstanceId"));
  a.emplace_back("dns_name", text_of(in, "PublicDnsName"));
  a.emplace_back("public_dns_name", text_of(in, "PublicDnsName"));
  a.emplace_back("private_dns_name", text_of(in, "PrivateDnsName"));
  a.emplace_back("key_name", text_of(in, "KeyName"));
  a.emplace_back("instance_type", text_of(in, "InstanceType"));
  a.emplace_back("launch_time", text_of(in, "LaunchTime"));
  a.emplace_back("image_id", text_of(in, "ImageId"));
  a.emplace_back("kernel", text_of(in, "KernelId"));
  a.emplace_back("ramdisk", text_of(in, "RamdiskId"));
  a.emplace_back("product_codes", PyValue::object());
  a.emplace_back("ami_launch_index", text_of(in, "AmiLaunchIndex"));
  a.emplace_back("monitored", PyValue::boolean(monitoring_state == "enabled"));
  a.emplace_back("monitoring_state",
                 monitoring_state ? PyValue::str(*monitoring_state) : PyValue::none());
  a.emplace_back("spot_instance_request_id", text_of(in, "SpotInstanceRequestId"));
  a.emplace_back("subnet_id", text_of(in, "SubnetId"));
  a.emplace_back("vpc_id", text_of(in, "VpcId"));
  a.emplace_back("private_ip_address", text_of(in, "PrivateIpAddress"));
  a.emplace_back("ip_address", text_of(in, "PublicIpAddress"));
  a.emplace_back("requester_id", PyValue::none());  // boto 2 read requesterId on the reservation
  a.emplace_back("_in_monitoring_element",
                 PyValue::boolean(monitoring != in.end() && !monitoring_state));
  a.emplace_back("persistent", PyValue::boolean(false));
  a.emplace_back("root_device_name", text_of(in, "RootDeviceName"));
  a.emplace_back("root_device_type", text_of(in, "RootDeviceType"));
  a.emplace_back("block_device_mapping",
                 has("BlockDeviceMappings") ? PyValue::object() : PyValue::none());
  a.emplace_back("state_reason", has("StateReason") ? PyValue::object() : PyValue::none());
  a.emplace_back("group_name", PyValue::none());
  a.emplace_back("client_token", text_of(in, "ClientToken"));
  a.emplace_back("eventsSet", PyValue::none());
  a.emplace_back("groups", PyValue::object());
  a.emplace_back("platform", text_of(in, "Platform"));
  a.emplace_back("interfaces", PyValue::object());
  a.emplace_back("hypervisor", text_of(in, "Hypervisor"));
  a.emplace_back("virtualization_type", text_of(in, "VirtualizationType"));
  a.emplace_back("architecture", text_of(in, "Architecture"));
  a.emplace_back("instance_profile",
                 has("IamInstanceProfile") ? PyValue::object() : PyValue::none());
}

/// The members of the botocore Instance shape in the order EC2 writes their elements; members
/// not listed here (newer ones) come after them in name order.
const std::vector<std::string>& element_order() {
  static const std::vector<std::string> order = {
      "AmiLaunchIndex", "ImageId", "InstanceId", "InstanceType", "KernelId", "KeyName",
      "LaunchTime", "Monitoring", "Placement", "Platform", "PrivateDnsName", "PrivateIpAddress",
      "ProductCodes", "PublicDnsName", "PublicIpAddress", "RamdiskId", "State",
      "StateTransitionReason", "SubnetId", "VpcId", "Architecture", "BlockDeviceMappings",
      "ClientToken", "EbsOptimized", "EnaSupport", "Hypervisor", "IamInstanceProfile",
      "InstanceLifecycle", "ElasticGpuAssociations", "ElasticInferenceAcceleratorAssociations",
      "NetworkInterfaces", "OutpostArn", "RootDeviceName", "RootDeviceType", "SecurityGroups",
      "SourceDestCheck", "SpotInstanceRequestId", "SriovNetSupport", "StateReason", "Tags",
      "VirtualizationType", "CpuOptions", "CapacityReservationId",
      "CapacityReservationSpecification", "HibernationOptions", "Licenses", "MetadataOptions",
      "EnclaveOptions", "BootMode", "PlatformDetails", "UsageOperation",
      "UsageOperationUpdateTime", "PrivateDnsNameOptions", "Ipv6Address", "TpmSupport",
      "MaintenanceOptions", "CurrentInstanceBootMode"};
  return order;
}

/// Attributes set while parsing: ebs_optimized and every element that fell through.
void parsed_attributes(const json& in, Boto2Instance& out) {
  std::vector<std::string> keys;
  for (const std::string& key : element_order()) {
    if (in.contains(key)) keys.push_back(key);
  }
  for (auto it = in.begin(); it != in.end(); ++it) {
    const auto& order = element_order();
    if (std::find(order.begin(), order.end(), it.key()) == order.end()) keys.push_back(it.key());
  }
  for (const std::string& key : keys) {
    const json& value = in.at(key);
    if (key == "EbsOptimized") {
      out.attrs.emplace_back("ebs_optimized", PyValue::boolean(value.is_boolean() && value.get<bool>()));
    } else if (key == "Monitoring") {
      out.attrs.emplace_back("monitoring", PyValue::str(""));
    } else if (key == "MetadataOptions" && value.is_object()) {
      json copy = value;
      copy.erase("State");  // boto 2 swallowed <state> outside <monitoring>
      fall_through(element_name(key), copy, out);
    } else if (!handled_by_boto2(key)) {
      fall_through(element_name(key), value, out);
    }
  }
  out.attrs.emplace_back("item", PyValue::str(""));  // end of the instancesSet <item>
}

/// State, placement, tags, groups and block devices.
void special_attributes(const InstanceRecord& record, const json& in, Boto2Instance& out) {
  out.region = record.region;
  if (auto state = in.find("State"); state != in.end() && state->is_object()) {
    out.state = optional_text(*state, "Name");
    if (auto code = state->find("Code"); code != state->end() && code->is_number_integer()) {
      out.state_code = code->get<long>();
    }
  }
  if (auto placement = in.find("Placement"); placement != in.end() && placement->is_object()) {
    out.zone = optional_text(*placement, "AvailabilityZone");
    out.placement_group = optional_text(*placement, "GroupName");
    out.placement_tenancy = optional_text(*placement, "Tenancy");
  }
  if (auto tags = in.find("Tags"); tags != in.end() && tags->is_array()) {
    for (const json& tag : *tags) {
      out.tags.emplace_back(optional_text(tag, "Key").value_or(""),
                            optional_text(tag, "Value").value_or(""));
    }
  }
  if (auto groups = in.find("SecurityGroups"); groups != in.end() && groups->is_array()) {
    for (const json& group : *groups) {
      out.groups.emplace_back(optional_text(group, "GroupId").value_or(""),
                              optional_text(group, "GroupName").value_or(""));
    }
  }
  if (auto devices = in.find("BlockDeviceMappings"); devices != in.end() && devices->is_array()) {
    out.block_devices.emplace();
    for (const json& device : *devices) {
      std::optional<std::string> volume;
      if (auto ebs = device.find("Ebs"); ebs != device.end()) volume = optional_text(*ebs, "VolumeId");
      out.block_devices->emplace_back(optional_text(device, "DeviceName").value_or(""), volume);
    }
  }
}

}  // namespace

bool PyValue::truthy() const {
  switch (kind) {
    case Kind::None: return false;
    case Kind::Bool: return flag;
    case Kind::Int: return number != 0;
    case Kind::Str: return !text.empty();
    case Kind::Object: return true;
  }
  return false;
}

std::string PyValue::to_str() const {
  switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return flag ? "True" : "False";
    case Kind::Int: return std::to_string(number);
    case Kind::Str: return text;
    case Kind::Object: return "";
  }
  return "";
}

std::optional<PyValue> Boto2Instance::getattr(const std::string& name) const {
  auto opt = [](const std::optional<std::string>& v) {
    return v ? PyValue::str(*v) : PyValue::none();
  };
  if (name == "state") return opt(state);
  if (name == "state_code") return PyValue::integer(state_code);
  if (name == "previous_state") return PyValue::none();
  if (name == "previous_state_code") return PyValue::integer(0);
  if (name == "placement") return opt(zone);
  if (name == "placement_group") return opt(placement_group);
  if (name == "placement_tenancy") return opt(placement_tenancy);
  if (name == "region" || name == "tags" || name == "_state" || name == "_placement") {
    return PyValue::object();
  }
  if (name == "_previous_state") return PyValue::none();
  std::optional<PyValue> found;
  for (const auto& [attr, value] : attrs) {
    if (attr == name) found = value;
  }
  return found;
}

const std::string* Boto2Instance::tag(const std::string& key) const {
  const std::string* found = nullptr;
  for (const auto& [k, v] : tags) {
    if (k == key) found = &v;
  }
  return found;
}

std::string Boto2Instance::text(const std::string& name) const {
  auto value = getattr(name);
  return value && value->kind == PyValue::Kind::Str ? value->text : std::string();
}

Boto2Instance to_boto2(const InstanceRecord& record) {
  Boto2Instance out;
  json instance = instance_json(record);
  if (instance.is_object()) {
    init_attributes(instance, out);
    parsed_attributes(instance, out);
  }
  special_attributes(record, instance, out);
  return out;
}

namespace {

/// Length of the UTF-8 sequence starting with `lead` (1 for invalid bytes, each replaced alone).
size_t sequence_length(unsigned char lead, size_t remaining) {
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
                : (lead >> 3) == 0x1E ? 4 : 1;
  return length <= remaining ? length : 1;
}

std::string python_strip(const std::string& text) {
  const char* space = " \t\n\r\f\v";
  size_t begin = text.find_first_not_of(space);
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(space) - begin + 1);
}

/// Python's `[x.strip() for x in v.split(',')]`.
nlohmann::json csv_parts(const std::string& value) {
  nlohmann::json parts = nlohmann::json::array();
  size_t start = 0;
  for (;;) {
    size_t comma = value.find(',', start);
    parts.push_back(python_strip(value.substr(start, comma == std::string::npos ? comma : comma - start)));
    if (comma == std::string::npos) return parts;
    start = comma + 1;
  }
}

std::string basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string to_safe(const std::string& word, bool keep_dash) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (std::isalnum(c) || c == '_' || (keep_dash && c == '-')) {
      out += static_cast<char>(c);
      ++i;
    } else {
      out += '_';
      i += sequence_length(c, word.size() - i);
    }
  }
  return out;
}

nlohmann::json contrib_hostvars(const Boto2Instance& instance,
                                const std::optional<std::string>& account_id,
                                bool expand_csv_tags, bool replace_dash) {
  bool keep_dash = !replace_dash;
  nlohmann::json vars = nlohmann::json::object();
  for (const auto& [name, value] : instance.attrs) {
    std::string key = to_safe("ec2_" + name, keep_dash);
    switch (value.kind) {
      case PyValue::Kind::Bool: vars[key] = value.flag; break;
      case PyValue::Kind::Int: vars[key] = value.number; break;
      case PyValue::Kind::Str: vars[key] = python_strip(value.text); break;
      case PyValue::Kind::None: vars[key] = ""; break;
      case PyValue::Kind::Object: break;  // lists and sub-objects the script left out
    }
  }
  vars["ec2_state"] = instance.state.value_or("");
  vars["ec2_state_code"] = instance.state_code;
  vars["ec2_previous_state"] = "";
  vars["ec2_previous_state_code"] = 0;
  vars["ec2_placement"] = instance.zone ? nlohmann::json(*instance.zone) : nlohmann::json();
  vars["ec2_region"] = instance.region;
  for (const auto& [key, value] : instance.tags) {
    std::string name = to_safe("ec2_tag_" + key, keep_dash);
    if (expand_csv_tags && value.find(',') != std::string::npos) {
      vars[name] = csv_parts(value);
    } else {
      vars[name] = value;
    }
  }
  std::string ids, names;
  for (size_t i = 0; i < instance.groups.size(); ++i) {
    ids += (i ? "," : "") + instance.groups[i].first;
    names += (i ? "," : "") + instance.groups[i].second;
  }
  vars["ec2_security_group_ids"] = ids;
  vars["ec2_security_group_names"] = names;
  if (instance.block_devices) {
    nlohmann::json devices = nlohmann::json::object();
    for (const auto& [device, volume] : *instance.block_devices) {
      devices[basename(device)] = volume ? nlohmann::json(*volume) : nlohmann::json();
    }
    vars["ec2_block_devices"] = std::move(devices);
  }
  vars["ec2_account_id"] = account_id ? nlohmann::json(*account_id) : nlohmann::json();
  return vars;
}

}  // namespace ec2::inventory
