#include "ec2/ops/regions.h"

#include "model/region_schema.h"
#include "ops/operation.h"

namespace ec2 {
namespace model {

template <>
struct Schema<DescribeRegionsResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeRegionsResponse::request_id),
      field("Regions", "regionInfo", &DescribeRegionsResponse::regions));
};

template <>
struct Schema<DescribeAvailabilityZonesResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeAvailabilityZonesResponse::request_id),
      field("AvailabilityZones", "availabilityZoneInfo",
            &DescribeAvailabilityZonesResponse::availability_zones));
};

}  // namespace model

QueryParams to_params(const DescribeRegionsRequest& request) {
  QueryParams params;
  params.set_filters(request.filters);
  params.set_list("RegionName", request.region_names);
  ops::set_optional(params, "AllRegions", request.all_regions);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<DescribeRegionsResponse> parse_describe_regions(const pugi::xml_document& doc) {
  return ops::parse_response<DescribeRegionsResponse>(doc);
}

nlohmann::json to_json(const DescribeRegionsResponse& response) {
  return model::json_value(response);
}

Result<DescribeRegionsResponse> describe_regions(const Client& client,
                                                 const DescribeRegionsRequest& request) {
  return ops::invoke(client, "DescribeRegions", to_params(request), "describe regions",
                     &parse_describe_regions);
}

QueryParams to_params(const DescribeAvailabilityZonesRequest& request) {
  QueryParams params;
  params.set_filters(request.filters);
  params.set_list("ZoneName", request.zone_names);
  params.set_list("ZoneId", request.zone_ids);
  ops::set_optional(params, "AllAvailabilityZones", request.all_availability_zones);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<DescribeAvailabilityZonesResponse> parse_describe_availability_zones(
    const pugi::xml_document& doc) {
  return ops::parse_response<DescribeAvailabilityZonesResponse>(doc);
}

nlohmann::json to_json(const DescribeAvailabilityZonesResponse& response) {
  return model::json_value(response);
}

Result<DescribeAvailabilityZonesResponse> describe_availability_zones(
    const Client& client, const DescribeAvailabilityZonesRequest& request) {
  return ops::invoke(client, "DescribeAvailabilityZones", to_params(request),
                     "describe availability zones", &parse_describe_availability_zones);
}

}  // namespace ec2
