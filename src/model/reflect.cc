#include "model/reflect.h"

#include "model/visit_xml.h"

#include "ec2/model/snake_case.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace ec2::model {
namespace {

std::string_view trimmed_text(pugi::xml_node node) {
  std::string_view text = node.child_value();
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t' ||
                           text.front() == '\r')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing past
/// U+10FFFF): text that JSON and the tools' output can carry.
bool is_valid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t extra = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
    if (extra == 0 || i + extra >= text.size()) return false;
    auto second = static_cast<unsigned char>(text[i + 1]);
    unsigned char low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (second < low || second > high) return false;
    for (size_t k = 2; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

/// The text of `node` in `out`; text that is not UTF-8 is a parse error naming the element.
bool checked_text(pugi::xml_node node, std::string_view& out, Error& error) {
  out = node.child_value();
  if (is_valid_utf8(out)) return true;
  error = parse_error(node, "text that is not valid UTF-8");
  return false;
}

/// Reads the text of `node` into `out` (see checked_text).
bool read_text(pugi::xml_node node, std::string& out, Error& error) {
  std::string_view text;
  if (!checked_text(node, text, error)) return false;
  out.assign(text);
  return true;
}

template <class Int>
bool read_integer(pugi::xml_node node, Int& out, Error& error) {
  std::string_view text = trimmed_text(node);
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  if (ec != std::errc() || ptr != end || text.empty()) {
    error = parse_error(node, "invalid integer '" + std::string(text) + "'");
    return false;
  }
  return true;
}

}  // namespace

std::string element_path(pugi::xml_node node) {
  std::string path;
  for (; node && node.type() == pugi::node_element; node = node.parent()) {
    path = path.empty() ? std::string(node.name()) : std::string(node.name()) + "/" + path;
  }
  return path;
}

Error parse_error(pugi::xml_node node, std::string_view what) {
  return make_error(ErrorCategory::Parse, "MalformedResponse",
                    std::string(what) + " in <" + element_path(node) + ">");
}

bool read(pugi::xml_node node, std::string& out, Error& error) { return read_text(node, out, error); }

bool read(pugi::xml_node node, int& out, Error& error) { return read_integer(node, out, error); }

bool read(pugi::xml_node node, int64_t& out, Error& error) {
  return read_integer(node, out, error);
}

bool read(pugi::xml_node node, bool& out, Error& error) {
  std::string_view text = trimmed_text(node);
  if (text == "true") {
    out = true;
  } else if (text == "false") {
    out = false;
  } else {
    error = parse_error(node, "invalid boolean '" + std::string(text) + "'");
    return false;
  }
  return true;
}

bool read(pugi::xml_node node, Timestamp& out, Error& error) {
  std::string_view text = trimmed_text(node);
  std::optional<Timestamp> time = parse_timestamp(text);
  if (!time) {
    error = parse_error(node, "invalid timestamp '" + std::string(text) + "'");
    return false;
  }
  out = *time;
  return true;
}

bool read(pugi::xml_node node, Tag& out, Error& error) {
  return read_text(node.child("key"), out.key, error) && read_text(node.child("value"), out.value, error);
}

bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<std::string>, Error& error) {
  std::string_view text;
  if (!checked_text(node, text, error)) return false;
  v.string(text);
  return true;
}

/// Reads `node` as an M, then visits what it read.
template <class M>
bool read_and_visit(ModelVisitor& v, pugi::xml_node node, Error& error) {
  M value{};
  if (!read(node, value, error)) return false;
  visit_value(v, value);
  return true;
}

bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<int>, Error& error) {
  return read_and_visit<int>(v, node, error);
}
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<int64_t>, Error& error) {
  return read_and_visit<int64_t>(v, node, error);
}
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<bool>, Error& error) {
  return read_and_visit<bool>(v, node, error);
}
bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<Timestamp>, Error& error) {
  return read_and_visit<Timestamp>(v, node, error);
}

bool visit_xml(ModelVisitor& v, pugi::xml_node node, As<Tag>, Error& error) {
  v.begin_object();
  if (v.member("Key") && !visit_xml(v, node.child("key"), As<std::string>{}, error)) return false;
  if (v.member("Value") && !visit_xml(v, node.child("value"), As<std::string>{}, error)) return false;
  v.end_object();
  return true;
}

SnakeOrder make_snake_order(const std::vector<const char*>& names) {
  std::vector<std::pair<std::string, int>> named;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] != nullptr) named.emplace_back(camel_to_snake(names[i]), static_cast<int>(i));
  }
  std::sort(named.begin(), named.end());
  SnakeOrder order;
  for (size_t k = 0; k < named.size(); ++k) {
    if (k == 0 || named[k].first != named[k - 1].first) order.runs.push_back(k);
    order.fields.push_back(named[k].second);
  }
  order.runs.push_back(named.size());
  return order;
}

}  // namespace ec2::model
