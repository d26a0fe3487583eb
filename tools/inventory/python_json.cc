#include "python_json.h"

#include <cstdint>
#include <cstdio>

namespace ec2::inventory {
namespace {

/// Decodes the UTF-8 sequence at `text[i]`, advancing `i`; invalid input gives U+FFFD.
uint32_t next_code_point(const std::string& text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3
             : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  uint32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    unsigned char c = byte(i + k);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  i += length;
  if (cp < kMin[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  return cp;
}

void append_u_escape(std::string& out, uint32_t unit) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "\\u%04x", unit);
  out += buffer;
}

void dump(const nlohmann::json& value, int indent, int depth, std::string& out);

void newline(std::string& out, int indent, int depth) {
  out += '\n';
  out.append(static_cast<size_t>(indent * depth), ' ');
}

void dump_object(const nlohmann::json& value, int indent, int depth, std::string& out) {
  if (value.empty()) {
    out += "{}";
    return;
  }
  out += '{';
  bool first = true;
  for (auto it = value.begin(); it != value.end(); ++it) {  // std::map: sorted by UTF-8 bytes
    if (!first) out += ',';
    first = false;
    newline(out, indent, depth + 1);
    append_python_json_string(out, it.key());
    out += ": ";
    dump(it.value(), indent, depth + 1, out);
  }
  newline(out, indent, depth);
  out += '}';
}

void dump_array(const nlohmann::json& value, int indent, int depth, std::string& out) {
  if (value.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  bool first = true;
  for (const auto& item : value) {
    if (!first) out += ',';
    first = false;
    newline(out, indent, depth + 1);
    dump(item, indent, depth + 1, out);
  }
  newline(out, indent, depth);
  out += ']';
}

void dump(const nlohmann::json& value, int indent, int depth, std::string& out) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: dump_object(value, indent, depth, out); break;
    case nlohmann::json::value_t::array: dump_array(value, indent, depth, out); break;
    case nlohmann::json::value_t::string:
      append_python_json_string(out, value.get_ref<const std::string&>());
      break;
    case nlohmann::json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; break;
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded: out += "null"; break;
    default: out += value.dump(); break;  // numbers
  }
}

}  // namespace

void append_python_json_string(std::string& out, const std::string& text) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      if (c == '"' || c == '\\') out += '\\';
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    switch (c) {
      case '\n': out += "\\n"; ++i; continue;
      case '\r': out += "\\r"; ++i; continue;
      case '\t': out += "\\t"; ++i; continue;
      case '\b': out += "\\b"; ++i; continue;
      case '\f': out += "\\f"; ++i; continue;
      default: break;
    }
    uint32_t cp = next_code_point(text, i);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      append_u_escape(out, 0xD800 | (cp >> 10));
      append_u_escape(out, 0xDC00 | (cp & 0x3FF));
    } else {
      append_u_escape(out, cp);
    }
  }
  out += '"';
}

std::string python_json_dumps(const nlohmann::json& value, int indent) {
  std::string out;
  dump(value, indent, 0, out);
  return out;
}

}  // namespace ec2::inventory
