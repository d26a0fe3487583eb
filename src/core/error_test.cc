#include "ec2/error.h"

#include <gtest/gtest.h>

namespace ec2 {
namespace {

TEST(ErrorTest, ToStringHasContextCodeMessageAndRequestId) {
  Error e;
  e.code = "InvalidInstanceID.NotFound";
  e.message = "The instance ID 'i-1' does not exist";
  e.request_id = "5e1c0a2b";
  e.context = "describe instances";
  EXPECT_EQ(to_string(e),
            "Failed to describe instances: InvalidInstanceID.NotFound: The instance ID 'i-1' does "
            "not exist (request 5e1c0a2b)");
}

TEST(ErrorTest, ToStringLeavesOutEmptyParts) {
  EXPECT_EQ(to_string(make_error(ErrorCategory::Config, "", "no region")), "no region");
  EXPECT_EQ(to_string(make_error(ErrorCategory::Config, "NoRegion", "")), "NoRegion: unknown error");
}

TEST(ErrorTest, CategorizesThrottlingCodes) {
  for (const char* code : {"RequestLimitExceeded", "EC2ThrottledException", "Throttling",
                           "ThrottlingException", "RequestThrottled", "TooManyRequestsException",
                           "SlowDown"}) {
    EXPECT_EQ(categorize(code, 400), ErrorCategory::Throttling) << code;
  }
}

TEST(ErrorTest, CategorizesByStatusWhenCodeIsUnknown) {
  EXPECT_EQ(categorize("Whatever", 503), ErrorCategory::Transient);
  EXPECT_EQ(categorize("Whatever", 429), ErrorCategory::Throttling);
  EXPECT_EQ(categorize("Whatever", 400), ErrorCategory::Client);
  EXPECT_EQ(categorize("InternalError", 500), ErrorCategory::Transient);
  EXPECT_EQ(categorize("InvalidVpcID.NotFound", 400), ErrorCategory::NotFound);
  EXPECT_EQ(categorize("AuthFailure", 401), ErrorCategory::Auth);
}

TEST(ErrorTest, RetryableCategories) {
  EXPECT_TRUE(make_error(ErrorCategory::Throttling, "", "").retryable());
  EXPECT_TRUE(make_error(ErrorCategory::Network, "", "").retryable());
  EXPECT_FALSE(make_error(ErrorCategory::NotFound, "", "").retryable());
  EXPECT_FALSE(make_error(ErrorCategory::Config, "", "").retryable());
}

}  // namespace
}  // namespace ec2
