#pragma once
/// Python semantics over JSON values. Ansible's templating turns values into text with Python's
/// str()/repr() and back with ast.literal_eval; reproducing those rules keeps our compose results,
/// group names and hostnames byte-identical to the plugin's.

#include <optional>
#include <string>
#include <string_view>

#include "json.h"

namespace ec2::inventory::aws_ec2::py {

using aws_ec2::Json;

/// Python's str(): strings as they are, `True`/`False`/`None`, repr() inside containers.
std::string str(const Json& value);
/// Python's repr(): quoted and escaped strings (`'a'`, `"it's"`), `[1, 'x']`, `{'k': None}`.
std::string repr(const Json& value);
/// Python's truth value: empty strings, containers, 0 and None are false.
bool truthy(const Json& value);
/// Python's `==` (1 == 1.0 == True; different kinds are unequal).
bool equal(const Json& a, const Json& b);
/// Python's `<` for numbers (bools count as ints), strings and lists; nullopt when Python raises
/// TypeError.
std::optional<bool> less(const Json& a, const Json& b);
/// Python's type name (`str`, `int`, `float`, `bool`, `NoneType`, `list`, `dict`).
std::string type_name(const Json& value);
/// Number of code points of a UTF-8 string.
size_t length(std::string_view utf8);

/// What Ansible's template engine does to a rendered text that looks like a list, dict or bool:
/// ast.literal_eval with JSON's `true`/`false`/`null` accepted. Supports strings (with escapes),
/// ints, floats, True/False/None, lists, tuples and dicts; nullopt when the text is not such a
/// literal (the text is then kept as a string, as Ansible does).
std::optional<Json> literal_eval(std::string_view text);

}  // namespace ec2::inventory::aws_ec2::py
