#include "contrib_inventory.h"

#include <algorithm>
#include <cctype>

#include "boto2_instance.h"
#include "python_format.h"

namespace ec2::inventory {
namespace {

using nlohmann::json;

/// ec2.py's push: append `host` to group `key` (a list, or the `hosts` of a dict group).
void push(json& inventory, const std::string& key, const std::string& host) {
  json& group = inventory[key];
  if (group.is_null()) group = json::array();
  if (group.is_object()) {
    json& hosts = group["hosts"];
    if (hosts.is_null()) hosts = json::array();
    hosts.push_back(host);
  } else {
    group.push_back(host);
  }
}

/// ec2.py's push_group: make `child` a child group of `key` (turning a host list into a dict).
void push_group(json& inventory, const std::string& key, const std::string& child) {
  json& group = inventory[key];
  if (group.is_null()) group = json::object();
  if (!group.is_object()) group = json{{"hosts", std::move(group)}};
  json& children = group["children"];
  if (children.is_null()) children = json::array();
  if (std::find(children.begin(), children.end(), child) == children.end()) {
    children.push_back(child);
  }
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

Error attribute_error(const Ec2IniSettings& settings, const std::string& option,
                      const std::string& value, const std::string& what) {
  return make_error(ErrorCategory::Config, "InvalidConfig",
                    settings.path + ": option '" + option + "' = '" + value + "': " + what);
}

/// The address ec2.py chose (nullopt: skip the instance, it cannot be reached).
Result<std::optional<std::string>> destination(const Ec2IniSettings& s, const Boto2Instance& i) {
  if (s.destination_format) {
    std::vector<std::string> values;
    for (const std::string& name : s.destination_format_tags) {
      if (const std::string* tag = i.tag(name)) {
        values.push_back(*tag);
      } else if (auto attr = i.getattr(name)) {
        values.push_back(attr->to_str());
      } else {
        values.push_back("nil");
      }
    }
    auto dest = python_format(*s.destination_format, values);
    if (!dest) return dest.error();
    if (dest->empty()) return std::optional<std::string>();
    return std::optional<std::string>(std::move(*dest));
  }
  bool vpc = i.getattr("subnet_id").value_or(PyValue::none()).truthy();
  const std::string& variable = vpc ? s.vpc_destination_variable : s.destination_variable;
  std::optional<PyValue> value = i.getattr(variable);
  if (!value || value->kind == PyValue::Kind::None) {
    const std::string* tag = i.tag(variable);
    value = tag ? PyValue::str(*tag) : PyValue::none();
  }
  if (value->kind == PyValue::Kind::Object) {
    return attribute_error(s, vpc ? "vpc_destination_variable" : "destination_variable", variable,
                           "this instance attribute is not an address");
  }
  if (!value->truthy()) return std::optional<std::string>();
  return std::optional<std::string>(value->to_str());
}

/// The inventory name ec2.py gave the host.
Result<std::string> hostname(const Ec2IniSettings& s, const Boto2Instance& i,
                             const std::string& dest) {
  const std::string& variable = s.hostname_variable;
  PyValue name;
  if (variable.rfind("tag_", 0) == 0) {
    const std::string* tag = i.tag(variable.substr(4));
    if (tag) name = PyValue::str(*tag);
  } else if (!variable.empty()) {
    auto attr = i.getattr(variable);
    if (!attr) {
      return attribute_error(s, "hostname_variable", variable, "instances have no such attribute");
    }
    name = *attr;
  }
  if (!name.truthy()) return dest;
  if (name.kind != PyValue::Kind::Str) {
    return attribute_error(s, "hostname_variable", variable, "this attribute is not text");
  }
  return lower(to_safe(name.text, !s.replace_dash_in_groups));
}

/// Context shared by the group pushes of one instance.
struct Adder {
  const Ec2IniSettings& s;
  json& inventory;
  const std::string& host;

  void group(const std::string& name, const char* parent) {
    push(inventory, name, host);
    if (s.nested_groups && parent) push_group(inventory, parent, name);
  }
  std::string safe(const std::string& word) const { return to_safe(word, !s.replace_dash_in_groups); }
};

void add_tag_groups(Adder& add, const Boto2Instance& i) {
  for (const auto& [key, value] : i.tags) {
    std::vector<std::string> values;
    if (add.s.expand_csv_tags && value.find(',') != std::string::npos) {
      size_t start = 0;
      for (size_t comma;; start = comma + 1) {
        comma = value.find(',', start);
        std::string part = value.substr(start, comma == std::string::npos ? comma : comma - start);
        size_t b = part.find_first_not_of(" \t\n\r\f\v");
        values.push_back(b == std::string::npos
                             ? ""
                             : part.substr(b, part.find_last_not_of(" \t\n\r\f\v") - b + 1));
        if (comma == std::string::npos) break;
      }
    } else {
      values.push_back(value);
    }
    for (const std::string& v : values) {
      std::string name = add.safe(v.empty() ? "tag_" + key : "tag_" + key + "=" + v);
      push(add.inventory, name, add.host);
      if (add.s.nested_groups) {
        push_group(add.inventory, "tags", add.safe("tag_" + key));
        if (!v.empty()) push_group(add.inventory, add.safe("tag_" + key), name);
      }
    }
  }
}

/// The groups of add_instance, in the script's order.
void add_groups(Adder& add, const Boto2Instance& i, const std::string& region,
                const std::string& account) {
  const GroupBy& by = add.s.group_by;
  std::string id = i.text("id");
  std::string zone = i.zone.value_or("null");
  if (by.instance_id) {
    add.inventory[id] = json::array({add.host});
    if (add.s.nested_groups) push_group(add.inventory, "instances", id);
  }
  if (by.region) add.group(region, "regions");
  if (by.availability_zone) {
    push(add.inventory, zone, add.host);
    if (add.s.nested_groups) {
      if (by.region) push_group(add.inventory, region, zone);
      push_group(add.inventory, "zones", zone);
    }
  }
  if (by.ami_id) add.group(add.safe(i.text("image_id")), "images");
  if (by.instance_type) add.group(add.safe("type_" + i.text("instance_type")), "types");
  if (by.instance_state) {
    add.group(add.safe("instance_state_" + i.state.value_or("")), "instance_states");
  }
  if (by.platform) {
    std::string platform = i.text("platform");
    add.group(add.safe(platform.empty() ? "platform_undefined" : "platform_" + platform), "platforms");
  }
  if (by.key_pair && !i.text("key_name").empty()) {
    add.group(add.safe("key_" + i.text("key_name")), "keys");
  }
  if (by.vpc_id && !i.text("vpc_id").empty()) add.group(add.safe("vpc_id_" + i.text("vpc_id")), "vpcs");
  if (by.security_group) {
    for (const auto& group : i.groups) add.group(add.safe("security_group_" + group.second), "security_groups");
  }
  if (by.aws_account) add.group(account, "accounts");
  if (by.tag_keys) add_tag_groups(add, i);
  if (by.tag_none && i.tags.empty()) add.group("tag_none", "tags");
  push(add.inventory, "ec2", add.host);
}

/// ec2.py's add_instance for one record.
Status add_instance(const Ec2IniSettings& s, const InstanceRecord& record,
                    const std::string& account, json& inventory) {
  Boto2Instance instance = to_boto2(record);
  const auto& states = s.instance_states;
  if (std::find(states.begin(), states.end(), instance.state.value_or("")) == states.end()) return {};
  auto dest = destination(s, instance);
  if (!dest) return dest.error();
  if (!*dest) return {};
  auto host = hostname(s, instance, **dest);
  if (!host) return host.error();
  if (s.pattern_include && !s.pattern_include->match(*host)) return {};
  if (s.pattern_exclude && s.pattern_exclude->match(*host)) return {};
  Adder add{s, inventory, *host};
  add_groups(add, instance, record.region, account);
  json vars = contrib_hostvars(instance, account, s.expand_csv_tags, s.replace_dash_in_groups);
  vars["ansible_host"] = **dest;
  inventory["_meta"]["hostvars"][*host] = std::move(vars);
  return {};
}

}  // namespace

Result<json> build_contrib_inventory(const Ec2IniSettings& settings,
                                     const std::vector<InstanceRecord>& records) {
  json inventory = {{"_meta", {{"hostvars", json::object()}}}};
  std::string account = records.empty() ? "" : records.front().owner_id;
  for (const InstanceRecord& record : records) {
    EC2_TRY(add_instance(settings, record, account, inventory));
  }
  return inventory;
}

json contrib_host_document(const Ec2IniSettings& settings, const InstanceRecord& record,
                           const std::optional<std::string>& account_id) {
  return contrib_hostvars(to_boto2(record), account_id, settings.expand_csv_tags,
                          settings.replace_dash_in_groups);
}

}  // namespace ec2::inventory
