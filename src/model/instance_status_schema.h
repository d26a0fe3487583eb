#pragma once
/// Field tables (JSON member name, XML element name, C++ member) for include/ec2/model/instance_status.h.

#include "ec2/model/instance_status.h"
#include "model/common_schema.h"
#include "model/reflect.h"

namespace ec2::model {

template <>
struct Schema<InstanceStatusEvent> {
  static constexpr auto fields = std::make_tuple(
      field("InstanceEventId", "instanceEventId", &InstanceStatusEvent::instance_event_id),
      field("Code", "code", &InstanceStatusEvent::code),
      field("Description", "description", &InstanceStatusEvent::description),
      field("NotAfter", "notAfter", &InstanceStatusEvent::not_after),
      field("NotBefore", "notBefore", &InstanceStatusEvent::not_before),
      field("NotBeforeDeadline", "notBeforeDeadline", &InstanceStatusEvent::not_before_deadline));
};

template <>
struct Schema<InstanceStatusDetails> {
  static constexpr auto fields = std::make_tuple(
      field("ImpairedSince", "impairedSince", &InstanceStatusDetails::impaired_since),
      field("Name", "name", &InstanceStatusDetails::name),
      field("Status", "status", &InstanceStatusDetails::status));
};

template <>
struct Schema<InstanceStatusSummary> {
  static constexpr auto fields = std::make_tuple(
      field("Details", "details", &InstanceStatusSummary::details),
      field("Status", "status", &InstanceStatusSummary::status));
};

template <>
struct Schema<InstanceStatus> {
  static constexpr auto fields = std::make_tuple(
      field("AvailabilityZone", "availabilityZone", &InstanceStatus::availability_zone),
      field("OutpostArn", "outpostArn", &InstanceStatus::outpost_arn),
      field("Events", "eventsSet", &InstanceStatus::events),
      field("InstanceId", "instanceId", &InstanceStatus::instance_id),
      field("InstanceState", "instanceState", &InstanceStatus::instance_state),
      field("InstanceStatus", "instanceStatus", &InstanceStatus::instance_status),
      field("SystemStatus", "systemStatus", &InstanceStatus::system_status));
};

}  // namespace ec2::model
