#pragma once
/// `credential_process`: runs the configured command and reads credentials from its standard
/// output, per the AWS CLI's contract:
///   {"Version": 1, "AccessKeyId": "...", "SecretAccessKey": "...",
///    "SessionToken": "...", "Expiration": "2030-01-01T00:00:00Z"}
/// (SessionToken and Expiration optional). The command line is split like a POSIX shell would
/// (quotes, backslashes) and run directly, without a shell, with this process's real environment
/// (not a faked ec2::Environment).

#include <chrono>
#include <string>
#include <string_view>

#include "ec2/config.h"

namespace ec2::auth {

/// Runs `command` and parses its output. Errors (Config category, code `CredentialProcessError`)
/// say what went wrong: the command could not start, exited non-zero (its stderr is included),
/// printed no/invalid JSON, a wrong Version, missing keys, or already-expired credentials.
Result<Credentials> run_credential_process(std::string_view command, std::string_view profile,
                                           std::chrono::system_clock::time_point now);

/// Parses the JSON a credential process printed (exposed for tests and fuzzing).
Result<Credentials> parse_credential_process_output(std::string_view json,
                                                    std::chrono::system_clock::time_point now);

/// Parses an ISO 8601 timestamp (`2030-01-01T00:00:00Z`, fractions and `+hh:mm` offsets allowed).
std::optional<std::chrono::system_clock::time_point> parse_iso8601(std::string_view text);

}  // namespace ec2::auth
