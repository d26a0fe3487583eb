#pragma once
/// Reading aws_ec2.yml values the way Ansible's option handling reads them: PyYAML's (YAML 1.1)
/// scalar types, Python's str() of a scalar, ensure_type's bool/int/str/list/dict rules, and
/// errors that name the file, the line and the option.

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "ec2/result.h"

namespace ec2::inventory::aws_ec2 {

/// Where a value came from: file and option path (`keyed_groups[1].key`).
struct OptionContext {
  const std::string& file;
  std::string option;

  /// `file:line: option 'x': message` (category Config), line taken from `node`.
  Error error(const YAML::Node& node, const std::string& message) const;
  /// The context of a member (`.name`) or an item (`[i]`) of this option.
  OptionContext member(const std::string& name) const;
  OptionContext item(size_t index) const;
};

/// What PyYAML would make of a scalar.
enum class ScalarType { Null, Bool, Int, Float, String };

/// The type of `node` (a scalar): quoted scalars are strings, plain ones follow YAML 1.1.
ScalarType scalar_type(const YAML::Node& node);

/// Python's str() of the value PyYAML reads from scalar `node` ("True", "None", "10", "text").
std::string scalar_str(const YAML::Node& node);

/// ensure_type(value, 'bool'): YAML booleans and yes/no/on/off/true/false/1/0 strings.
Result<bool> as_bool(const YAML::Node& node, const OptionContext& ctx);
/// ensure_type(value, 'int').
Result<long> as_int(const YAML::Node& node, const OptionContext& ctx);
/// ensure_type(value, 'str'): any scalar, as Python's str() of it.
Result<std::string> as_str(const YAML::Node& node, const OptionContext& ctx);
/// ensure_type(value, 'list') of strings: a sequence of scalars, or a comma-separated string.
Result<std::vector<std::string>> as_str_list(const YAML::Node& node, const OptionContext& ctx);

/// A mapping (error otherwise); null counts as empty.
Status expect_map(const YAML::Node& node, const OptionContext& ctx);
/// A sequence (error otherwise); null counts as empty.
Status expect_sequence(const YAML::Node& node, const OptionContext& ctx);

}  // namespace ec2::inventory::aws_ec2
