#include "output/inventory_model.h"

#include <algorithm>

#include "output/sorted_json.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// `--list` text is written once this much has been laid out (a typical host's is about 5 KiB).
constexpr size_t kWriteBytes = 512 << 10;

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool is_ip_address(const std::string& name) {
  if (name.find(':') != std::string::npos) return true;
  int dots = 0;
  for (char c : name) {
    if (c == '.') ++dots;
    else if (c < '0' || c > '9') return false;
  }
  return dots == 3;
}

}  // namespace

InventoryModel::InventoryModel(std::string source) : source_(std::move(source)) {
  auto slash = source_.rfind('/');
  source_dir_ = slash == std::string::npos ? "" : source_.substr(0, slash);
  add_group("all");
  add_group("ungrouped");
  (void)add_child("all", "ungrouped");
}

InventoryModel::Group& InventoryModel::ensure_group(const std::string& name) {
  auto [it, created] = groups_.try_emplace(name);  // builds nothing when the group exists
  if (created) group_order_.push_back(name);
  return it->second;
}

InventoryModel::Host& InventoryModel::join(const std::string& host, const std::string& group) {
  auto it = hosts_.try_emplace(host).first;
  Host& h = it->second;
  if (!contains(h.groups, group)) {
    ensure_group(group).hosts.push_back(it->first);
    h.groups.push_back(group);
  }
  return h;
}

void InventoryModel::add_host(const std::string& host, const std::string& group, PackedText vars) {
  set_packed(join(host, group), std::move(vars));
}

Status InventoryModel::add_child(const std::string& parent, const std::string& child) {
  add_group(parent);
  add_group(child);
  if (parent == child) return make_error(ErrorCategory::Config, "GroupLoop", "can't add group '" + child + "' to itself");
  if (is_ancestor(child, parent)) {
    return make_error(ErrorCategory::Config, "GroupLoop",
                      "Adding group '" + child + "' as child to '" + parent + "' creates a recursive dependency loop.");
  }
  Group& p = groups_[parent];
  if (p.child_set.insert(child).second) {
    p.children.push_back(child);
    groups_[child].parents.push_back(parent);
  }
  return {};
}

bool InventoryModel::is_ancestor(const std::string& maybe_ancestor, const std::string& group) const {
  std::vector<std::string> ancestors;
  collect_ancestors(group, ancestors);
  return contains(ancestors, maybe_ancestor);
}

void InventoryModel::collect_ancestors(const std::string& group, std::vector<std::string>& out) const {
  auto it = groups_.find(group);
  if (it == groups_.end()) return;
  for (const auto& p : it->second.parents) {
    if (contains(out, p)) continue;
    out.push_back(p);
    collect_ancestors(p, out);
  }
}

Json& InventoryModel::json_vars(Host& host) {
  if (host.vars.is_null()) host.vars = Json::object();
  if (!host.packed.empty()) {
    Json parsed = Json::parse(host.packed.unpack());
    for (auto& [name, value] : parsed.items()) host.vars[name] = std::move(value);
    host.packed = PackedText();
  }
  return host.vars;
}

void InventoryModel::set_variable(const std::string& host, const std::string& name, Json value) {
  json_vars(hosts_[host])[name] = std::move(value);
}

