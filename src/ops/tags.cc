#include "ec2/ops/tags.h"

#include "model/tag_schema.h"
#include "ops/operation.h"

namespace ec2 {
namespace model {

template <>
struct Schema<DescribeTagsResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeTagsResponse::request_id),
      field("Tags", "tagSet", &DescribeTagsResponse::tags),
      field("NextToken", "nextToken", &DescribeTagsResponse::next_token));
};

}  // namespace model

QueryParams to_params(const CreateTagsRequest& request) {
  QueryParams params;
  ops::add_dry_run(params, request.dry_run);
  params.set_list("ResourceId", request.resource_ids);
  params.set_tags("Tag", request.tags);
  return params;
}

QueryParams to_params(const DeleteTagsRequest& request) {
  QueryParams params;
  ops::add_dry_run(params, request.dry_run);
  params.set_list("ResourceId", request.resource_ids);
  for (size_t i = 0; i < request.tags.size(); ++i) {
    std::string base = "Tag." + std::to_string(i + 1);
    params.set(base + ".Key", request.tags[i].key);
    ops::set_optional(params, base + ".Value", request.tags[i].value);
  }
  return params;
}

Result<EmptyResponse> create_tags(const Client& client, const CreateTagsRequest& request) {
  return ops::invoke(client, "CreateTags", to_params(request), "create tags",
                     &ops::parse_response<EmptyResponse>);
}

Result<EmptyResponse> delete_tags(const Client& client, const DeleteTagsRequest& request) {
  return ops::invoke(client, "DeleteTags", to_params(request), "delete tags",
                     &ops::parse_response<EmptyResponse>);
}

QueryParams to_params(const DescribeTagsRequest& request) {
  QueryParams params;
  ops::add_dry_run(params, request.dry_run);
  params.set_filters(request.filters);
  ops::set_optional(params, "MaxResults", request.max_results);
  ops::set_optional(params, "NextToken", request.next_token);
  return params;
}

Result<DescribeTagsResponse> parse_describe_tags(const pugi::xml_document& doc) {
  return ops::parse_response<DescribeTagsResponse>(doc);
}

nlohmann::json to_json(const DescribeTagsResponse& response) {
  return model::json_value(response);
}

Result<DescribeTagsResponse> describe_tags(const Client& client,
                                           const DescribeTagsRequest& request) {
  return ops::invoke(client, "DescribeTags", to_params(request), "describe tags",
                     &parse_describe_tags);
}

Result<DescribeTagsResponse> describe_tags_all(const Client& client,
                                               const DescribeTagsRequest& request) {
  return ops::collect_pages<DescribeTagsRequest, DescribeTagsResponse>(
      request, [&](const DescribeTagsRequest& r) { return describe_tags(client, r); },
      [](DescribeTagsResponse& r) -> auto& { return r.tags; }, "describe tags");
}

}  // namespace ec2
