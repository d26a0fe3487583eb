#pragma once
/// Host variables written straight from a fetched instance as compact JSON text with every
/// object's keys sorted: the variables instance_hostvars(boto3_instance(record)) gives, in the form
/// `nlohmann::json(vars).dump()` has them, without building JSON (a large fleet's inventory is
/// mostly these variables, and building JSON for them costs more than fetching them).
/// reindent_json lays such text out as `--list` prints it.

#include <string>
#include <string_view>

#include "ec2/result.h"
#include "hostvars.h"
#include "instance_source.h"

namespace ec2::inventory::aws_ec2 {

/// The host variables of `record` as compact sorted JSON, from its `xml` element when set (an
/// invalid value there is the parse error from_xml would give), else from its typed instance.
/// Fails as instance_hostvars does when the instance has no Placement.AvailabilityZone.
Result<std::string> hostvars_text(const InstanceRecord& record, const HostvarOptions& options);

/// Appends `compact` (JSON without whitespace, keys already sorted) laid out as
/// append_sorted_json lays out the same value at nesting level `depth`.
void reindent_json(std::string& out, std::string_view compact, int depth);

}  // namespace ec2::inventory::aws_ec2
