// build_inventory: instance selection, hostnames, hostvars and constructed groups, in the order the
// plugin applies them, so group and host order match ansible-inventory's output.

#include <algorithm>
#include <atomic>
#include <deque>
#include <string_view>
#include <thread>

#include "aws_ec2.h"
#include "config/build_options.h"
#include "output/constructed.h"
#include "ec2/model/json_builder.h"
#include "ec2/model/visit.h"
#include "fetch/hostvars_text.h"
#include "output/inventory_model.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// The record's instance id, viewed in the record when set at fetch time, else computed and kept in
/// `computed` (a deque: its strings stay where they are).
std::string_view id_of(const InstanceRecord& record, std::deque<std::string>& computed) {
  if (!record.id.empty()) return record.id;
  return computed.emplace_back(instance_id(record));
}

/// The position of the record's account among the run's accounts (0 outside many-account runs).
size_t account_of(const InstanceRecord& record) { return record.account ? record.account->index : 0; }

/// The plugin's _query: included instances minus excluded ones, first occurrence of each id kept,
/// sorted by instance id; in a many-account run, per account (in account order), an instance
/// excluded or repeated only within its own account. Ids are viewed, not copied: the records
/// outlive the selection.
std::vector<InstanceRecord*> select_instances(std::vector<InstanceRecord>& included,
                                              const std::vector<InstanceRecord>& excluded) {
  using Key = std::pair<size_t, std::string_view>;
  std::deque<std::string> computed;
  std::vector<Key> ignore;
  ignore.reserve(excluded.size());
  for (const auto& r : excluded) ignore.emplace_back(account_of(r), id_of(r, computed));
  std::sort(ignore.begin(), ignore.end());
  std::vector<std::pair<Key, InstanceRecord*>> keyed;
  keyed.reserve(included.size());
  for (auto& r : included) {
    Key key{account_of(r), id_of(r, computed)};
    if (!std::binary_search(ignore.begin(), ignore.end(), key)) keyed.emplace_back(key, &r);
  }
  // By key, and records of one key in fetch order (their addresses in `included`), so the first
  // of each run of equal keys is the first occurrence.
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return a.first < b.first || (a.first == b.first && std::less<>()(a.second, b.second));
  });
  std::vector<InstanceRecord*> selected;
  selected.reserve(keyed.size());
  for (size_t i = 0; i < keyed.size(); ++i) {
    if (i == 0 || keyed[i].first != keyed[i - 1].first) selected.push_back(keyed[i].second);
  }
  return selected;
}

/// What record_preparer leaves in InstanceRecord::prepared: the host names and, when there are
/// any, the variables as packed --list text (or why the instance could not be read).
struct PreparedHost {
  std::vector<std::string> names;
  Result<PackedText> vars = PackedText();
};

std::vector<std::string> hostnames_of(const BuildOptions& options, const Json& instance) {
  if (options.allow_duplicated_hosts) return all_hostnames(instance, options.hostnames, options.sanitizer());
  if (auto name = preferred_hostname(instance, options.hostnames, options.sanitizer())) return {*name};
  return {};
}

/// What one instance contributes before it meets the model: its host names and variables.
struct Converted {
  std::vector<std::string> names;
  Result<Json> hostvars = Json();
  const AccountInfo* account = nullptr;  ///< In a many-account run.
};

Converted convert(const BuildOptions& options, const InstanceRecord& record) {
  Json instance = boto3_instance(record);
  Converted out;
  out.account = record.account.get();
  out.names = hostnames_of(options, instance);
  if (!out.names.empty()) out.hostvars = instance_hostvars(instance, options.hostvars);
  return out;
}

bool has_constructed_rules(const BuildOptions& options) {
  return !options.compose.empty() || !options.groups.empty() || !options.keyed_groups.empty();
}

/// Converts every record record_preparer has not prepared, on every core: each conversion reads
/// only its own record, and only the model (filled afterwards, in order) is shared. Empty when
/// every record is prepared.
std::vector<Converted> convert_all(const BuildOptions& options, const std::vector<InstanceRecord*>& records) {
  if (std::all_of(records.begin(), records.end(), [](const InstanceRecord* r) { return r->prepared.has_value(); })) {
    return {};
  }
  std::vector<Converted> out(records.size());
  constexpr size_t kChunk = 64;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t begin = next.fetch_add(kChunk); begin < records.size(); begin = next.fetch_add(kChunk)) {
      for (size_t i = begin; i < std::min(begin + kChunk, records.size()); ++i) {
        if (!records[i]->prepared.has_value()) out[i] = convert(options, *records[i]);
      }
    }
  };
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), records.size() / kChunk + 1);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
  return out;
}

/// `hostvars` and the variables only expressions read in a many-account run (never printed
/// unless composed): ec2_inventory_account_id, _account_name and _role_arn.
Json with_account_variables(const Json& hostvars, const AccountInfo& account) {
  Json vars = hostvars;
  vars["ec2_inventory_account_id"] = account.id;
  vars["ec2_inventory_account_name"] = account.name;
  vars["ec2_inventory_role_arn"] = account.role_arn;
  return vars;
}

