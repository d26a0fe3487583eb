// Argument validation with the rules and messages of Ansible's ArgumentSpecValidator.
#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "module.h"

namespace ec2::ansible {
namespace {

using nlohmann::json;

Error arg_error(std::string message) {
  return make_error(ErrorCategory::Client, "InvalidArgument", std::move(message));
}

/// Python's type() name of a JSON value, as Ansible shows it in conversion errors.
std::string python_type(const json& value) {
  if (value.is_string()) return "<class 'str'>";
  if (value.is_boolean()) return "<class 'bool'>";
  if (value.is_number_integer()) return "<class 'int'>";
  if (value.is_number_float()) return "<class 'float'>";
  if (value.is_array()) return "<class 'list'>";
  if (value.is_object()) return "<class 'dict'>";
  return "<class 'NoneType'>";
}

/// A scalar as Python's str() prints it (choices and conversions compare on this).
std::string python_str(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "True" : "False";
  if (value.is_null()) return "None";
  return value.dump();
}

std::optional<bool> to_bool(const json& value) {
  static const std::set<std::string> yes = {"y", "yes", "on", "1", "true", "t"};
  static const std::set<std::string> no = {"n", "no", "off", "0", "false", "f"};
  if (value.is_boolean()) return value.get<bool>();
  std::string text;
  if (value.is_string()) {
    text = value.get<std::string>();
    std::transform(text.begin(), text.end(), text.begin(), ::tolower);
  } else if (value.is_number()) {
    double d = value.get<double>();
    if (d == 1.0) return true;
    if (d == 0.0) return false;
    return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (yes.count(text)) return true;
  if (no.count(text)) return false;
  return std::nullopt;
}

/// Converts `value` to `type` or returns the reason (Ansible's wording).
Result<json> convert(const json& value, ArgType type, ArgType elements);

Result<json> convert_scalar(const json& value, ArgType type) {
  switch (type) {
    case ArgType::Str:
    case ArgType::Path:
      if (value.is_string()) return value;
      if (value.is_array() || value.is_object()) return json(value.dump());
      return json(python_str(value));
    case ArgType::Bool: {
      if (auto b = to_bool(value)) return json(*b);
      if (value.is_string() || value.is_number()) {
        return arg_error("The value '" + python_str(value) +
                         "' is not a valid boolean.  Valid booleans include: 'no', 'on', 'off', 'n', 'yes', "
                         "'t', 'y', 'false', 'true', '1', 'f', '0'");
      }
      return arg_error(python_type(value) + " cannot be converted to a bool");
    }
    case ArgType::Int:
      if (value.is_number_integer()) return value;
      if (value.is_number_float() && std::floor(value.get<double>()) == value.get<double>()) {
        return json(static_cast<long long>(value.get<double>()));
      }
      if (value.is_string()) {
        try {
          size_t used = 0;
          long long n = std::stoll(value.get<std::string>(), &used);
          if (used == value.get<std::string>().size()) return json(n);
        } catch (const std::exception&) {
        }
        return arg_error("invalid literal for int() with base 10: '" + value.get<std::string>() + "'");
      }
      return arg_error(python_type(value) + " cannot be converted to an int");
    case ArgType::Float:
      if (value.is_number()) return json(value.get<double>());
      if (value.is_string()) {
        try {
          return json(std::stod(value.get<std::string>()));
        } catch (const std::exception&) {
        }
        return arg_error("could not convert string to float: '" + value.get<std::string>() + "'");
      }
      return arg_error(python_type(value) + " cannot be converted to a float");
    default:
      return value;
  }
}

Result<json> convert(const json& value, ArgType type, ArgType elements) {
  if (type == ArgType::List) {
    json list = json::array();
    if (value.is_array()) {
      list = value;
    } else if (value.is_string()) {
      std::stringstream in(value.get<std::string>());
      for (std::string item; std::getline(in, item, ',');) list.push_back(item);
    } else if (value.is_number() || value.is_boolean()) {
      list.push_back(python_str(value));
    } else {
      return arg_error(python_type(value) + " cannot be converted to a list");
    }
    for (auto& item : list) {
      auto converted = convert_scalar(item, elements);
      if (!converted) return converted.error();
      item = *converted;
    }
    return list;
  }
  if (type == ArgType::Dict) {
    if (value.is_object()) return value;
    if (value.is_string()) {
      json parsed = json::parse(value.get<std::string>(), nullptr, false);
      if (parsed.is_object()) return parsed;
      return arg_error("dictionary requested, could not parse JSON or key=value");
    }
    return arg_error(python_type(value) + " cannot be converted to a dict");
  }
  return convert_scalar(value, type);
}

std::string type_name(ArgType type) {
  switch (type) {
    case ArgType::Str: return "str";
    case ArgType::List: return "list";
    case ArgType::Dict: return "dict";
    case ArgType::Bool: return "bool";
    case ArgType::Int: return "int";
    case ArgType::Float: return "float";
    case ArgType::Path: return "path";
    case ArgType::Raw: return "raw";
  }
  return "raw";
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

bool is_set(const json& params, const std::string& name) {
  return params.contains(name) && !params[name].is_null();
}

/// Moves aliases onto their option names; fails on unknown options.
Result<json> resolve_names(const ModuleSpec& spec, const json& raw, std::vector<std::string>& warnings) {
  json params = json::object();
  std::vector<std::string> unsupported, names, aliases;
  for (const auto& arg : spec.args) {
    names.push_back(arg.name);
    aliases.insert(aliases.end(), arg.aliases.begin(), arg.aliases.end());
  }
  for (const auto& [key, value] : raw.items()) {
    if (key.rfind("_ansible_", 0) == 0) continue;
    auto owner = std::find_if(spec.args.begin(), spec.args.end(), [&](const ArgSpec& a) {
      return a.name == key || std::count(a.aliases.begin(), a.aliases.end(), key);
    });
    if (owner == spec.args.end()) {
      unsupported.push_back(key);
      continue;
    }
    if (owner->name != key && raw.contains(owner->name)) {
      warnings.push_back("Both option " + owner->name + " and its alias " + key + " are set.");
      continue;
    }
    params[owner->name] = value;
  }
  if (!unsupported.empty()) {
    std::sort(unsupported.begin(), unsupported.end());
    std::sort(names.begin(), names.end());
    std::sort(aliases.begin(), aliases.end());
    std::string supported = join(names, ", ");
    if (!aliases.empty()) supported += " (" + join(aliases, ", ") + ")";
    return arg_error("Unsupported parameters for (" + spec.name + ") module: " + join(unsupported, ", ") +
                     ". Supported parameters include: " + supported + ".");
  }
  return params;
}

/// Presence rules (mutually_exclusive, required, required_together, required_one_of, required_if).
Status check_presence(const ModuleSpec& spec, const json& given, const json& params) {
  for (const auto& group : spec.mutually_exclusive) {
    if (std::count_if(group.begin(), group.end(), [&](const std::string& n) { return is_set(given, n); }) > 1) {
      return arg_error("parameters are mutually exclusive: " + join(group, "|"));
    }
  }
  std::vector<std::string> missing;
  for (const auto& arg : spec.args) {
    if (arg.required && !is_set(given, arg.name)) missing.push_back(arg.name);
  }
  std::sort(missing.begin(), missing.end());
  if (!missing.empty()) return arg_error("missing required arguments: " + join(missing, ", "));
  for (const auto& group : spec.required_together) {
    auto n = std::count_if(group.begin(), group.end(), [&](const std::string& k) { return is_set(given, k); });
    if (n > 0 && n < static_cast<long>(group.size())) {
      return arg_error("parameters are required together: " + join(group, ", "));
    }
  }
  for (const auto& group : spec.required_one_of) {
    if (std::none_of(group.begin(), group.end(), [&](const std::string& k) { return is_set(given, k); })) {
      return arg_error("one of the following is required: " + join(group, ", "));
    }
  }
  for (const auto& rule : spec.required_if) {
    if (!params.contains(rule.key) || params[rule.key] != rule.value) continue;
    std::vector<std::string> absent;
    for (const auto& r : rule.requirements) {
      if (!is_set(params, r)) absent.push_back(r);
    }
    size_t limit = rule.any ? rule.requirements.size() : 1;
    if (!absent.empty() && absent.size() >= limit) {
      return arg_error(rule.key + " is " + python_str(rule.value) + " but " + (rule.any ? "any" : "all") +
                       " of the following are missing: " + join(absent, ", "));
    }
  }
  return {};
}

/// Type conversion and choices of every given option; defaults for the others.
Status convert_all(const ModuleSpec& spec, json& params) {
  for (const auto& arg : spec.args) {
    if (!is_set(params, arg.name)) {
      params[arg.name] = arg.default_value;
      continue;
    }
    json& value = params[arg.name];
    if (arg.type != ArgType::Raw) {
      auto converted = convert(value, arg.type, arg.elements);
      if (!converted) {
        return arg_error("argument '" + arg.name + "' is of type " + python_type(value) +
                         " and we were unable to convert to " + type_name(arg.type) + ": " +
                         converted.error().message);
      }
      value = *converted;
    }
    if (arg.choices.empty()) continue;
    const json items = value.is_array() ? value : json::array({value});
    for (const auto& item : items) {
      if (std::count(arg.choices.begin(), arg.choices.end(), python_str(item))) continue;
      return arg_error("value of " + arg.name + " must be one of: " + join(arg.choices, ", ") +
                       ", got: " + python_str(value));
    }
  }
  return {};
}

}  // namespace

ModuleSpec& ModuleSpec::add(std::string name, ArgType type, json default_value, std::vector<std::string> choices,
                            std::vector<std::string> aliases) {
  ArgSpec arg;
  arg.name = std::move(name);
  arg.type = type;
  arg.default_value = std::move(default_value);
  arg.choices = std::move(choices);
  arg.aliases = std::move(aliases);
  args.push_back(std::move(arg));
  return *this;
}

Result<Module> validate_arguments(const ModuleSpec& spec, const json& raw) {
  if (!raw.is_object()) return arg_error("module arguments must be a JSON object");
  std::vector<std::string> warnings;
  auto given = resolve_names(spec, raw, warnings);
  if (!given) return given.error();
  json params = *given;
  if (auto converted = convert_all(spec, params); !converted) return converted.error();
  if (auto presence = check_presence(spec, *given, params); !presence) return presence.error();
  auto flag = [&](const char* key) { return raw.contains(key) && to_bool(raw[key]).value_or(false); };
  Module module(std::move(params), flag("_ansible_check_mode"), flag("_ansible_diff"));
  for (auto& w : warnings) module.warn(std::move(w));
  return module;
}

}  // namespace ec2::ansible
