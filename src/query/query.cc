#include "ec2/query.h"

#include <string>

namespace ec2 {
namespace {

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string indexed(std::string_view prefix, size_t index) {
  std::string key(prefix);
  key += '.';
  key += std::to_string(index);
  return key;
}

}  // namespace

QueryParams& QueryParams::set(std::string key, std::string value) {
  for (auto& item : items_) {
    if (item.first == key) {
      item.second = std::move(value);
      return *this;
    }
  }
  items_.emplace_back(std::move(key), std::move(value));
  return *this;
}

QueryParams& QueryParams::set_bool(std::string key, bool value) {
  return set(std::move(key), value ? "true" : "false");
}

QueryParams& QueryParams::set_int(std::string key, int64_t value) {
  return set(std::move(key), std::to_string(value));
}

QueryParams& QueryParams::set_list(std::string_view prefix,
                                   const std::vector<std::string>& values) {
  for (size_t i = 0; i < values.size(); ++i) set(indexed(prefix, i + 1), values[i]);
  return *this;
}

QueryParams& QueryParams::set_filters(const Filters& filters, std::string_view prefix) {
  for (size_t i = 0; i < filters.size(); ++i) {
    std::string base = indexed(prefix, i + 1);
    set(base + ".Name", filters[i].name);
    set_list(base + ".Value", filters[i].values);
  }
  return *this;
}

QueryParams& QueryParams::set_tags(std::string_view prefix, const Tags& tags) {
  for (size_t i = 0; i < tags.size(); ++i) {
    std::string base = indexed(prefix, i + 1);
    set(base + ".Key", tags[i].key);
    set(base + ".Value", tags[i].value);
  }
  return *this;
}

QueryParams& QueryParams::add_tag_specification(std::string_view resource_type, const Tags& tags) {
  std::string base = indexed("TagSpecification", static_cast<size_t>(++tag_specifications_));
  set(base + ".ResourceType", std::string(resource_type));
  return set_tags(base + ".Tag", tags);
}

const std::string* QueryParams::get(std::string_view key) const {
  for (const auto& [k, v] : items_) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string QueryParams::encode(std::string_view action) const { return encode(action, kApiVersion); }

std::string QueryParams::encode(std::string_view action, std::string_view version) const {
  std::string body = "Action=" + uri_encode(action) + "&Version=" + std::string(version);
  for (const auto& [key, value] : items_) {
    body += '&';
    body += uri_encode(key);
    body += '=';
    body += uri_encode(value);
  }
  return body;
}

std::string uri_encode(std::string_view value, bool encode_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size() + value.size() / 4);
  for (char ch : value) {
    auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c) || (c == '/' && !encode_slash)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string uri_decode(std::string_view value, bool plus_is_space) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '%' && i + 2 < value.size()) {
      int hi = hex_value(value[i + 1]);
      int lo = hex_value(value[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += (c == '+' && plus_is_space) ? ' ' : c;
  }
  return out;
}

}  // namespace ec2
