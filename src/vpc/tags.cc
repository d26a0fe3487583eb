// Tag maps, tag diffs and ensure_tags.
#include "ec2/vpc/tags.h"

#include "ec2/ops/tags.h"
#include "ec2/vpc/layer.h"

namespace ec2::vpc {

TagMap to_tag_map(const Tags& tags) {
  TagMap map;
  for (const auto& tag : tags) map[tag.key] = tag.value;
  return map;
}

Tags to_tags(const TagMap& tags) {
  Tags list;
  for (const auto& [key, value] : tags) list.push_back({key, value});
  return list;
}

nlohmann::json to_json(const TagMap& tags) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : tags) object[key] = value;
  return object;
}

TagDiff compare_tags(const TagMap& current, const TagMap& desired, bool purge) {
  TagDiff diff;
  for (const auto& [key, value] : desired) {
    auto it = current.find(key);
    if (it == current.end() || it->second != value) diff.to_set[key] = value;
  }
  if (purge) {
    for (const auto& [key, value] : current) {
      if (!desired.count(key) && key.rfind("aws:", 0) != 0) diff.to_unset.push_back(key);
    }
  }
  return diff;
}

Result<TagMap> describe_resource_tags(const Client& client, const std::string& resource_id) {
  DescribeTagsRequest request;
  request.filters = {{"resource-id", {resource_id}}};
  auto response = retry_call(client, [&] { return describe_tags_all(client, request); });
  if (!response) return failed_to(response.error(), "describe tags for resource " + resource_id);
  TagMap tags;
  for (const auto& tag : response->tags) tags[tag.key.value_or("")] = tag.value.value_or("");
  return tags;
}

Result<EnsureTagsResult> ensure_tags(const Client& client, const std::string& resource_id,
                                     const TagMap& desired, bool purge, bool check_mode,
                                     const std::vector<std::string>& extra_retry_codes) {
  auto current = describe_resource_tags(client, resource_id);
  if (!current) return current.error();
  EnsureTagsResult result;
  result.before = *current;
  const TagDiff diff = compare_tags(*current, desired, purge);
  result.changed = !diff.empty();
  result.after = *current;
  for (const auto& key : diff.to_unset) result.after.erase(key);
  for (const auto& [key, value] : diff.to_set) result.after[key] = value;
  if (!result.changed || check_mode) return result;

  if (!diff.to_unset.empty()) {
    DeleteTagsRequest request{{resource_id}, {}, false};
    for (const auto& key : diff.to_unset) request.tags.push_back({key, std::nullopt});
    auto deleted = retry_call(client, [&] { return delete_tags(client, request); }, extra_retry_codes);
    if (!deleted) return failed_to(deleted.error(), "remove tags from resource " + resource_id);
  }
  if (!diff.to_set.empty()) {
    CreateTagsRequest request{{resource_id}, to_tags(diff.to_set), false};
    auto created = retry_call(client, [&] { return create_tags(client, request); }, extra_retry_codes);
    if (!created) return failed_to(created.error(), "add tags to resource " + resource_id);
  }
  return result;
}

}  // namespace ec2::vpc
