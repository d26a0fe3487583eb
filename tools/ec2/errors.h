#pragma once
/// One-line error messages for the `ec2` tool.

#include <string>

#include "ec2/error.h"

namespace ec2::cli {

/// The line printed after `ec2: `. AWS errors keep their code and request id
/// (`Failed to run instance: InvalidParameterValue: ... (request 1a2b)`); local errors (no
/// region, no credentials, key mismatch, unwritable key directory, ...) are their message, with
/// advice; a timeout says how to go on.
std::string format_error(const Error& error);

}  // namespace ec2::cli
