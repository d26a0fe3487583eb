// build_inventory: instance selection, hostnames, hostvars and constructed groups, in the order the
// plugin applies them, so group and host order match ansible-inventory's output.

#include <algorithm>
#include <unordered_set>

#include "aws_ec2.h"
#include "build_options.h"
#include "constructed.h"
#include "inventory_model.h"

namespace ec2::inventory::aws_ec2 {
namespace {

std::string instance_id(const InstanceRecord& r) { return r.instance.value("InstanceId", std::string()); }

/// The plugin's _query: included instances minus excluded ones, first occurrence of each id kept,
/// sorted by instance id.
std::vector<const InstanceRecord*> select_instances(const std::vector<InstanceRecord>& included,
                                                    const std::vector<InstanceRecord>& excluded) {
  std::unordered_set<std::string> ignore;
  for (const auto& r : excluded) ignore.insert(instance_id(r));
  std::vector<const InstanceRecord*> selected;
  for (const auto& r : included) {
    if (ignore.insert(instance_id(r)).second) selected.push_back(&r);
  }
  std::stable_sort(selected.begin(), selected.end(),
                   [](const InstanceRecord* a, const InstanceRecord* b) { return instance_id(*a) < instance_id(*b); });
  return selected;
}

Status add_instance(const BuildOptions& options, const InstanceRecord& record, InventoryModel& model) {
  Json instance = boto3_instance(record);
  std::vector<std::string> names;
  if (options.allow_duplicated_hosts) {
    names = all_hostnames(instance, options.hostnames, options.sanitizer());
  } else if (auto name = preferred_hostname(instance, options.hostnames, options.sanitizer())) {
    names.push_back(*name);
  }
  if (names.empty()) return {};
  auto hostvars = instance_hostvars(instance, options.hostvars);
  if (!hostvars) return hostvars.error();
  for (const auto& name : names) {
    model.add_host(name, "aws_ec2");
    for (const auto& [k, v] : hostvars->items()) model.set_variable(name, k, v);
    if (auto s = apply_constructed(options, *hostvars, name, model); !s) return s;
  }
  return {};
}

}  // namespace

Result<nlohmann::json> build_inventory(const AwsEc2Config& config, const std::vector<InstanceRecord>& included,
                                       const std::vector<InstanceRecord>& excluded) {
  const BuildOptions& options = *config.build;
  InventoryModel model(options.source);
  model.add_group("aws_ec2");
  for (const InstanceRecord* record : select_instances(included, excluded)) {
    if (auto s = add_instance(options, *record, model); !s) {
      return s.error().with_context("build the inventory from " + config.path);
    }
  }
  if (auto s = model.add_child("all", "aws_ec2"); !s) return s.error();
  return nlohmann::json(model.list_json());
}

std::string format_inventory_json(const nlohmann::json& inventory) {
  return inventory.dump(4, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

nlohmann::json host_variables(const nlohmann::json& inventory, const std::string& host) {
  auto meta = inventory.find("_meta");
  if (meta == inventory.end() || !meta->contains("hostvars")) return nlohmann::json::object();
  const auto& hostvars = (*meta)["hostvars"];
  auto it = hostvars.find(host);
  return it == hostvars.end() ? nlohmann::json::object() : *it;
}

}  // namespace ec2::inventory::aws_ec2
