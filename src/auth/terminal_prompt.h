#pragma once
/// Asking the user for a secret (an MFA code) on the controlling terminal, as the AWS CLI does
/// with getpass: the prompt goes to /dev/tty and the answer is read from it without echo.

#include <string>

#include "ec2/result.h"

namespace ec2::auth {

/// Writes `prompt` to /dev/tty and reads one line back with echo off. Error `NoTerminal`
/// (category Config) when the process has no controlling terminal.
Result<std::string> terminal_prompt(const std::string& prompt);

/// True when standard input is a terminal.
bool stdin_is_terminal();

}  // namespace ec2::auth
