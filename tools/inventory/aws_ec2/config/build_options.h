#pragma once
/// The parts of an aws_ec2.yml that shape the inventory (everything but fetching), compiled.

#include <optional>
#include <string>
#include <vector>

#include "aws_ec2.h"
#include "config/expr.h"
#include "fetch/hostnames.h"
#include "fetch/hostvars.h"
#include "config/sanitize.h"
#include "config/template.h"

namespace ec2::inventory::aws_ec2 {

/// One `compose` entry: variable `name` gets the value of `value`.
struct ComposeRule {
  std::string name;
  Expression value;
};

/// One `groups` entry: hosts for which `condition` is true join group `name` (sanitised).
struct GroupRule {
  std::string name;
  Expression condition;
};

/// One `keyed_groups` entry.
struct KeyedGroupRule {
  Expression key;                           ///< `None` when the entry has no key (Ansible's result).
  std::string key_source;                   ///< The key text as written, for messages.
  std::string prefix;
  std::string separator = "_";
  std::optional<TextTemplate> parent_group;
  std::optional<std::string> default_value;
  std::optional<bool> trailing_separator;
};

struct BuildOptions {
  std::string source;  ///< Absolute path of the config (inventory_file).
  std::vector<HostnameRule> hostnames;
  bool allow_duplicated_hosts = false;
  HostvarOptions hostvars;
  bool contrib_sanitization = false;
  std::vector<ComposeRule> compose;
  std::vector<GroupRule> groups;
  std::vector<KeyedGroupRule> keyed_groups;
  bool strict = false;
  bool leading_separator = true;

  Sanitizer sanitizer() const { return contrib_sanitization ? contrib_safe_group_name : safe_group_name; }
};

}  // namespace ec2::inventory::aws_ec2
