#pragma once
/// ec2.py read instances through boto 2, whose `boto.ec2.instance.Instance` objects it flattened
/// into `ec2_*` host variables by walking `vars(instance)`. This file rebuilds that object's
/// attributes from a botocore-shaped instance (InstanceRecord::instance), so the ec2.ini mode
/// produces the same variable names and value forms:
///  - attributes boto 2 names itself (`ip_address`, `dns_name`, `image_id`, `kernel`, ...) hold the
///    XML text of the matching element (numbers and booleans as text, e.g. ami_launch_index "0");
///  - elements boto 2 does not know fall through under their XML element name (`reason`,
///    `sourceDestCheck`, `enaSupport`, `coreCount`, `item`, ...), containers with an empty value;
///  - state, placement, tags, security groups, block devices and region are objects the script
///    flattens specially. docs/inventory.md lists every derivation.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "instance_source.h"

namespace ec2::inventory {

/// A Python value as it sat on the boto 2 object: None, bool, int, str, or some other object.
struct PyValue {
  enum class Kind { None, Bool, Int, Str, Object };
  Kind kind = Kind::None;
  bool flag = false;
  long number = 0;
  std::string text;

  static PyValue none() { return {}; }
  static PyValue boolean(bool b) { return {Kind::Bool, b, 0, {}}; }
  static PyValue integer(long n) { return {Kind::Int, false, n, {}}; }
  static PyValue str(std::string s) { return {Kind::Str, false, 0, std::move(s)}; }
  static PyValue object() { return {Kind::Object, false, 0, {}}; }

  /// Python truthiness (objects count as true).
  bool truthy() const;
  /// Python's str(): "None", "True"/"False", digits, the text itself; objects give "".
  std::string to_str() const;
};

/// The attributes of one boto 2 Instance.
struct Boto2Instance {
  /// Plain attributes in `vars(instance)` order (a later duplicate wins, as setattr did).
  std::vector<std::pair<std::string, PyValue>> attrs;
  std::string region;                        ///< region.name
  std::optional<std::string> state;          ///< _state.name
  long state_code = 0;                       ///< _state.code
  std::optional<std::string> zone;           ///< _placement.zone
  std::optional<std::string> placement_group, placement_tenancy;
  std::vector<std::pair<std::string, std::string>> tags;    ///< key, value in EC2's order
  std::vector<std::pair<std::string, std::string>> groups;  ///< security group id, name
  /// Device name → EBS volume id; nullopt when the response had no blockDeviceMapping element.
  std::optional<std::vector<std::pair<std::string, std::optional<std::string>>>> block_devices;

  /// `getattr(instance, name)` including boto's properties (state, state_code, placement,
  /// previous_state, ...); nullopt when the object has no such attribute.
  std::optional<PyValue> getattr(const std::string& name) const;
  /// The value of tag `key`, nullptr when absent.
  const std::string* tag(const std::string& key) const;
  /// The value of plain attribute `name` as text ("" when None or absent).
  std::string text(const std::string& name) const;
};

/// Builds the boto 2 view of `record`.
Boto2Instance to_boto2(const InstanceRecord& record);

/// ec2.py's `to_safe`: every character (code point) other than A-Z, a-z, 0-9, `_` (and `-` when
/// `keep_dash`) becomes `_`.
std::string to_safe(const std::string& word, bool keep_dash);

/// ec2.py's host variables for `instance` (get_host_info_dict_from_instance): `ec2_<attr>` for
/// every None/bool/int/str attribute (strings stripped, None as ""), ec2_state/ec2_state_code,
/// ec2_previous_state/_code, ec2_placement, ec2_region, ec2_tag_<key> (a list of the
/// comma-separated parts when `expand_csv_tags`), ec2_security_group_ids/_names, ec2_block_devices
/// and ec2_account_id (`account_id`, null when nullopt). Names go through to_safe.
nlohmann::json contrib_hostvars(const Boto2Instance& instance,
                                const std::optional<std::string>& account_id,
                                bool expand_csv_tags, bool replace_dash);

}  // namespace ec2::inventory
