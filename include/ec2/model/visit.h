#pragma once
/// Walking a parsed instance member by member, the way boto3's dict for it would be walked: the
/// same member names in botocore's member order, absent members skipped, lists as arrays. A tool
/// can render an instance in a format of its own this way without building JSON first (building
/// nlohmann::json for 10,000 instances costs far more than parsing them).

#include <cstdint>
#include <string_view>

#include "ec2/model/instance.h"
#include "ec2/model/timestamp.h"

namespace ec2 {

/// Receives the events of `visit`. Objects are begin_object, then (member, value) pairs, then
/// end_object; a value is a string, integer, boolean, timestamp, object or array.
class ModelVisitor {
 public:
  virtual ~ModelVisitor() = default;

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

}  // namespace ec2
