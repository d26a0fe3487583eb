#include "output/constructed.h"

#include "config/pyvalue.h"

namespace ec2::inventory::aws_ec2 {
namespace {

Error strict_error(const std::string& message, const Error& cause) {
  return make_error(ErrorCategory::Config, "ConstructedError", message + ": " + cause.message);
}

/// combine_vars(hostvars, host.get_vars()): the host's current variables win.
Json combined(const Json& hostvars, const InventoryModel& model, const std::string& host) {
  Json vars = hostvars;
  Json current = model.host_vars_with_magic(host);
  for (auto& [k, v] : current.items()) vars[k] = std::move(v);
  return vars;
}

Status compose(const BuildOptions& options, const Json& hostvars, const std::string& host, InventoryModel& model) {
  for (const auto& rule : options.compose) {
    auto value = render_value(rule.value, hostvars);
    if (!value) {
      if (options.strict) return strict_error("Could not set " + rule.name + " for host " + host, value.error());
      continue;
    }
    model.set_variable(host, rule.name, std::move(*value));
  }
  return {};
}

Status groups(const BuildOptions& options, const Json& hostvars, const std::string& host, InventoryModel& model) {
  if (options.groups.empty()) return {};
  Json vars = combined(hostvars, model, host);
  for (const auto& rule : options.groups) {
    std::string name = options.sanitizer()(rule.name);
    auto result = render_condition(rule.condition, vars);
    if (!result) {
      if (options.strict) return strict_error("Could not add host " + host + " to group " + name, result.error());
      continue;
    }
    if (*result) model.add_host(host, name);
  }
  return {};
}

/// The raw group names a keyed-group key produces (before prefix and sanitising).
Result<std::vector<std::string>> raw_names(const KeyedGroupRule& rule, const Json& key) {
  std::vector<std::string> names;
  if (key.is_string()) {
    names.push_back(key == "" && rule.default_value ? *rule.default_value : key.get<std::string>());
  } else if (key.is_array()) {
    for (const auto& item : key) names.push_back(item == "" && rule.default_value ? *rule.default_value : py::str(item));
  } else if (key.is_object()) {
    for (const auto& [name, value] : key.items()) {
      std::string bare = name + rule.separator + py::str(value);
      if (value == "" && rule.default_value) bare = name + rule.separator + *rule.default_value;
      else if (value == "" && rule.trailing_separator == false) bare = name;
      names.push_back(bare);
    }
  } else {
    return make_error(ErrorCategory::Config, "InvalidKeyedGroup",
                      "Invalid group name format, expected a string or a list of them or dictionary, got: <class '" +
                          py::type_name(key) + "'>");
  }
  return names;
}

Status keyed_group(const BuildOptions& options, const KeyedGroupRule& rule, const Json& hostvars,
                   const std::string& host, InventoryModel& model) {
  Json vars = combined(hostvars, model, host);
  auto key = render_value(rule.key, vars);
  if (!key) {
    if (!options.strict) return {};
    return strict_error("Could not generate group for host " + host + " from " + rule.key_source + " entry", key.error());
  }
  if (!py::truthy(*key) && !(*key == "" && rule.default_value)) {
    if (options.strict && *key != Json::array() && *key != Json::object()) {
      return make_error(ErrorCategory::Config, "ConstructedError",
                        "No key or key resulted empty for " + rule.key_source + " in host " + host + ", invalid entry");
    }
    return {};
  }
  std::optional<std::string> parent;
  if (rule.parent_group) {
    auto rendered = render_text(*rule.parent_group, vars);
    if (!rendered) {
      if (!options.strict) return {};
      return strict_error("Could not generate parent group for group " + py::str(*key), rendered.error());
    }
    if (py::truthy(*rendered)) parent = py::str(*rendered);
  }
  auto names = raw_names(rule, *key);
  if (!names) return names.error();
  std::string sep = rule.prefix.empty() && !options.leading_separator ? "" : rule.separator;
  for (const auto& bare : *names) {
    std::string group = options.sanitizer()(rule.prefix + sep + bare);
    model.add_host(host, group);
    if (!parent) continue;
    std::string parent_name = options.sanitizer()(*parent);
    model.add_group(parent_name);
    if (auto s = model.add_child(parent_name, group); !s) return s;
  }
  return {};
}

}  // namespace

Status apply_constructed(const BuildOptions& options, const Json& hostvars, const std::string& host,
                         InventoryModel& model) {
  if (auto s = compose(options, hostvars, host, model); !s) return s;
  if (auto s = groups(options, hostvars, host, model); !s) return s;
  for (const auto& rule : options.keyed_groups) {
    if (auto s = keyed_group(options, rule, hostvars, host, model); !s) return s;
  }
  return {};
}

}  // namespace ec2::inventory::aws_ec2
