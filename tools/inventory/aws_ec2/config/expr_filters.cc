// The filters and tests of the Jinja2 subset, with Jinja2/Ansible semantics.

#include "config/expr_filters.h"

#include <cmath>
#include <map>
#include <mutex>

#include "config/pyregex.h"
#include "config/pyvalue.h"
#include "config/unicode_tables.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// Argument `index` (or keyword `key`) of a call, or `fallback`.
Json arg(const FilterCall& call, size_t index, const std::string& key, Json fallback) {
  if (index < call.args.size()) return call.args[index].json;
  for (const auto& [k, v] : call.kwargs) {
    if (k == key) return v.json;
  }
  return fallback;
}

Status check_arity(const FilterCall& call, size_t max, const std::vector<std::string_view>& keys) {
  if (call.args.size() > max) {
    return type_error(call.name + "() takes at most " + std::to_string(max) + " arguments");
  }
  for (const auto& [k, v] : call.kwargs) {
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) {
      return type_error(call.name + "() got an unexpected keyword argument '" + k + "'");
    }
  }
  return {};
}

/// The items Python iterates over: list elements, string characters, dict keys.
Result<std::vector<Json>> iterate(const Json& j) {
  std::vector<Json> items;
  if (j.is_array()) {
    items.assign(j.begin(), j.end());
  } else if (j.is_object()) {
    for (const auto& [k, v] : j.items()) items.emplace_back(k);
  } else if (j.is_string()) {
    for (char32_t cp : unicode::decode(j.get<std::string>())) items.emplace_back(unicode::encode(std::u32string(1, cp)));
  } else {
    return type_error("'" + py::type_name(j) + "' object is not iterable");
  }
  return items;
}

std::string replace_all(const std::string& s, const std::string& old, const std::string& with, long long count) {
  if (old.empty()) return s;
  std::string out;
  size_t pos = 0;
  for (long long n = 0; count < 0 || n < count; ++n) {
    size_t hit = s.find(old, pos);
    if (hit == std::string::npos) break;
    out.append(s, pos, hit - pos).append(with);
    pos = hit + old.size();
  }
  return out.append(s, pos);
}

