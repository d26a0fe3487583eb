#pragma once
/// The filter-name → instance-attribute table that `hostnames` rules use.

#include <string>
#include <vector>

namespace ec2::inventory::aws_ec2 {

/// The attribute path (boto3 keys, descending through lists) filter `filter` reads, or nullptr
/// when `filter` is not one of the names the plugin knows (it is then a literal hostname).
const std::vector<std::string>* filter_attribute_path(const std::string& filter);

}  // namespace ec2::inventory::aws_ec2
