#pragma once
/// JSON text exactly as Python's `json.dumps(data, sort_keys=True, indent=2)` writes it: keys in
/// code point order, `", "`-free item separator with newlines, `": "` after keys, and every
/// character outside printable ASCII escaped as `\uXXXX` (surrogate pairs above U+FFFF), because
/// `ensure_ascii` is on by default. The ec2.ini mode prints its output with this, as ec2.py did.

#include <string>

#include <nlohmann/json.hpp>

namespace ec2::inventory {

/// `value` as Python's json.dumps(value, sort_keys=True, indent=indent) text, without a trailing
/// newline. Invalid UTF-8 bytes are written as U+FFFD.
std::string python_json_dumps(const nlohmann::json& value, int indent = 2);

/// Appends the JSON string literal for `text` (quotes included) with ensure_ascii escaping.
void append_python_json_string(std::string& out, const std::string& text);

}  // namespace ec2::inventory
