#pragma once
/// Tags of every resource of one region, keyed by resource id. All resource kinds keep their tags
/// here so CreateTags/DeleteTags/DescribeTags and the `tag:` filters work the same way everywhere.

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

  /// Hashes ids given as any string type, so lookups by string_view make no copy.
  struct IdHash {
    using is_transparent = void;
    size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  using Map = std::unordered_map<std::string, Tags, IdHash, std::equal_to<>>;

  /// Every (id, tags) entry, in no particular order (callers that list them sort).
  const Map& all() const { return tags_; }
  void clear() { tags_.clear(); }

 private:
  /// Hashed rather than ordered: DescribeInstances looks up every listed instance's tags, and a
  /// tree walk of string compares per instance was a tenth of the server's time for large pages.
  Map tags_;
};

/// EC2 resource type of an id by its prefix: `i-` → "instance", `vpc-` → "vpc",
/// `sg-` → "security-group", `pcx-` → "vpc-peering-connection", `subnet-`, `key-` → "key-pair",
/// `ami-` → "image", … Empty when unknown.
std::string_view resource_type_of(std::string_view id);

}  // namespace ec2::emu
