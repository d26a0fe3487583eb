#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/region.h.

#include "ec2/model/region.h"
#include "model/common_schema.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<Region> {
  static constexpr auto fields = std::make_tuple(
      field("Endpoint", "regionEndpoint", &Region::endpoint),
      field("RegionName", "regionName", &Region::region_name),
      field("OptInStatus", "optInStatus", &Region::opt_in_status));
};

template <>
struct Schema<AvailabilityZoneMessage> {
  static constexpr auto fields = std::make_tuple(
      field("Message", "message", &AvailabilityZoneMessage::message));
};

template <>
struct Schema<AvailabilityZone> {
  static constexpr auto fields = std::make_tuple(
      field("State", "zoneState", &AvailabilityZone::state),
      field("OptInStatus", "optInStatus", &AvailabilityZone::opt_in_status),
      field("Messages", "messageSet", &AvailabilityZone::messages),
      field("RegionName", "regionName", &AvailabilityZone::region_name),
      field("ZoneName", "zoneName", &AvailabilityZone::zone_name),
      field("ZoneId", "zoneId", &AvailabilityZone::zone_id),
      field("GroupName", "groupName", &AvailabilityZone::group_name),
      field("NetworkBorderGroup", "networkBorderGroup", &AvailabilityZone::network_border_group),
      field("ZoneType", "zoneType", &AvailabilityZone::zone_type),
      field("ParentZoneName", "parentZoneName", &AvailabilityZone::parent_zone_name),
      field("ParentZoneId", "parentZoneId", &AvailabilityZone::parent_zone_id));
};

}  // namespace ec2::model
