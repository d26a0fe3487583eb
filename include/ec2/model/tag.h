#pragma once
/// Tags as DescribeTags returns them.
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/common.h"

namespace ec2 {

/// EC2 `TagDescription`.
struct TagDescription {
  std::optional<std::string> key;  ///< Key <key>
  std::optional<std::string> resource_id;  ///< ResourceId <resourceId>
  std::optional<std::string> resource_type;  ///< ResourceType <resourceType>
  std::optional<std::string> value;  ///< Value <value>
};

/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, TagDescription& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const TagDescription& value);

}  // namespace ec2
