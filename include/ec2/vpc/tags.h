#pragma once
/// Tag helpers shared by the VPC resources, as amazon.aws's describe/ensure_ec2_tags and
/// compare_aws_tags: tags as a key → value map, a diff that never purges `aws:` keys, and one
/// call that brings a resource's tags to the desired set.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/client.h"
#include "ec2/result.h"
#include "ec2/types.h"

namespace ec2::vpc {

/// Tags keyed by name (the form Ansible modules take and return).
using TagMap = std::map<std::string, std::string>;

TagMap to_tag_map(const Tags& tags);
Tags to_tags(const TagMap& tags);
/// `{"Key": "Value", ...}`.
nlohmann::json to_json(const TagMap& tags);

/// What `compare_tags` found: tags to create or overwrite, keys to delete.
struct TagDiff {
  TagMap to_set;
  std::vector<std::string> to_unset;
  bool empty() const { return to_set.empty() && to_unset.empty(); }
};

/// Tags of `desired` that are missing or differ in `current`; with `purge`, keys of `current`
/// absent from `desired` too, except `aws:`-prefixed keys, which AWS owns and never purges.
TagDiff compare_tags(const TagMap& current, const TagMap& desired, bool purge);

/// The tags of one resource (DescribeTags filtered on resource-id, every page).
Result<TagMap> describe_resource_tags(const Client& client, const std::string& resource_id);

/// Result of `ensure_tags`.
struct EnsureTagsResult {
  bool changed = false;
  TagMap before;  ///< Tags found.
  TagMap after;   ///< Tags the resource has now (or would have, in check mode).
};

/// Brings the tags of `resource_id` to `desired` (purging others with `purge`). In check mode
/// nothing is sent but the result says what would change. `extra_retry_codes` are retried too
/// (e.g. the NotFound code of a resource created a moment ago).
Result<EnsureTagsResult> ensure_tags(const Client& client, const std::string& resource_id,
                                     const TagMap& desired, bool purge, bool check_mode,
                                     const std::vector<std::string>& extra_retry_codes = {});

}  // namespace ec2::vpc
