#include "params.h"

#include <charconv>
#include <set>

#include <fmt/format.h>

#include "api_error.h"

namespace ec2::emu {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Parses a positive decimal index; -1 when `text` is not one.
int parse_index(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return -1;
  return value;
}

}  // namespace

std::string form_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void Params::add_form(std::string_view form) {
  while (!form.empty()) {
    size_t amp = form.find('&');
    std::string_view pair = form.substr(0, amp);
    form = amp == std::string_view::npos ? std::string_view() : form.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key = form_decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? std::string() : form_decode(pair.substr(eq + 1));
    values_[std::move(key)] = std::move(value);
  }
}

const std::string* Params::find(std::string_view key) const {
  auto it = values_.find(key);
  return it == values_.end() ? nullptr : &it->second;
}

std::string Params::get(std::string_view key, std::string_view fallback) const {
  const std::string* value = find(key);
  return value ? *value : std::string(fallback);
}

Result<std::string> Params::required(std::string_view key) const {
  const std::string* value = find(key);
  if (!value || value->empty()) return missing_parameter(key);
  return *value;
}

Result<std::optional<int64_t>> Params::optional_integer(std::string_view key) const {
  const std::string* text = find(key);
  if (!text) return std::optional<int64_t>();
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || ec != std::errc() || end != text->data() + text->size()) {
    return invalid_value(fmt::format("Invalid value '{}' for {}. Expected an integer.", *text, key));
  }
  return std::optional<int64_t>(value);
}

Result<int64_t> Params::integer(std::string_view key, int64_t fallback, int64_t min,
                                int64_t max) const {
  auto value = optional_integer(key);
  if (!value) return value.error();
  if (!value->has_value()) return fallback;
  int64_t v = **value;
  if (v < min || v > max) {
    return invalid_value(fmt::format("Value ( {} ) for parameter {} is invalid. Expecting a value "
                                     "between {} and {}.", v, key, min, max));
  }
  return v;
}

Result<bool> Params::boolean(std::string_view key, bool fallback) const {
  const std::string* text = find(key);
  if (!text) return fallback;
  if (*text == "true" || *text == "True" || *text == "1") return true;
  if (*text == "false" || *text == "False" || *text == "0") return false;
  return invalid_value(fmt::format("Invalid value '{}' for {}. Expected 'true' or 'false'.", *text, key));
}

std::vector<int> Params::indices(std::string_view prefix) const {
  std::set<int> found;
  std::string start = std::string(prefix) + '.';
  for (auto it = values_.lower_bound(start); it != values_.end(); ++it) {
    std::string_view key = it->first;
    if (key.substr(0, start.size()) != start) break;
    std::string_view rest = key.substr(start.size());
    int index = parse_index(rest.substr(0, rest.find('.')));
    if (index > 0) found.insert(index);
  }
  return {found.begin(), found.end()};
}

std::vector<std::string> Params::list(std::string_view prefix) const {
  std::vector<std::string> out;
  for (int index : indices(prefix)) {
    if (const std::string* value = find(fmt::format("{}.{}", prefix, index))) out.push_back(*value);
  }
  return out;
}

Result<Filters> Params::filters(std::string_view prefix) const {
  Filters out;
  for (int index : indices(prefix)) {
    std::string base = fmt::format("{}.{}", prefix, index);
    const std::string* name = find(base + ".Name");
    if (!name || name->empty()) return missing_parameter(base + ".Name");
    out.push_back({*name, list(base + ".Value")});
  }
  return out;
}

Result<Tags> Params::tags(std::string_view prefix) const {
  Tags out;
  for (int index : indices(prefix)) {
    std::string base = fmt::format("{}.{}", prefix, index);
    const std::string* key = find(base + ".Key");
    if (!key) return missing_parameter(base + ".Key");
    out.push_back({*key, get(base + ".Value")});
  }
  return out;
}

Result<std::vector<TagSpecification>> Params::tag_specifications() const {
  std::vector<TagSpecification> out;
  for (int index : indices("TagSpecification")) {
    std::string base = fmt::format("TagSpecification.{}", index);
    auto tags = this->tags(base + ".Tag");
    if (!tags) return tags.error();
    const std::string* type = find(base + ".ResourceType");
    if (!type || type->empty()) return missing_parameter(base + ".ResourceType");
    out.push_back({*type, std::move(*tags)});
  }
  return out;
}

Result<Tags> Params::tags_for(std::string_view resource_type) const {
  auto specs = tag_specifications();
  if (!specs) return specs.error();
  Tags out;
  for (auto& spec : *specs) {
    if (spec.resource_type == resource_type) out.insert(out.end(), spec.tags.begin(), spec.tags.end());
  }
  return out;
}

}  // namespace ec2::emu
