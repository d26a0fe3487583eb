#include "fetch/hostnames.h"

#include <algorithm>

#include "fetch/hostname_attrs.h"
#include "fetch/hostvars.h"
#include "config/pyvalue.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// The plugin's _compile_values: one step down `attr`, through lists; falsy list items are
/// dropped and one-element lists collapse to their element.
Json compile_values(const Json& obj, const std::string& attr) {
  Json temp;
  if (obj.is_array()) {
    temp = Json::array();
    for (const auto& each : obj) {
      Json v = compile_values(each, attr);
      if (py::truthy(v)) temp.push_back(std::move(v));
    }
  } else if (obj.is_object()) {
    temp = obj.value(attr, Json());
  }
  if (temp.is_array() && temp.size() == 1) return temp[0];
  return temp;
}

/// The value a filter-name rule reads, or the rule itself as a literal hostname.
Json attribute_chain(const std::string& rule, const Json& instance) {
  const auto* path = filter_attribute_path(rule);
  if (!path) return Json(rule);
  Json value = compile_values(instance, path->front());  // no copy of the whole instance
  for (size_t i = 1; i < path->size(); ++i) value = compile_values(value, (*path)[i]);
  if (is_timestamp_key(path->back()) && value.is_string()) return datetime_str(value.get<std::string>());
  return value;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t pos; (pos = s.find(sep, start)) != std::string::npos; start = pos + 1) parts.push_back(s.substr(start, pos - start));
  parts.push_back(s.substr(start));
  return parts;
}

/// The plugin's _get_tag_hostname for a `tag:...` rule.
Json tag_values(const std::string& rule, const Json& instance) {
  Json tags = Json::object();
  for (const auto& t : instance.value("Tags", Json::array())) {
    if (t.is_object() && t.contains("Key")) tags[t["Key"].get<std::string>()] = t.value("Value", Json(""));
  }
  Json values = Json::array();
  for (const auto& part : split(rule.substr(4), ',')) {
    auto eq = part.find('=');
    if (eq == std::string::npos) {
      if (tags.contains(part) && py::truthy(tags[part])) values.push_back(tags[part]);
      continue;
    }
    std::string key = part.substr(0, eq);
    std::string value = part.substr(eq + 1);
    if (tags.contains(key) && tags[key] == value) values.push_back(key + "_" + value);
  }
  return values;
}

bool is_tag_rule(const std::string& name) { return name.rfind("tag:", 0) == 0; }

std::string sanitize_hostname(const Json& hostname, Sanitizer sanitize) {
  std::string text = py::str(hostname);
  return text.find(':') != std::string::npos ? sanitize(text) : text;
}

HostnameRule plain(const std::string& name) { return HostnameRule{name, std::nullopt, "_", false}; }

}  // namespace

const std::vector<HostnameRule>& default_hostname_rules() {
  static const std::vector<HostnameRule> rules{plain("dns-name"), plain("private-dns-name")};
  return rules;
}

Status validate_hostname_rule(const std::string& name) {
  if (!is_tag_rule(name)) return {};
  for (const auto& part : split(name.substr(4), ',')) {
    if (std::count(part.begin(), part.end(), '=') > 1) {
      return make_error(ErrorCategory::Config, "BadHostname", "'" + name + "': a tag rule takes Name or Name=Value, got '" + part + "'");
    }
  }
  return {};
}

std::vector<std::string> members_read(const std::vector<HostnameRule>& rules) {
  std::vector<std::string> members;
  auto add = [&](const std::string& rule) {
    const std::vector<std::string>* path = filter_attribute_path(rule);
    std::string member = is_tag_rule(rule) ? "Tags" : path ? path->front() : "";
    if (!member.empty() && std::find(members.begin(), members.end(), member) == members.end()) members.push_back(member);
  };
  for (const HostnameRule& rule : rules.empty() ? default_hostname_rules() : rules) {
    add(rule.name);
    if (rule.prefix) add(*rule.prefix);
  }
  return members;
}

std::optional<std::string> preferred_hostname(const Json& instance, const std::vector<HostnameRule>& rules,
                                              Sanitizer sanitize) {
  const auto& use = rules.empty() ? default_hostname_rules() : rules;
  Json hostname;
  for (const auto& rule : use) {
    if (rule.is_dict) {
      auto name = preferred_hostname(instance, {plain(rule.name)}, sanitize);
      auto prefix = rule.prefix ? preferred_hostname(instance, {plain(*rule.prefix)}, sanitize) : std::nullopt;
      hostname = name ? Json(*name) : Json();
      if (name && prefix) hostname = *prefix + rule.separator + *name;
    } else if (is_tag_rule(rule.name)) {
      Json tags = tag_values(rule.name, instance);
      hostname = tags.empty() ? Json() : tags[0];
    } else {
      hostname = attribute_chain(rule.name, instance);
    }
    if (py::truthy(hostname)) return sanitize_hostname(hostname, sanitize);
  }
  return std::nullopt;
}

std::vector<std::string> all_hostnames(const Json& instance, const std::vector<HostnameRule>& rules,
                                       Sanitizer sanitize) {
  const auto& use = rules.empty() ? default_hostname_rules() : rules;
  std::vector<std::string> names;
  for (const auto& rule : use) {
    Json hostname;
    if (rule.is_dict) {
      auto name = all_hostnames(instance, {plain(rule.name)}, sanitize);
      auto prefix = rule.prefix ? all_hostnames(instance, {plain(*rule.prefix)}, sanitize) : std::vector<std::string>{};
      hostname = name;
      if (!name.empty() && !prefix.empty()) hostname = prefix[0] + rule.separator + name[0];
    } else if (is_tag_rule(rule.name)) {
      hostname = tag_values(rule.name, instance);
    } else {
      hostname = attribute_chain(rule.name, instance);
    }
    if (!py::truthy(hostname)) continue;
    if (hostname.is_array()) {
      for (const auto& h : hostname) names.push_back(sanitize_hostname(h, sanitize));
    } else if (hostname.is_string()) {
      names.push_back(sanitize_hostname(hostname, sanitize));
    }
  }
  return names;
}

}  // namespace ec2::inventory::aws_ec2
