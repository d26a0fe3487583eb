#pragma once
/// The ec2.ini mode's inventory: the hostnames, groups and `_meta.hostvars` ec2.py built from the
/// same instances with the same settings (its add_instance), in the same order.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/result.h"
#include "ec2_ini.h"
#include "instance_source.h"

namespace ec2::inventory {

/// The `--list` document for `records` (in fetch order). The account id used for
/// `ec2_account_id` and group_by_aws_account is the owner of the first record, as the script took
/// the first reservation's. Errors: a hostname_variable that names no attribute, or an attribute
/// that is not text.
Result<nlohmann::json> build_contrib_inventory(const Ec2IniSettings& settings,
                                              const std::vector<InstanceRecord>& records);

/// The `--host` document for one instance: its ec2_* variables without ansible_host.
nlohmann::json contrib_host_document(const Ec2IniSettings& settings, const InstanceRecord& record,
                                     const std::optional<std::string>& account_id);

}  // namespace ec2::inventory
