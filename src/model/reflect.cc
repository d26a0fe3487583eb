#include "model/reflect.h"

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

bool read(pugi::xml_node node, std::string& out, Error&) {
  out.assign(node.child_value());
  return true;
}

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

bool read(pugi::xml_node node, Tag& out, Error&) {
  out.key.assign(node.child("key").child_value());
  out.value.assign(node.child("value").child_value());
  return true;
}

}  // namespace ec2::model
