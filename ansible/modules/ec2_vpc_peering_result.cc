// ec2_vpc_peering: the returned connection (boto3 shape, snake_cased, tags as a dict).
#include <algorithm>

#include "ec2/model/snake_case.h"
#include "ec2_vpc_peering.h"

namespace ec2::ansible::vpc_peering {

using nlohmann::json;

json connection_result(const VpcPeeringConnection& connection) {
  json out = snake_case_keys(to_json(connection));
  out["tags"] = vpc::to_json(vpc::to_tag_map(connection.tags.value_or(Tags{})));
  return out;
}

bool is_live(std::string_view status) {
  static constexpr std::string_view live[] = {"initiating-request", "pending-acceptance", "provisioning", "active"};
  return std::find(std::begin(live), std::end(live), status) != std::end(live);
}

}  // namespace ec2::ansible::vpc_peering
