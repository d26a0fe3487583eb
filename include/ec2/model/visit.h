#pragma once
/// Walking a parsed instance member by member, the way boto3's dict for it would be walked: the
/// same member names in botocore's member order, absent members skipped, lists as arrays. A tool
/// can render an instance in a format of its own this way without building JSON first (building
/// nlohmann::json for 10,000 instances costs far more than parsing them).

#include <cstdint>
#include <string_view>

#include "ec2/model/instance.h"
#include "ec2/model/timestamp.h"
#include "ec2/result.h"

namespace ec2 {

/// The order in which a walk gives an object's members.
enum class MemberOrder {
  Botocore,   ///< botocore's member order, as boto3's dicts have them.
  /// Sorted by the snake_case form of their names (`camel_to_snake`, ec2/model/snake_case.h), the
  /// order of Ansible's sorted output: a visitor writing it needs no buffer per object. Of
  /// members with the same snake_case form only the last one (in botocore's order) is visited.
  SnakeCase,
};

/// Receives the events of `visit`. Objects are begin_object, then (member, value) pairs, then
/// end_object; a value is a string, integer, boolean, timestamp, object or array.
class ModelVisitor {
 public:
  virtual ~ModelVisitor() = default;

  /// The order this visitor wants members in; asked at every object.
  virtual MemberOrder member_order() const { return MemberOrder::Botocore; }

  virtual void begin_object() = 0;
  /// The next member's botocore name (a string literal: its address identifies it). Returning
  /// false skips the member: its value is not visited.
  virtual bool member(const char* name) = 0;
  virtual void end_object() = 0;
  virtual void begin_array() = 0;
  virtual void end_array() = 0;
  virtual void string(std::string_view text) = 0;
  virtual void integer(int64_t number) = 0;
  virtual void boolean(bool flag) = 0;
  virtual void timestamp(Timestamp time) = 0;
};

/// Visits `instance` as one object (its Tags as an array of {Key, Value} objects).
void visit(const Instance& instance, ModelVisitor& visitor);

/// Visits an instance straight from its DescribeInstances element (an `<item>` of
/// `<instancesSet>`): the events `visit` gives for the Instance `from_xml` would read from the
/// element, without building that Instance (for a large fleet, building it costs more than
/// parsing the page). A repeated element counts once, the last. An invalid value among the
/// members visited is the error `from_xml` gives for it; members the visitor declines are not read.
Status visit_xml(pugi::xml_node instance, ModelVisitor& visitor);

/// The same for a reservation (an `<item>` of `<reservationSet>`): an object with Groups,
/// Instances, OwnerId, RequesterId and ReservationId.
Status visit_reservation_xml(pugi::xml_node reservation, ModelVisitor& visitor);

}  // namespace ec2
