#pragma once
/// EC2 API errors as ec2::Error values (code, message, HTTP status), with EC2's wording for the
/// common ones so every handler reports the same text.

#include <string>
#include <string_view>

#include "ec2/error.h"

namespace ec2::emu {

/// An EC2 error answered with HTTP `status`.
Error api_error(int status, std::string code, std::string message);
/// 400 error (the usual case).
inline Error client_error(std::string code, std::string message) {
  return api_error(400, std::move(code), std::move(message));
}

/// 400 MissingParameter: "The request must contain the parameter NAME".
Error missing_parameter(std::string_view name);
/// 400 InvalidParameterValue with `message` as given.
Error invalid_value(std::string message);
/// 400 InvalidParameterValue: "Invalid value 'VALUE' for NAME."
Error invalid_value(std::string_view name, std::string_view value);
/// 400 InvalidParameterCombination with `message`.
Error invalid_combination(std::string message);
/// 412 DryRunOperation: "Request would have succeeded, but DryRun flag is set."
Error dry_run_success();
/// 403 UnauthorizedOperation: "You are not authorized to perform this operation."
Error unauthorized_operation();
/// 500 InternalError.
Error internal_error(std::string message = "An internal error has occurred");

}  // namespace ec2::emu
