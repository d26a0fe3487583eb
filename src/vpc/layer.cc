// Retry settings and error mapping shared by the VPC layer.
#include "ec2/vpc/layer.h"

namespace ec2::vpc {

JitteredBackoffOptions default_retry_options(std::vector<std::string> extra_codes) {
  JitteredBackoffOptions options;
  options.tries = 10;
  options.delay_seconds = 3.0;
  options.backoff = 2.0;
  options.max_delay_seconds = 60.0;
  options.extra_codes = std::move(extra_codes);
  return options;
}

bool has_code(const Error& error, std::string_view code) { return error.code == code; }

Error failed_to(const Error& error, std::string what) { return error.with_context(std::move(what)); }

}  // namespace ec2::vpc
