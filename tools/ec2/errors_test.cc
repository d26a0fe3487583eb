#include "errors.h"

#include <gtest/gtest.h>

namespace ec2::cli {
namespace {

TEST(FormatError, AwsErrorsKeepCodeAndRequestId) {
  Error e = make_error(ErrorCategory::Client, "InvalidParameterValue", "bad type");
  e.http_status = 400;
  e.request_id = "req-1";
  e.context = "run instance";
  EXPECT_EQ(format_error(e), "Failed to run instance: InvalidParameterValue: bad type (request req-1)");
}

TEST(FormatError, LocalErrorsAreTheirMessage) {
  auto e = make_error(ErrorCategory::Config, "NoRegion", "You must specify a region.");
  EXPECT_EQ(format_error(e), "You must specify a region.");
}

TEST(FormatError, TimeoutsSayHowToGoOn) {
  auto e = make_error(ErrorCategory::Timeout, "WaiterTimeout", "Timed out after 5 s waiting for i-1");
  EXPECT_NE(format_error(e).find("--timeout"), std::string::npos);
}

}  // namespace
}  // namespace ec2::cli