Status add_instance(const BuildOptions& options, Converted& converted, InventoryModel& model) {
  const std::vector<std::string>& names = converted.names;
  if (names.empty()) return {};
  if (!converted.hostvars) return converted.hostvars.error();
  Json& hostvars = *converted.hostvars;
  // Without constructed rules nothing reads the variables again: the last host can take them.
  bool constructed = has_constructed_rules(options);
  Json with_account;
  if (converted.account && constructed) with_account = with_account_variables(hostvars, *converted.account);
  const Json& readable = with_account.is_null() ? hostvars : with_account;
  for (size_t i = 0; i < names.size(); ++i) {
    model.add_host(names[i], "aws_ec2");
    if (!constructed && i + 1 == names.size()) {
      model.set_variables(names[i], std::move(hostvars));
      break;
    }
    model.set_variables(names[i], hostvars);
    if (auto s = apply_constructed(options, readable, names[i], model); !s) return s;
  }
  converted.hostvars = Json();
  return {};
}

/// Adds a record record_preparer prepared: its variables move into the model as text.
Status add_prepared(InstanceRecord& record, InventoryModel& model) {
  auto& prepared = std::any_cast<PreparedHost&>(record.prepared);
  if (!prepared.vars) return prepared.vars.error();
  if (prepared.names.empty()) return {};
  for (size_t i = 0; i < prepared.names.size(); ++i) {
    model.add_host(prepared.names[i], "aws_ec2", i + 1 == prepared.names.size() ? std::move(*prepared.vars) : *prepared.vars);
  }
  record.prepared.reset();
  return {};
}

/// The model of the `--list` document: the selected instances filed as hosts of their groups.
Result<InventoryModel> build_model(const AwsEc2Config& config, std::vector<InstanceRecord>& included,
                                   const std::vector<InstanceRecord>& excluded) {
  const BuildOptions& options = *config.build;
  InventoryModel model(options.source);
  model.add_group("aws_ec2");
  std::vector<InstanceRecord*> selected = select_instances(included, excluded);
  std::vector<Converted> converted = convert_all(options, selected);
  for (size_t i = 0; i < selected.size(); ++i) {
    Status added = selected[i]->prepared.has_value() ? add_prepared(*selected[i], model)
                                                     : add_instance(options, converted[i], model);
    if (!added) return added.error().with_context("build the inventory from " + config.path);
  }
  if (auto s = model.add_child("all", "aws_ec2"); !s) return s.error();
  return model;
}

/// Moves `value` where nothing frees it: the process exits next. Reachable from a static, so
/// leak checkers do not report it. Call from one thread.
template <class T>
void keep_until_exit(T value) {
  static auto* kept = new std::vector<void*>();
  kept->push_back(new T(std::move(value)));
}

}  // namespace

std::function<void(InstanceRecord&)> record_preparer(const AwsEc2Config& config) {
  std::shared_ptr<const BuildOptions> options = config.build;
  if (has_constructed_rules(*options)) return {};
  auto members = std::make_shared<const std::vector<std::string>>(members_read(options->hostnames));
  auto keep = [members](std::string_view name) {
    return std::find(members->begin(), members->end(), name) != members->end();
  };
  return [options, keep](InstanceRecord& record) {
    PreparedHost prepared;
    thread_local std::string text;  // reused: only its packed copy is kept
    text.clear();
    Status written = append_hostvars_text(text, record, options->hostvars, InventoryModel::kHostVarsLevel);
    // Without an availability zone the walk is complete but the variables fail: that only
    // matters for an instance that has a host name, as in the plugin.
    bool walked = written || written.error().code == kNoAvailabilityZone;
    if (walked) {
      JsonBuilder read(keep);  // the members the hostnames rules read (the element read well above)
      (void)visit_xml(record.xml, read);
      prepared.names = hostnames_of(*options, boto3_instance_from_members(std::move(read.result), record, keep));
    }
    if (!walked || (!written && !prepared.names.empty())) {
      prepared.vars = written.error();
    } else if (!prepared.names.empty()) {
      prepared.vars = PackedText::pack(text);
    }
    record.prepared = std::move(prepared);
  };
}

Status write_inventory(const AwsEc2Config& config, std::vector<InstanceRecord> included,
                       const std::vector<InstanceRecord>& excluded, const InventoryWriter& write,
                       AfterWriting after) {
  auto model = build_model(config, included, excluded);
  if (!model) return model.error();
  if (after == AfterWriting::Free) included.clear();
  model->write_list(write);
  if (after == AfterWriting::KeepUntilExit) {
    keep_until_exit(std::move(*model));
    keep_until_exit(std::move(included));
  }
  return {};
}

Result<std::string> host_variables_text(const AwsEc2Config& config, std::vector<InstanceRecord> included,
                                        const std::vector<InstanceRecord>& excluded, const std::string& host,
                                        const InventoryWriter& list) {
  auto model = build_model(config, included, excluded);
  if (!model) return model.error();
  included.clear();
  if (list) model->write_list(list);
  return format_inventory_json(nlohmann::json::parse(model->host_vars_text(host)));
}

Result<std::string> build_inventory_text(const AwsEc2Config& config, std::vector<InstanceRecord> included,
                                         const std::vector<InstanceRecord>& excluded) {
  std::string text;
  Status written = write_inventory(config, std::move(included), excluded, [&](std::string_view piece) { text += piece; });
  if (!written) return written.error();
  return text;
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

}  // namespace ec2::inventory::aws_ec2
