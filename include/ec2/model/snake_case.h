#pragma once
/// Ansible's naming of boto3 results: `camel_dict_to_snake_dict` turns `VpcPeeringConnectionId`
/// into `vpc_peering_connection_id`. Modules and the aws_ec2 inventory return EC2 data this way.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ec2 {

/// Ansible's `_camel_to_snake(name)` (the non-reversible form): `InstanceId` → `instance_id`,
/// `TargetGroupARNs` → `target_group_arns`, `HTTPEndpoint` → `http_endpoint`. A linear scan with
/// the same results as Ansible's three regular expressions.
std::string camel_to_snake(std::string_view name);

/// Every object key of `value`, at every depth, through `camel_to_snake`; values are unchanged.
/// Works for `nlohmann::json` and `nlohmann::ordered_json` (which keeps the key order).
template <class Json>
Json snake_case_keys(const Json& value) {
  if (value.is_object()) {
    Json out = Json::object();
    for (const auto& [key, item] : value.items()) out[camel_to_snake(key)] = snake_case_keys(item);
    return out;
  }
  if (value.is_array()) {
    Json out = Json::array();
    for (const auto& item : value) out.push_back(snake_case_keys(item));
    return out;
  }
  return value;
}

}  // namespace ec2
