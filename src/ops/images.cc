#include "ec2/ops/images.h"

#include "model/image_schema.h"
#include "ops/operation.h"

namespace ec2 {
namespace model {

template <>
struct Schema<DescribeImagesResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeImagesResponse::request_id),
      field("Images", "imagesSet", &DescribeImagesResponse::images));
};

}  // namespace model

QueryParams to_params(const DescribeImagesRequest& request) {
  QueryParams params;
  params.set_list("ExecutableBy", request.executable_by);
  params.set_filters(request.filters);
  params.set_list("ImageId", request.image_ids);
  params.set_list("Owner", request.owners);
  ops::set_optional(params, "IncludeDeprecated", request.include_deprecated);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<DescribeImagesResponse> parse_describe_images(const pugi::xml_document& doc) {
  return ops::parse_response<DescribeImagesResponse>(doc);
}

nlohmann::json to_json(const DescribeImagesResponse& response) {
  return model::json_value(response);
}

Result<DescribeImagesResponse> describe_images(const Client& client,
                                               const DescribeImagesRequest& request) {
  return ops::invoke(client, "DescribeImages", to_params(request), "describe images",
                     &parse_describe_images);
}

}  // namespace ec2
