#pragma once
/// DescribeImages.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/client.h"
#include "ec2/model/image.h"
#include "ec2/ops/common.h"
#include "ec2/query.h"
#include "ec2/types.h"

namespace ec2 {

struct DescribeImagesRequest {
  std::vector<std::string> image_ids;      ///< ImageId.N
  std::vector<std::string> owners;         ///< Owner.N ("self", "amazon", account ids)
  std::vector<std::string> executable_by;  ///< ExecutableBy.N
  Filters filters;                         ///< Filter.N
  std::optional<bool> include_deprecated;  ///< IncludeDeprecated
  bool dry_run = false;                    ///< DryRun
};

struct DescribeImagesResponse {
  std::string request_id;
  std::vector<Image> images;
};

QueryParams to_params(const DescribeImagesRequest& request);
Result<DescribeImagesResponse> parse_describe_images(const pugi::xml_document& doc);
/// `{"Images": [...]}`.
nlohmann::json to_json(const DescribeImagesResponse& response);
Result<DescribeImagesResponse> describe_images(const Client& client,
                                               const DescribeImagesRequest& request = {});

}  // namespace ec2
