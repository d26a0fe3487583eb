#pragma once
/// An in-memory inventory with Ansible's InventoryData rules: groups and hosts keep creation order,
/// a host's groups include the ancestors of its groups, parentless groups end up under `all`, and
/// `--list` JSON is laid out as ansible-inventory lays it out.

#include <functional>
#include <map>
#include <set>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "json.h"
#include "output/packed_text.h"

#include "ec2/result.h"

namespace ec2::inventory::aws_ec2 {

class InventoryModel {
 public:
  /// The nesting level of a host's variables in the `--list` document
  /// (`{"_meta": {"hostvars": {"host": {...}}}}`).
  static constexpr int kHostVarsLevel = 3;

  /// Starts with `all` and its child `ungrouped`; `source` is the config path (inventory_file).
  explicit InventoryModel(std::string source);
  /// Not copyable: groups refer to the host names the model keeps.
  InventoryModel(const InventoryModel&) = delete;
  InventoryModel& operator=(const InventoryModel&) = delete;
  InventoryModel(InventoryModel&&) = default;
  InventoryModel& operator=(InventoryModel&&) = default;

  /// Creates group `name` unless it exists.
  void add_group(const std::string& name) { (void)ensure_group(name); }
  /// Creates host `host` unless it exists and puts it in `group` (created if needed). Every host
  /// has inventory_file and inventory_dir (see host_vars_with_magic) without storing them.
  void add_host(const std::string& host, const std::string& group) { (void)join(host, group); }
  /// add_host, then set_packed_variables, finding the host once.
  void add_host(const std::string& host, const std::string& group, PackedText vars);
  /// Makes `child` (a group) a child of `parent`; fails on a self or circular relation.
  Status add_child(const std::string& parent, const std::string& child);

  /// Sets one variable of an existing host (top-level replacement, as set_variable does).
  void set_variable(const std::string& host, const std::string& name, Json value);
  /// Sets every member of `vars` (an object), as one set_variable call per member would.
  void set_variables(const std::string& host, Json vars);
  /// Same, with `vars` as packed JSON text whose keys are sorted, laid out at kHostVarsLevel (see
  /// hostvars_text): kept packed until `--list` writes it as it is, unless the host already has
  /// variables to merge with.
  void set_packed_variables(const std::string& host, PackedText vars);
  /// The host's variables after inventory_file and inventory_dir, plus inventory_hostname,
  /// inventory_hostname_short and group_names, as Host.get_vars() returns them.
  Json host_vars_with_magic(const std::string& host) const;

  /// Receives the `--list` text piece by piece.
  using TextWriter = std::function<void(std::string_view piece)>;

  /// Puts parentless groups under `all`, then renders the `--list` document as
  /// `ansible-inventory --list` prints it (keys sorted, 4-space indent, newline at the end),
  /// handing it to `write` in pieces of a few MiB.
  void write_list(const TextWriter& write);
  /// The whole write_list text.
  std::string list_text();
  /// The host's entry of `_meta.hostvars` as write_list lays it out (at kHostVarsLevel); `{}` for
  /// an unknown host or one without variables to list.
  std::string host_vars_text(const std::string& host) const;

 private:
  struct Group {
    /// Views of the names kept as keys of `hosts_`, in the order they joined.
    std::vector<std::string_view> hosts;
    std::vector<std::string> children;
    std::vector<std::string> parents;
    std::unordered_set<std::string> child_set;  ///< Members of `children`.
  };
  struct Host {
    Json vars;                        ///< An object once set (json_vars); null (no allocation) till then.
    PackedText packed;                ///< Variables as packed --list text, when set that way only.
    /// Direct groups, in the order joined: also how membership is checked, as a host is in few
    /// groups while a group may hold every host.
    std::vector<std::string> groups;
  };

  /// Group `name`, created (and put in group_order_) unless it exists.
  Group& ensure_group(const std::string& name);
  /// Host `host`, created unless it exists, made a member of `group` unless it is one.
  Host& join(const std::string& host, const std::string& group);
  /// set_packed_variables for a host already found.
  static void set_packed(Host& host, PackedText vars);
  /// set_variables for a host already found.
  static void merge_variables(Host& host, Json vars);
  /// The host's variables as JSON (packed variables are moved into it first).
  static Json& json_vars(Host& host);
  bool is_ancestor(const std::string& maybe_ancestor, const std::string& group) const;
  void collect_ancestors(const std::string& group, std::vector<std::string>& out) const;
  /// Collects `name` and the groups below it that `--list` shows (those with hosts or children),
  /// by name, each once.
  void collect_listed(const std::string& name, std::map<std::string_view, const Group*>& out,
                      std::set<std::string_view>& seen) const;
  /// Appends a listed group's `{"children": [...], "hosts": [...]}` at nesting level 1.
  static void append_group_entry(std::string& out, std::string_view name, const Group& group);
  /// Appends the `hostvars` object to `out`, handing `out` to `write` (and clearing it) as it grows.
  void write_hostvars(std::string& out, const TextWriter& write) const;
  /// Appends the host's variables as `--list` lays them out; false, appending nothing, when it
  /// has none to list.
  static bool append_vars(std::string& out, const Host& entry);
  /// `,\n<indent>"host": {...}` for a host with variables to list; nothing otherwise.
  static void append_host_entry(std::string& out, const std::string& host, const Host& vars);

  std::string source_;
  std::string source_dir_;
  std::vector<std::string> group_order_;
  std::map<std::string, Group> groups_;
  std::map<std::string, Host> hosts_;
};

}  // namespace ec2::inventory::aws_ec2
