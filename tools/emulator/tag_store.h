#pragma once
/// Tags of every resource of one region, keyed by resource id. All resource kinds keep their tags
/// here so CreateTags/DeleteTags/DescribeTags and the `tag:` filters work the same way everywhere.

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ec2/types.h"

namespace ec2::emu {

/// EC2's per-resource tag limit.
inline constexpr size_t kMaxTagsPerResource = 50;

class TagStore {
 public:
  /// Tags of `id` in the order they were first set (empty when none).
  const Tags& of(std::string_view id) const;
  /// Sets (adds or overwrites) one tag.
  void set(const std::string& id, const std::string& key, const std::string& value);
  /// Sets several tags.
  void set_all(const std::string& id, const Tags& tags);
  /// Removes tag `key` of `id`; when `value` is given, only if the value equals it.
  void remove(const std::string& id, const std::string& key, const std::string* value = nullptr);
  /// Removes every tag of `id` (call when the resource is deleted).
  void erase(std::string_view id);
  /// Number of tags `id` would have after setting `tags` (for the 50-tag limit).
  size_t count_after(const std::string& id, const Tags& tags) const;

  /// Every (id, tags) entry, in id order (DescribeTags).
  const std::map<std::string, Tags, std::less<>>& all() const { return tags_; }
  void clear() { tags_.clear(); }

 private:
  std::map<std::string, Tags, std::less<>> tags_;
};

/// EC2 resource type of an id by its prefix: `i-` → "instance", `vpc-` → "vpc",
/// `sg-` → "security-group", `pcx-` → "vpc-peering-connection", `subnet-`, `key-` → "key-pair",
/// `ami-` → "image", … Empty when unknown.
std::string_view resource_type_of(std::string_view id);

}  // namespace ec2::emu
