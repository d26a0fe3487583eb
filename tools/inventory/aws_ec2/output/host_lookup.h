#pragma once
/// `--host HOST` from a `--list` text (a cached inventory): only that host's variables are built,
/// and reading stops once they are complete, so a large inventory is never held in memory.

#include <istream>
#include <string>

#include <nlohmann/json.hpp>

#include "ec2/result.h"

namespace ec2::inventory::aws_ec2 {

/// The variables of `host` in the `--list` document read from `list` (its `_meta.hostvars`
/// entry), `{}` when it has none. A text that is not JSON is an error naming where it broke.
Result<nlohmann::json> host_variables(std::istream& list, const std::string& host);

}  // namespace ec2::inventory::aws_ec2
