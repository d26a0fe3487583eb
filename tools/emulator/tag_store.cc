#include "tag_store.h"

#include <algorithm>
#include <array>
#include <utility>

namespace ec2::emu {

const Tags& TagStore::of(std::string_view id) const {
  static const Tags kNone;
  auto it = tags_.find(id);
  return it == tags_.end() ? kNone : it->second;
}

void TagStore::set(const std::string& id, const std::string& key, const std::string& value) {
  Tags& tags = tags_[id];
  for (Tag& tag : tags) {
    if (tag.key == key) {
      tag.value = value;
      return;
    }
  }
  tags.push_back({key, value});
}

void TagStore::set_all(const std::string& id, const Tags& tags) {
  for (const Tag& tag : tags) set(id, tag.key, tag.value);
}

void TagStore::remove(const std::string& id, const std::string& key, const std::string* value) {
  auto it = tags_.find(id);
  if (it == tags_.end()) return;
  std::erase_if(it->second, [&](const Tag& tag) { return tag.key == key && (!value || tag.value == *value); });
  if (it->second.empty()) tags_.erase(it);
}

void TagStore::erase(std::string_view id) {
  auto it = tags_.find(id);
  if (it != tags_.end()) tags_.erase(it);
}

size_t TagStore::count_after(const std::string& id, const Tags& tags) const {
  const Tags& current = of(id);
  size_t count = current.size();
  for (size_t i = 0; i < tags.size(); ++i) {
    bool known = std::any_of(current.begin(), current.end(), [&](const Tag& t) { return t.key == tags[i].key; }) ||
                 std::any_of(tags.begin(), tags.begin() + i, [&](const Tag& t) { return t.key == tags[i].key; });
    if (!known) ++count;
  }
  return count;
}

std::string_view resource_type_of(std::string_view id) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kPrefixes{{
      {"i-", "instance"},
      {"vpc-cidr-assoc-", "vpc-cidr-association"},
      {"vpc-", "vpc"},
      {"sgr-", "security-group-rule"},
      {"sg-", "security-group"},
      {"pcx-", "vpc-peering-connection"},
      {"subnet-", "subnet"},
      {"key-", "key-pair"},
      {"ami-", "image"},
      {"vol-", "volume"},
      {"eni-", "network-interface"},
      {"igw-", "internet-gateway"},
      {"rtb-", "route-table"},
      {"dopt-", "dhcp-options"},
  }};
  for (auto& [prefix, type] : kPrefixes) {
    if (id.substr(0, prefix.size()) == prefix) return type;
  }
  return {};
}

}  // namespace ec2::emu
