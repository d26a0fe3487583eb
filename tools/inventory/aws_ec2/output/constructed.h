#pragma once
/// Ansible's Constructable features for one host: compose, groups and keyed_groups.

#include <string>

#include "config/build_options.h"
#include "ec2/result.h"
#include "output/inventory_model.h"

namespace ec2::inventory::aws_ec2 {

/// Applies `options.compose`, `options.groups` and `options.keyed_groups` to `host` (already in
/// `model` with its variables set), with `hostvars` as the instance's variables. Expression errors
/// skip the entry unless `options.strict`; invalid keyed-group results always fail, as in Ansible.
Status apply_constructed(const BuildOptions& options, const Json& hostvars, const std::string& host,
                         InventoryModel& model);

}  // namespace ec2::inventory::aws_ec2
