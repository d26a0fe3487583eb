#include "inventory_model.h"

#include <algorithm>

namespace ec2::inventory::aws_ec2 {
namespace {

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

void InventoryModel::add_group(const std::string& name) {
  if (groups_.emplace(name, Group{}).second) group_order_.push_back(name);
}

void InventoryModel::add_host(const std::string& host, const std::string& group) {
  auto [it, created] = hosts_.emplace(host, Host{});
  if (created) {
    host_order_.push_back(host);
    it->second.vars["inventory_file"] = source_;
    it->second.vars["inventory_dir"] = source_dir_;
  }
  add_group(group);
  Group& g = groups_[group];
  if (g.host_set.insert(host).second) {
    g.hosts.push_back(host);
    it->second.groups.push_back(group);
  }
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

void InventoryModel::set_variable(const std::string& host, const std::string& name, Json value) {
  hosts_[host].vars[name] = std::move(value);
}

Json InventoryModel::host_vars_with_magic(const std::string& host) const {
  const Host& h = hosts_.at(host);
  Json vars = h.vars;
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

void InventoryModel::format_group(const std::string& name, Json& out, std::set<std::string>& seen) const {
  const Group& g = groups_.at(name);
  Json entry = Json::object();
  if (name != "all" && !g.hosts.empty()) entry["hosts"] = g.hosts;
  if (!g.children.empty()) entry["children"] = g.children;
  for (const auto& child : g.children) {
    if (seen.count(child)) continue;
    format_group(child, out, seen);
    seen.insert(child);
  }
  if (!entry.empty()) out[name] = std::move(entry);
}

Json InventoryModel::list_json() {
  for (const auto& name : std::vector<std::string>(group_order_)) {
    if (name != "all" && groups_[name].parents.empty()) (void)add_child("all", name);
  }
  Json out = Json::object();
  std::set<std::string> seen;
  format_group("all", out, seen);
  Json hostvars = Json::object();
  for (const auto& host : host_order_) {
    Json vars = hosts_[host].vars;
    vars.erase("inventory_file");
    vars.erase("inventory_dir");
    if (!vars.empty()) hostvars[host] = std::move(vars);
  }
  out["_meta"]["hostvars"] = std::move(hostvars);
  return out;
}

}  // namespace ec2::inventory::aws_ec2
