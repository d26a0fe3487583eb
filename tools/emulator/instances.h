#pragma once
/// Instance helpers shared by the instance actions (instances.cc, instance_describe.cc), seeding and
/// the state file.

#include <string>
#include <string_view>

#include "ec2/result.h"
#include "filters.h"
#include "world.h"
#include "xml_writer.h"

namespace ec2::emu {

/// `ip-172-31-0-10.ec2.internal` (us-east-1) or `ip-….<region>.compute.internal`.
std::string private_dns_name(std::string_view region, std::string_view private_ip);
/// `ec2-54-1-2-3.compute-1.amazonaws.com` (us-east-1) or `ec2-….<region>.compute.amazonaws.com`;
/// empty when `public_ip` is.
std::string public_dns_name(std::string_view region, std::string_view public_ip);

/// The next unused private address of `subnet`; InsufficientFreeAddressesInSubnet when full.
Result<std::string> allocate_private_ip(World& world, Subnet& subnet);
/// A fresh public address (never handed out before in this world).
std::string allocate_public_ip(World& world);

/// Puts `instance` into transitional `state` until `now + duration` and schedules the next step.
void begin_transition(World& world, const RegionState& region, Instance& instance, std::string_view state,
                      Duration duration, TimePoint now);
/// `running` from now on: public address, status checks initialising.
void enter_running(World& world, const RegionState& region, Instance& instance, TimePoint now);

/// One `<item>` of an instancesSet.
void write_instance(XmlWriter& xml, const RegionState& region, const Instance& instance);
/// `<NAME><code>16</code><name>running</name></NAME>`.
void write_instance_state(XmlWriter& xml, std::string_view element, std::string_view state);

/// The DescribeInstances filters.
const FilterSet<Instance>& instance_filters();

/// InvalidInstanceID.NotFound naming every id in `missing` (EC2's singular/plural wording).
Error instances_not_found(const std::vector<std::string>& missing);
/// Checks the format of every id and that each exists; returns them resolved, in request order.
Result<std::vector<Instance*>> find_instances(RegionState& region, const std::vector<std::string>& ids);

}  // namespace ec2::emu
