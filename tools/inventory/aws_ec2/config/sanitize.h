#pragma once
/// Group-name sanitising as the aws_ec2 plugin does it.

#include <string>
#include <string_view>

namespace ec2::inventory::aws_ec2 {

/// Ansible's to_safe_group_name with TRANSFORM_INVALID_GROUP_CHARS forced: a leading decimal digit
/// and every character that is not a Python `\w` (Unicode letters, digits, `_`) become `_`.
std::string safe_group_name(std::string_view name);

/// The old ec2.py script's rule (use_contrib_script_compatible_sanitization): every character other
/// than ASCII letters, digits, `_` and `-` becomes `_` (one `_` per code point).
std::string contrib_safe_group_name(std::string_view name);

/// The sanitiser a config selects.
using Sanitizer = std::string (*)(std::string_view);

}  // namespace ec2::inventory::aws_ec2
