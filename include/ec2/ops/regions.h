#pragma once
/// DescribeRegions and DescribeAvailabilityZones.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/client.h"
#include "ec2/model/region.h"
#include "ec2/ops/common.h"
#include "ec2/query.h"
#include "ec2/types.h"

namespace ec2 {

struct DescribeRegionsRequest {
  std::vector<std::string> region_names;  ///< RegionName.N
  Filters filters;                        ///< Filter.N
  std::optional<bool> all_regions;        ///< AllRegions (include regions not opted in)
  bool dry_run = false;                   ///< DryRun
};

struct DescribeRegionsResponse {
  std::string request_id;
  std::vector<Region> regions;
};

QueryParams to_params(const DescribeRegionsRequest& request);
Result<DescribeRegionsResponse> parse_describe_regions(const pugi::xml_document& doc);
/// `{"Regions": [...]}`.
nlohmann::json to_json(const DescribeRegionsResponse& response);
Result<DescribeRegionsResponse> describe_regions(const Client& client,
                                                 const DescribeRegionsRequest& request = {});

struct DescribeAvailabilityZonesRequest {
  std::vector<std::string> zone_names;        ///< ZoneName.N
  std::vector<std::string> zone_ids;          ///< ZoneId.N
  Filters filters;                            ///< Filter.N
  std::optional<bool> all_availability_zones; ///< AllAvailabilityZones
  bool dry_run = false;                       ///< DryRun
};

struct DescribeAvailabilityZonesResponse {
  std::string request_id;
  std::vector<AvailabilityZone> availability_zones;
};

QueryParams to_params(const DescribeAvailabilityZonesRequest& request);
Result<DescribeAvailabilityZonesResponse> parse_describe_availability_zones(
    const pugi::xml_document& doc);
/// `{"AvailabilityZones": [...]}`.
nlohmann::json to_json(const DescribeAvailabilityZonesResponse& response);
Result<DescribeAvailabilityZonesResponse> describe_availability_zones(
    const Client& client, const DescribeAvailabilityZonesRequest& request = {});

}  // namespace ec2