Json InventoryModel::host_vars_with_magic(const std::string& host) const {
  const Host& h = hosts_.at(host);
  Json vars = Json::object();
  vars["inventory_file"] = source_;
  vars["inventory_dir"] = source_dir_;
  for (const auto& [name, value] : h.vars.items()) vars[name] = value;
  if (!h.packed.empty()) {
    Json parsed = Json::parse(h.packed.unpack());
    for (auto& [name, value] : parsed.items()) vars[name] = std::move(value);
  }
  vars["inventory_hostname"] = host;
  vars["inventory_hostname_short"] = is_ip_address(host) ? host : host.substr(0, host.find('.'));
  std::vector<std::string> names;
  for (const auto& g : h.groups) {
    names.push_back(g);
    collect_ancestors(g, names);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::erase(names, "all");
  vars["group_names"] = names;
  return vars;
}

void InventoryModel::set_packed_variables(const std::string& host, PackedText vars) {
  set_packed(hosts_[host], std::move(vars));
}

void InventoryModel::set_packed(Host& host, PackedText vars) {
  if (host.packed.empty() && host.vars.empty()) {
    host.packed = std::move(vars);
  } else {
    merge_variables(host, Json::parse(vars.unpack()));
  }
}

void InventoryModel::set_variables(const std::string& host, Json vars) { merge_variables(hosts_[host], std::move(vars)); }

void InventoryModel::merge_variables(Host& host, Json vars) {
  Json& current = json_vars(host);
  bool fresh = current.empty();
  for (auto& [name, value] : vars.items()) {
    // A fresh host has no variables yet, so the (distinct) names can be appended unseen.
    if (fresh) {
      current.get_ref<Json::object_t&>().emplace_back(name, std::move(value));
    } else {
      current[name] = std::move(value);
    }
  }
}

void InventoryModel::collect_listed(const std::string& name, std::map<std::string_view, const Group*>& out,
                                    std::set<std::string_view>& seen) const {
  auto it = groups_.find(name);
  if (it == groups_.end()) return;
  const Group& g = it->second;
  for (const auto& child : g.children) {
    if (seen.count(child)) continue;
    collect_listed(child, out, seen);
    seen.insert(child);
  }
  if ((name != "all" && !g.hosts.empty()) || !g.children.empty()) out.emplace(it->first, &g);
}

void InventoryModel::append_group_entry(std::string& out, std::string_view name, const Group& group) {
  auto append_names = [&](std::string_view key, const auto& names) {
    append_newline(out, 2);
    append_json_string(out, key);
    out += ": ";
    append_laid_out_array(out, names.size(), 2, [&](size_t i) { append_json_string(out, names[i]); });
  };
  out += '{';
  bool hosts = name != "all" && !group.hosts.empty();
  if (!group.children.empty()) append_names("children", group.children);
  if (!group.children.empty() && hosts) out += ',';
  if (hosts) append_names("hosts", group.hosts);
  append_newline(out, 1);
  out += '}';
}

bool InventoryModel::append_vars(std::string& out, const Host& entry) {
  size_t start = out.size();
  if (!entry.packed.empty()) {
    entry.packed.append_to(out);
    if (std::string_view(out).substr(start) != "{}") return true;
    out.resize(start);
    return false;
  }
  const Json& vars = entry.vars;
  std::vector<JsonMember> members;
  members.reserve(vars.size());
  for (const auto& [name, value] : vars.items()) {
    if (name != "inventory_file" && name != "inventory_dir") members.emplace_back(name, &value);
  }
  if (members.empty()) return false;
  append_sorted_object(out, std::move(members), kHostVarsLevel);
  return true;
}

void InventoryModel::append_host_entry(std::string& out, const std::string& host, const Host& entry) {
  size_t start = out.size();
  out += ",\n            ";
  append_json_string(out, host);
  out += ": ";
  if (!append_vars(out, entry)) out.resize(start);
}

std::string InventoryModel::host_vars_text(const std::string& host) const {
  std::string out;
  auto it = hosts_.find(host);
  if (it == hosts_.end() || !append_vars(out, it->second)) return "{}";
  return out;
}

void InventoryModel::write_hostvars(std::string& out, const TextWriter& write) const {
  // Written as it is laid out, so the whole text never sits in memory.
  size_t before = out.size();
  out += '{';
  bool any = false;
  for (const auto& [name, host] : hosts_) {
    size_t start = out.size();
    append_host_entry(out, name, host);
    if (out.size() == start) continue;
    if (!any) out.erase(start, 1);  // the first entry has no comma before it
    any = true;
    if (out.size() >= kWriteBytes) {
      write(out);
      out.clear();
    }
  }
  if (!any) {
    out.resize(before);
    out += "{}";
    return;
  }
  out += "\n        }";
}

void InventoryModel::write_list(const TextWriter& write) {
  for (const auto& name : std::vector<std::string>(group_order_)) {
    if (name != "all" && groups_[name].parents.empty()) (void)add_child("all", name);
  }
  std::map<std::string_view, const Group*> groups;
  std::set<std::string_view> seen;
  collect_listed("all", groups, seen);
  std::string out = "{";
  bool first = true, meta_written = false;
  auto next_member = [&] {
    out += first ? "\n    " : ",\n    ";
    first = false;
  };
  auto write_meta = [&] {
    next_member();
    out += "\"_meta\": {\n        \"hostvars\": ";
    write_hostvars(out, write);
    out += "\n    }";
    meta_written = true;
  };
  for (const auto& [name, group] : groups) {
    if (!meta_written && name > "_meta") write_meta();
    next_member();
    append_json_string(out, name);
    out += ": ";
    append_group_entry(out, name, *group);
  }
  if (!meta_written) write_meta();
  out += "\n}\n";
  write(out);
}

std::string InventoryModel::list_text() {
  std::string text;
  write_list([&](std::string_view piece) { text += piece; });
  return text;
}

}  // namespace ec2::inventory::aws_ec2