/// Python's int(text, 10) / int(float(text)); nullopt when both fail.
std::optional<long long> parse_int(std::string text) {
  auto is_space = [](unsigned char c) { return std::isspace(c); };
  while (!text.empty() && is_space(text.back())) text.pop_back();
  size_t start = 0;
  while (start < text.size() && is_space(text[start])) ++start;
  text = text.substr(start);
  if (text.empty()) return std::nullopt;
  size_t used = 0;
  try {
    long long n = std::stoll(text, &used, 10);
    if (used == text.size()) return n;
    double d = std::stod(text, &used);
    if (used == text.size() && std::isfinite(d)) return static_cast<long long>(d);
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

Result<Value> to_int(const FilterCall& call) {
  Json fallback = arg(call, 0, "default", 0);
  const Json& j = call.input.json;
  if (j.is_boolean()) return Value::of(j.get<bool>() ? 1 : 0);
  if (j.is_number_float()) return Value::of(static_cast<long long>(std::trunc(j.get<double>())));
  if (j.is_number()) return Value::of(j);
  if (j.is_string()) {
    if (auto n = parse_int(j.get<std::string>())) return Value::of(*n);
  }
  return Value::of(fallback);
}

Result<Value> first_or_last(const FilterCall& call) {
  auto items = iterate(call.input.json);
  if (!items) return items.error();
  if (items->empty()) return Value::missing("No " + call.name + " item, sequence was empty.");
  return Value::of(call.name == "first" ? items->front() : items->back());
}

Result<Value> length(const FilterCall& call) {
  const Json& j = call.input.json;
  if (j.is_string()) return Value::of(py::length(j.get<std::string>()));
  if (j.is_array() || j.is_object()) return Value::of(j.size());
  return type_error("object of type '" + py::type_name(j) + "' has no len()");
}

Result<Value> join(const FilterCall& call) {
  auto items = iterate(call.input.json);
  if (!items) return items.error();
  std::string sep = py::str(arg(call, 0, "d", ""));
  std::string out;
  for (size_t i = 0; i < items->size(); ++i) out += (i ? sep : "") + py::str((*items)[i]);
  return Value::of(out);
}

/// Compiled patterns, shared by every host (patterns are few, hosts many).
Result<PyRegex> cached_regex(const std::string& pattern, bool icase, bool multiline) {
  static std::mutex mu;
  static std::map<std::tuple<std::string, bool, bool>, PyRegex> cache;
  std::lock_guard lock(mu);
  auto key = std::make_tuple(pattern, icase, multiline);
  auto it = cache.find(key);
  if (it == cache.end()) {
    auto re = PyRegex::compile(pattern, icase, multiline);
    if (!re) return re.error();
    it = cache.emplace(key, std::move(*re)).first;
  }
  return it->second;
}

Result<Value> regex_replace(const FilterCall& call) {
  std::string pattern = py::str(arg(call, 0, "pattern", ""));
  std::string replacement = py::str(arg(call, 1, "replacement", ""));
  bool icase = py::truthy(arg(call, 2, "ignorecase", false));
  bool multiline = py::truthy(arg(call, 3, "multiline", false));
  auto re = cached_regex(pattern, icase, multiline);
  if (!re) return re.error();
  auto out = re->sub(replacement, py::str(call.input.json));
  if (!out) return out.error();
  return Value::of(*out);
}

Result<Value> string_filter(const FilterCall& call) {
  const std::string& f = call.name;
  std::string s = py::str(call.input.json);
  if (f == "lower") return Value::of(unicode::to_lower(s));
  if (f == "upper") return Value::of(unicode::to_upper(s));
  if (f == "string") {
    Value v = Value::of(s);
    v.keep_text = true;
    return v;
  }
  Json count = arg(call, 2, "count", nullptr);
  return Value::of(replace_all(s, py::str(arg(call, 0, "old", "")), py::str(arg(call, 1, "new", "")),
                               count.is_number() ? count.get<long long>() : -1));
}

}  // namespace

Error undefined_error(const Value& value) {
  return make_error(ErrorCategory::Config, "UndefinedVariable", value.reason);
}

Error type_error(const std::string& message) { return make_error(ErrorCategory::Config, "TemplateError", message); }

Result<Value> apply_filter(const FilterCall& call) {
  const std::string& f = call.name;
  if (f == "default" || f == "d") {
    if (auto s = check_arity(call, 2, {"default_value", "boolean"}); !s) return s.error();
    bool use_default = call.input.undefined || (py::truthy(arg(call, 1, "boolean", false)) && !py::truthy(call.input.json));
    return use_default ? Value::of(arg(call, 0, "default_value", "")) : call.input;
  }
  if (call.input.undefined) return undefined_error(call.input);
  static const std::map<std::string, std::pair<size_t, std::vector<std::string_view>>> arity = {
      {"lower", {0, {}}}, {"upper", {0, {}}}, {"string", {0, {}}}, {"length", {0, {}}}, {"count", {0, {}}},
      {"first", {0, {}}}, {"last", {0, {}}}, {"int", {1, {"default"}}}, {"join", {1, {"d"}}},
      {"replace", {3, {"old", "new", "count"}}},
      {"regex_replace", {4, {"pattern", "replacement", "ignorecase", "multiline"}}}};
  const auto& [max, keys] = arity.at(f);
  if (auto s = check_arity(call, max, keys); !s) return s.error();
  if (f == "int") return to_int(call);
  if (f == "first" || f == "last") return first_or_last(call);
  if (f == "length" || f == "count") return length(call);
  if (f == "join") return join(call);
  if (f == "regex_replace") return regex_replace(call);
  return string_filter(call);
}

Result<bool> apply_test(const std::string& name, const Value& input) {
  if (name == "defined") return !input.undefined;
  if (name == "undefined") return input.undefined;
  if (input.undefined) return false;  // Jinja2's type tests are false for undefined values
  const Json& j = input.json;
  if (name == "none") return j.is_null();
  if (name == "string") return j.is_string();
  if (name == "number") return j.is_number() || j.is_boolean();
  if (name == "mapping") return j.is_object();
  if (name == "boolean") return j.is_boolean();
  return j.is_array() || j.is_object() || j.is_string();  // sequence
}

}  // namespace ec2::inventory::aws_ec2
