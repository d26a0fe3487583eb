#pragma once
/// POSIX shell-style word splitting (as Python's shlex.split does it), used for `credential_process`
/// command lines and for `[profile "name with spaces"]` section headers.

#include <string>
#include <string_view>
#include <vector>

#include "ec2/result.h"

namespace ec2::auth {

/// Splits `command` into words: whitespace separates words, single quotes keep everything
/// literally, double quotes keep everything but `\"` and `\\`, a backslash outside quotes escapes
/// the next character. No variable expansion, no globbing. Errors on an unclosed quote or a
/// trailing backslash.
Result<std::vector<std::string>> shell_split(std::string_view command);

}  // namespace ec2::auth
