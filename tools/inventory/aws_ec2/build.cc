// build_inventory: instance selection, hostnames, hostvars and constructed groups, in the order the
// plugin applies them, so group and host order match ansible-inventory's output.

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_set>

#include "aws_ec2.h"
#include "build_options.h"
#include "constructed.h"
#include "inventory_model.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// The plugin's _query: included instances minus excluded ones, first occurrence of each id kept,
/// sorted by instance id.
std::vector<const InstanceRecord*> select_instances(const std::vector<InstanceRecord>& included,
                                                    const std::vector<InstanceRecord>& excluded) {
  std::unordered_set<std::string> ignore;
  for (const auto& r : excluded) ignore.insert(instance_id(r));
  std::vector<std::pair<std::string, const InstanceRecord*>> keyed;
  for (const auto& r : included) {
    std::string id = instance_id(r);
    if (ignore.insert(id).second) keyed.emplace_back(std::move(id), &r);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const InstanceRecord*> selected;
  selected.reserve(keyed.size());
  for (const auto& [id, record] : keyed) selected.push_back(record);
  return selected;
}

/// What one instance contributes before it meets the model: its host names and variables.
struct Converted {
  std::vector<std::string> names;
  Result<Json> hostvars = Json();
};

Converted convert(const BuildOptions& options, const InstanceRecord& record) {
  Json instance = boto3_instance(record);
  Converted out;
  if (options.allow_duplicated_hosts) {
    out.names = all_hostnames(instance, options.hostnames, options.sanitizer());
  } else if (auto name = preferred_hostname(instance, options.hostnames, options.sanitizer())) {
    out.names.push_back(*name);
  }
  if (!out.names.empty()) out.hostvars = instance_hostvars(instance, options.hostvars);
  return out;
}

/// Converts every record, on every core: each conversion reads only its own record, and only the
/// model (filled afterwards, in order) is shared.
std::vector<Converted> convert_all(const BuildOptions& options, const std::vector<const InstanceRecord*>& records) {
  std::vector<Converted> out(records.size());
  constexpr size_t kChunk = 64;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t begin = next.fetch_add(kChunk); begin < records.size(); begin = next.fetch_add(kChunk)) {
      for (size_t i = begin; i < std::min(begin + kChunk, records.size()); ++i) out[i] = convert(options, *records[i]);
    }
  };
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), records.size() / kChunk + 1);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
  return out;
}

Status add_instance(const BuildOptions& options, Converted& converted, InventoryModel& model) {
  const std::vector<std::string>& names = converted.names;
  if (names.empty()) return {};
  if (!converted.hostvars) return converted.hostvars.error();
  Json& hostvars = *converted.hostvars;
  // Without constructed rules nothing reads the variables again: the last host can take them.
  bool constructed = !options.compose.empty() || !options.groups.empty() || !options.keyed_groups.empty();
  for (size_t i = 0; i < names.size(); ++i) {
    model.add_host(names[i], "aws_ec2");
    if (!constructed && i + 1 == names.size()) {
      model.set_variables(names[i], std::move(hostvars));
      break;
    }
    model.set_variables(names[i], hostvars);
    if (auto s = apply_constructed(options, hostvars, names[i], model); !s) return s;
  }
  converted.hostvars = Json();
  return {};
}

}  // namespace

Result<std::string> build_inventory_text(const AwsEc2Config& config, const std::vector<InstanceRecord>& included,
                                         const std::vector<InstanceRecord>& excluded) {
  const BuildOptions& options = *config.build;
  InventoryModel model(options.source);
  model.add_group("aws_ec2");
  std::vector<Converted> converted = convert_all(options, select_instances(included, excluded));
  for (Converted& instance : converted) {
    if (auto s = add_instance(options, instance, model); !s) {
      return s.error().with_context("build the inventory from " + config.path);
    }
  }
  if (auto s = model.add_child("all", "aws_ec2"); !s) return s.error();
  return model.list_text();
}

Result<nlohmann::json> build_inventory(const AwsEc2Config& config, const std::vector<InstanceRecord>& included,
                                       const std::vector<InstanceRecord>& excluded) {
  auto text = build_inventory_text(config, included, excluded);
  if (!text) return text.error();
  return nlohmann::json::parse(*text);
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
