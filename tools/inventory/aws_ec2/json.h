#pragma once
/// The JSON type of the aws_ec2 mode. Python dicts keep insertion order, and that order decides
/// which groups a `tags` keyed group creates first (and so the order of `all.children`), so values
/// are ordered_json; only the final `--list` document is sorted.

#include <nlohmann/json.hpp>

namespace ec2::inventory::aws_ec2 {

using Json = nlohmann::ordered_json;

}  // namespace ec2::inventory::aws_ec2
