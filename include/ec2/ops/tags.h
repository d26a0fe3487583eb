#pragma once
/// Tags: CreateTags, DeleteTags, DescribeTags.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/client.h"
#include "ec2/model/tag.h"
#include "ec2/ops/common.h"
#include "ec2/query.h"
#include "ec2/types.h"

namespace ec2 {

/// CreateTags input: every tag goes on every resource.
struct CreateTagsRequest {
  std::vector<std::string> resource_ids;  ///< ResourceId.N
  Tags tags;                              ///< Tag.N.Key / Tag.N.Value
  bool dry_run = false;                   ///< DryRun
};

/// DeleteTags input. A tag whose value is nullopt is deleted whatever its value (only
/// `Tag.N.Key` is sent); an empty `tags` deletes every user tag of the resources.
struct DeleteTagsRequest {
  struct TagKey {
    std::string key;
    std::optional<std::string> value;
  };
  std::vector<std::string> resource_ids;  ///< ResourceId.N
  std::vector<TagKey> tags;               ///< Tag.N.Key / Tag.N.Value
  bool dry_run = false;                   ///< DryRun
};

QueryParams to_params(const CreateTagsRequest& request);
QueryParams to_params(const DeleteTagsRequest& request);
Result<EmptyResponse> create_tags(const Client& client, const CreateTagsRequest& request);
Result<EmptyResponse> delete_tags(const Client& client, const DeleteTagsRequest& request);

struct DescribeTagsRequest {
  Filters filters;                        ///< Filter.N (resource-id, resource-type, key, value)
  std::optional<int> max_results;         ///< MaxResults
  std::optional<std::string> next_token;  ///< NextToken
  bool dry_run = false;                   ///< DryRun
};

struct DescribeTagsResponse {
  std::string request_id;
  std::vector<TagDescription> tags;
  std::optional<std::string> next_token;
};

QueryParams to_params(const DescribeTagsRequest& request);
Result<DescribeTagsResponse> parse_describe_tags(const pugi::xml_document& doc);
/// `{"Tags": [...], "NextToken": ...}`.
nlohmann::json to_json(const DescribeTagsResponse& response);
Result<DescribeTagsResponse> describe_tags(const Client& client,
                                           const DescribeTagsRequest& request = {});
/// Every page, tags concatenated.
Result<DescribeTagsResponse> describe_tags_all(const Client& client,
                                               const DescribeTagsRequest& request = {});

}  // namespace ec2
