#include "api_error.h"

#include <fmt/format.h>

namespace ec2::emu {

Error api_error(int status, std::string code, std::string message) {
  Error error;
  error.category = categorize(code, status);
  error.code = std::move(code);
  error.message = std::move(message);
  error.http_status = status;
  return error;
}

Error missing_parameter(std::string_view name) {
  return client_error("MissingParameter",
                      fmt::format("The request must contain the parameter {}", name));
}

Error invalid_value(std::string message) {
  return client_error("InvalidParameterValue", std::move(message));
}

Error invalid_value(std::string_view name, std::string_view value) {
  return invalid_value(fmt::format("Invalid value '{}' for {}.", value, name));
}

Error invalid_combination(std::string message) {
  return client_error("InvalidParameterCombination", std::move(message));
}

Error dry_run_success() {
  return api_error(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
}

Error unauthorized_operation() {
  return api_error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
}

Error internal_error(std::string message) {
  return api_error(500, "InternalError", std::move(message));
}

}  // namespace ec2::emu
