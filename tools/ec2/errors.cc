#include "errors.h"

#include <fmt/format.h>

namespace ec2::cli {

std::string format_error(const Error& error) {
  bool from_aws = error.http_status != 0 || !error.request_id.empty();
  if (from_aws) {
    std::string line = to_string(error);
    if (error.category == ErrorCategory::Auth)
      line += " Check the credentials of the chosen profile (--profile / AWS_PROFILE).";
    return line;
  }
  std::string line = error.context.empty() ? "" : fmt::format("Failed to {}: ", error.context);
  line += error.message.empty() ? error.code : error.message;
  if (error.code == "WaiterTimeout")
    line += ". Nothing was undone: run the same command again to keep waiting, or give a longer --timeout.";
  if (error.code == "WaiterFailure")
    line += ". Run 'ec2 -i -v' to see the instance.";
  return line;
}

}  // namespace ec2::cli
