#pragma once
/// Instance status checks and scheduled events (DescribeInstanceStatus).
/// Member names follow the EC2 API shapes; every member is optional so that a field AWS left out
/// stays distinguishable from an empty one (JSON output omits absent members, as boto3 does).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/model/common.h"

namespace ec2 {

/// EC2 `InstanceStatusEvent`.
struct InstanceStatusEvent {
  std::optional<std::string> instance_event_id;  ///< InstanceEventId <instanceEventId>
  std::optional<std::string> code;  ///< Code <code>
  std::optional<std::string> description;  ///< Description <description>
  std::optional<Timestamp> not_after;  ///< NotAfter <notAfter>
  std::optional<Timestamp> not_before;  ///< NotBefore <notBefore>
  std::optional<Timestamp> not_before_deadline;  ///< NotBeforeDeadline <notBeforeDeadline>
};

/// EC2 `InstanceStatusDetails`.
struct InstanceStatusDetails {
  std::optional<Timestamp> impaired_since;  ///< ImpairedSince <impairedSince>
  std::optional<std::string> name;  ///< Name <name>
  std::optional<std::string> status;  ///< Status <status>
};

/// EC2 `InstanceStatusSummary`.
struct InstanceStatusSummary {
  std::optional<std::vector<InstanceStatusDetails>> details;  ///< Details <details>
  std::optional<std::string> status;  ///< Status <status>
};

/// EC2 `InstanceStatus`.
struct InstanceStatus {
  std::optional<std::string> availability_zone;  ///< AvailabilityZone <availabilityZone>
  std::optional<std::string> outpost_arn;  ///< OutpostArn <outpostArn>
  std::optional<std::vector<InstanceStatusEvent>> events;  ///< Events <eventsSet>
  std::optional<std::string> instance_id;  ///< InstanceId <instanceId>
  std::optional<InstanceState> instance_state;  ///< InstanceState <instanceState>
  std::optional<InstanceStatusSummary> instance_status;  ///< InstanceStatus <instanceStatus>
  std::optional<InstanceStatusSummary> system_status;  ///< SystemStatus <systemStatus>
};

/// Reads the element `node` (whose children are the shape's XML members) into `out`.
/// Unknown children are ignored; a malformed number, boolean or timestamp is Error{Parse}
/// naming the element path.
Status from_xml(pugi::xml_node node, InstanceStatusEvent& out);
Status from_xml(pugi::xml_node node, InstanceStatusDetails& out);
Status from_xml(pugi::xml_node node, InstanceStatusSummary& out);
Status from_xml(pugi::xml_node node, InstanceStatus& out);

/// The value as boto3 returns it: botocore member names, absent members omitted.
nlohmann::json to_json(const InstanceStatusEvent& value);
nlohmann::json to_json(const InstanceStatusDetails& value);
nlohmann::json to_json(const InstanceStatusSummary& value);
nlohmann::json to_json(const InstanceStatus& value);

}  // namespace ec2
