#pragma once
/// Host variables written straight from a fetched instance as JSON text with every
/// object's keys sorted: the variables instance_hostvars(boto3_instance(record)) gives, in the form
/// `nlohmann::json(vars).dump()` has them, or laid out as `--list` prints them, without building
/// JSON (a large fleet's inventory is mostly these variables, and building JSON for them costs
/// more than fetching them).

#include <string>

#include "ec2/result.h"
#include "fetch/hostvars.h"
#include "instance_source.h"

namespace ec2::inventory::aws_ec2 {

/// The `level` of hostvars_text for JSON without whitespace.
constexpr int kCompact = -1;

/// The host variables of `record` as sorted JSON, from its `xml` element when set (an invalid
/// value there is the parse error from_xml would give), else from its typed instance: compact,
/// or laid out as append_sorted_json lays out the same value at nesting level `level`.
/// Fails as instance_hostvars does when the instance has no Placement.AvailabilityZone.
Result<std::string> hostvars_text(const InstanceRecord& record, const HostvarOptions& options, int level = kCompact);
/// hostvars_text, appended to `out` (which is left as it was when it fails): lets a caller that
/// only packs the text reuse one buffer instead of taking a new string per instance.
Status append_hostvars_text(std::string& out, const InstanceRecord& record, const HostvarOptions& options,
                            int level = kCompact);

}  // namespace ec2::inventory::aws_ec2
