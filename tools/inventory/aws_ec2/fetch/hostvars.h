#pragma once
/// The host variables the aws_ec2 plugin gives an instance: the DescribeInstances dict in
/// snake_case (camel_dict_to_snake_dict), `tags` as a dict, `placement.region`, the reservation's
/// `owner_id`/`requester_id`/`reservation_id`, optional `ec2_tag_*` keys and prefix/suffix.

#include <functional>
#include <string>
#include <string_view>

#include "json.h"

#include "ec2/result.h"
#include "instance_source.h"

namespace ec2::inventory::aws_ec2 {

/// The boto3 view of a record: its instance dict in botocore's key order, with OwnerId, RequesterId
/// and ReservationId added and timestamps as Ansible prints boto3's datetimes (`2024-01-02T03:04:05+00:00`).
Json boto3_instance(const InstanceRecord& record);
/// Same with, of a typed record, only the instance members `keep` accepts (by botocore name); the
/// three reservation members only when `keep` accepts them, whatever the record.
Json boto3_instance(const InstanceRecord& record, const std::function<bool(std::string_view)>& keep);
/// The same from `members`, the instance members `keep` accepts as a JsonBuilder with `keep`
/// built them from the record's walk.
Json boto3_instance_from_members(Json members, const InstanceRecord& record,
                                 const std::function<bool(std::string_view)>& keep);

/// Python's str() of a datetime printed as `isoformat` text: the `T` becomes a space.
std::string datetime_str(const std::string& isoformat);

/// The keys of DescribeInstances that hold timestamps (boto3 makes them datetimes).
bool is_timestamp_key(std::string_view camel_key);

/// Options that shape host variables.
struct HostvarOptions {
  std::string prefix;
  std::string suffix;
  bool contrib_tag_keys = false;  ///< Also set `ec2_tag_<Key>` for every tag.
};

/// The code of the error an instance without Placement.AvailabilityZone gets when its variables
/// are made (the plugin cannot derive `placement.region` then).
inline constexpr std::string_view kNoAvailabilityZone = "NoAvailabilityZone";
/// That error, naming the instance.
Error no_availability_zone(std::string_view instance_id);

/// Host variables of `instance` (a boto3_instance result). Fails with kNoAvailabilityZone when it
/// has no Placement.AvailabilityZone.
Result<Json> instance_hostvars(const Json& instance, const HostvarOptions& options);

}  // namespace ec2::inventory::aws_ec2
