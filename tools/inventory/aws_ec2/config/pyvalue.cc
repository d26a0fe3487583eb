#include "config/pyvalue.h"

#include <cmath>
#include <cstdio>

#include "config/unicode_tables.h"

namespace ec2::inventory::aws_ec2::py {
namespace {

std::string float_text(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  return Json(d).dump();  // shortest round-trip form, like Python's repr
}

void append_escaped(std::string& out, char32_t cp, char quote) {
  char buf[12];
  if (cp == '\\' || cp == static_cast<char32_t>(quote)) {
    out.push_back('\\');
    out.push_back(static_cast<char>(cp));
  } else if (cp == '\n') {
    out += "\\n";
  } else if (cp == '\r') {
    out += "\\r";
  } else if (cp == '\t') {
    out += "\\t";
  } else if (unicode::is_printable(cp)) {
    unicode::append(out, cp);
  } else {
    const char* format = cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x";
    std::snprintf(buf, sizeof buf, format, static_cast<unsigned>(cp));
    out += buf;
  }
}

std::string string_repr(const std::string& s) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (char32_t cp : unicode::decode(s)) append_escaped(out, cp, quote);
  out.push_back(quote);
  return out;
}

bool is_number(const Json& v) { return v.is_number() || v.is_boolean(); }

double as_double(const Json& v) {
  if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
  return v.get<double>();
}

}  // namespace

std::string repr(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string: return string_repr(value.get_ref<const std::string&>());
    case Json::value_t::array: {
      std::string out = "[";
      for (size_t i = 0; i < value.size(); ++i) out += (i ? ", " : "") + repr(value[i]);
      return out + "]";
    }
    case Json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, v] : value.items()) {
        out += (first ? "" : ", ") + string_repr(k) + ": " + repr(v);
        first = false;
      }
      return out + "}";
    }
    default: return str(value);
  }
}

std::string str(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return "None";
    case Json::value_t::boolean: return value.get<bool>() ? "True" : "False";
    case Json::value_t::string: return value.get<std::string>();
    case Json::value_t::number_float: return float_text(value.get<double>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return value.dump();
    default: return repr(value);
  }
}

bool truthy(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return false;
    case Json::value_t::boolean: return value.get<bool>();
    case Json::value_t::string: return !value.get_ref<const std::string&>().empty();
    case Json::value_t::array:
    case Json::value_t::object: return !value.empty();
    default: return as_double(value) != 0;
  }
}

bool equal(const Json& a, const Json& b) {
  if (is_number(a) && is_number(b)) return as_double(a) == as_double(b);
  if (a.type() != b.type()) return false;
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!equal(a[i], b[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (const auto& [k, v] : a.items()) {
      if (!b.contains(k) || !equal(v, b[k])) return false;
    }
    return true;
  }
  return a == b;
}

std::optional<bool> less(const Json& a, const Json& b) {
  if (is_number(a) && is_number(b)) return as_double(a) < as_double(b);
  if (a.is_string() && b.is_string()) return a.get_ref<const std::string&>() < b.get_ref<const std::string&>();
  if (a.is_array() && b.is_array()) {
    for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
      if (equal(a[i], b[i])) continue;
      return less(a[i], b[i]);
    }
    return a.size() < b.size();
  }
  return std::nullopt;
}

std::string type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null: return "NoneType";
    case Json::value_t::boolean: return "bool";
    case Json::value_t::string: return "str";
    case Json::value_t::number_float: return "float";
    case Json::value_t::array: return "list";
    case Json::value_t::object: return "dict";
    default: return "int";
  }
}

size_t length(std::string_view utf8) {
  size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace ec2::inventory::aws_ec2::py
