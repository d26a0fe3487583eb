#pragma once
/// Regions and availability zones.
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/common.h"

namespace ec2 {

/// EC2 `Region`.
struct Region {
  std::optional<std::string> endpoint;  ///< Endpoint <regionEndpoint>
  std::optional<std::string> region_name;  ///< RegionName <regionName>
  std::optional<std::string> opt_in_status;  ///< OptInStatus <optInStatus>
};

/// EC2 `AvailabilityZoneMessage`.
struct AvailabilityZoneMessage {
  std::optional<std::string> message;  ///< Message <message>
};

/// EC2 `AvailabilityZone`.
struct AvailabilityZone {
  std::optional<std::string> state;  ///< State <zoneState>
  std::optional<std::string> opt_in_status;  ///< OptInStatus <optInStatus>
  std::optional<std::vector<AvailabilityZoneMessage>> messages;  ///< Messages <messageSet>
  std::optional<std::string> region_name;  ///< RegionName <regionName>
  std::optional<std::string> zone_name;  ///< ZoneName <zoneName>
  std::optional<std::string> zone_id;  ///< ZoneId <zoneId>
  std::optional<std::string> group_name;  ///< GroupName <groupName>
  std::optional<std::string> network_border_group;  ///< NetworkBorderGroup <networkBorderGroup>
  std::optional<std::string> zone_type;  ///< ZoneType <zoneType>
  std::optional<std::string> parent_zone_name;  ///< ParentZoneName <parentZoneName>
  std::optional<std::string> parent_zone_id;  ///< ParentZoneId <parentZoneId>
};

/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, Region& out);
Status from_xml(pugi::xml_node node, AvailabilityZoneMessage& out);
Status from_xml(pugi::xml_node node, AvailabilityZone& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const Region& value);
nlohmann::json to_json(const AvailabilityZoneMessage& value);
nlohmann::json to_json(const AvailabilityZone& value);

}  // namespace ec2
