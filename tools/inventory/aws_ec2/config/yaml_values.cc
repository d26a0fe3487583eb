#include "config/yaml_values.h"

#include <cstdlib>
#include <regex>
#include <string_view>

#include "config/pyvalue.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// PyYAML's (YAML 1.1) implicit types of a plain scalar, as its resolver has them. Compiled on
/// first use: compiling them costs a run several milliseconds, and most configs never need them
/// (see scalar_type).
const std::regex& bool_pattern() {
  static const std::regex pattern("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  return pattern;
}
const std::regex& int_pattern() {
  static const std::regex pattern(
      "[-+]?(0b[0-1_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)");
  return pattern;
}
const std::regex& float_pattern() {
  static const std::regex pattern(
      "[-+]?[0-9][0-9_]*\\.[0-9_]*([eE][-+][0-9]+)?|\\.[0-9][0-9_]*([eE][-+][0-9]+)?|"
      "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  return pattern;
}

/// Whether `s` can match one of the patterns above at all: PyYAML tries them only for scalars
/// starting with one of these characters.
bool may_be_bool_or_number(const std::string& s) {
  return !s.empty() && std::string_view("yYnNtTfFoO-+.0123456789").find(s[0]) != std::string_view::npos;
}

bool is_true_word(const std::string& s) {
  return s == "yes" || s == "Yes" || s == "YES" || s == "true" || s == "True" || s == "TRUE" || s == "on" ||
         s == "On" || s == "ON";
}

/// Python's int() of a YAML 1.1 integer (decimal, 0x, 0b, leading-zero octal).
std::string int_text(std::string s) {
  std::erase(s, '_');
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.erase(0, 1);
  long long v = 0;
  if (s.rfind("0x", 0) == 0) v = std::stoll(s.substr(2), nullptr, 16);
  else if (s.rfind("0b", 0) == 0) v = std::stoll(s.substr(2), nullptr, 2);
  else if (s.size() > 1 && s[0] == '0') v = std::stoll(s, nullptr, 8);
  else if (s.find(':') == std::string::npos) v = std::stoll(s);
  else return (negative ? "-" : "") + s;  // sexagesimal: rare enough to keep as written
  return std::to_string(negative ? -v : v);
}

/// Python's str(float(text)) for a YAML 1.1 float.
std::string float_text(std::string s) {
  std::erase(s, '_');
  std::string lower = s;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("nan") != std::string::npos) return "nan";
  if (lower.find("inf") != std::string::npos) return lower[0] == '-' ? "-inf" : "inf";
  if (s.find(':') != std::string::npos) return s;
  return py::str(Json(std::strtod(s.c_str(), nullptr)));
}

}  // namespace

Error OptionContext::error(const YAML::Node& node, const std::string& message) const {
  std::string where = file;
  if (node.IsDefined() && node.Mark().line >= 0) where.append(":").append(std::to_string(node.Mark().line + 1));
  return make_error(ErrorCategory::Config, "InvalidConfig", where + ": option '" + option + "': " + message);
}

OptionContext OptionContext::member(const std::string& name) const { return {file, option + "." + name}; }
OptionContext OptionContext::item(size_t index) const { return {file, option + "[" + std::to_string(index) + "]"}; }

ScalarType scalar_type(const YAML::Node& node) {
  if (node.IsNull()) return ScalarType::Null;
  if (node.Tag() == "!") return ScalarType::String;  // quoted
  const std::string& s = node.Scalar();
  if (s == "~" || s == "null" || s == "Null" || s == "NULL" || s.empty()) return ScalarType::Null;
  if (!may_be_bool_or_number(s)) return ScalarType::String;
  if (std::regex_match(s, bool_pattern())) return ScalarType::Bool;
  if (std::regex_match(s, int_pattern())) return ScalarType::Int;
  if (std::regex_match(s, float_pattern())) return ScalarType::Float;
  return ScalarType::String;
}

std::string scalar_str(const YAML::Node& node) {
  switch (scalar_type(node)) {
    case ScalarType::Null: return "None";
    case ScalarType::Bool: return is_true_word(node.Scalar()) ? "True" : "False";
    case ScalarType::Int: return int_text(node.Scalar());
    case ScalarType::Float: return float_text(node.Scalar());
    default: return node.Scalar();
  }
}

Result<bool> as_bool(const YAML::Node& node, const OptionContext& ctx) {
  if (!node.IsScalar()) return ctx.error(node, "expected a boolean");
  std::string s = node.Scalar();
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s == "yes" || s == "on" || s == "true" || s == "1" || s == "y" || s == "t" || s == "1.0") return true;
  if (s == "no" || s == "off" || s == "false" || s == "0" || s == "n" || s == "f" || s == "0.0") return false;
  return ctx.error(node, "expected a boolean, got '" + node.Scalar() + "'");
}

Result<long> as_int(const YAML::Node& node, const OptionContext& ctx) {
  if (node.IsScalar()) {
    std::string s = scalar_str(node);
    size_t used = 0;
    try {
      long v = std::stol(s, &used);
      if (used == s.size()) return v;
    } catch (const std::exception&) {
    }
  }
  return ctx.error(node, "expected an integer");
}

Result<std::string> as_str(const YAML::Node& node, const OptionContext& ctx) {
  if (!node.IsScalar() && !node.IsNull()) return ctx.error(node, "expected a string");
  return scalar_str(node);
}

Result<std::vector<std::string>> as_str_list(const YAML::Node& node, const OptionContext& ctx) {
  std::vector<std::string> out;
  if (node.IsNull()) return out;
  if (node.IsScalar()) {
    std::string s = node.Scalar();
    for (size_t start = 0;;) {
      size_t comma = s.find(',', start);
      std::string part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      part.erase(0, part.find_first_not_of(" \t"));
      part.erase(part.find_last_not_of(" \t") + 1);
      if (part.size() >= 2 && (part[0] == '"' || part[0] == '\'') && part.back() == part[0]) part = part.substr(1, part.size() - 2);
      out.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return out;
  }
  if (!node.IsSequence()) return ctx.error(node, "expected a list");
  for (size_t i = 0; i < node.size(); ++i) {
    auto s = as_str(node[i], ctx.item(i));
    if (!s) return s.error();
    out.push_back(*s);
  }
  return out;
}

Status expect_map(const YAML::Node& node, const OptionContext& ctx) {
  if (node.IsNull() || node.IsMap()) return {};
  return ctx.error(node, "expected a dictionary");
}

Status expect_sequence(const YAML::Node& node, const OptionContext& ctx) {
  if (node.IsNull() || node.IsSequence()) return {};
  return ctx.error(node, "expected a list");
}

}  // namespace ec2::inventory::aws_ec2
