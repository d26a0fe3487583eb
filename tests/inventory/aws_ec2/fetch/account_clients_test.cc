// persistent_throttling: throttling outlasts max attempts (bounded), other errors do not.
#include "account_clients.h"

#include <gtest/gtest.h>

#include "retry/fake_clock.h"

namespace ec2::inventory {
namespace {

std::shared_ptr<RetryPolicy> policy() {
  auto random = std::make_shared<testing::FakeRandom>(std::vector<double>{1.0});
  return persistent_throttling(make_retry_policy(RetryMode::Standard, 2, random), random);
}

TEST(PersistentThrottlingTest, ThrottlingIsRetriedUpToTheBoundWithCappedBackoff) {
  auto retry = policy();
  Error throttled = make_error(ErrorCategory::Throttling, "RequestLimitExceeded", "slow down");
  RetryState state;
  for (state.attempt = 1; state.attempt < kThrottledAttempts; ++state.attempt) {
    auto delay = retry->retry_delay(throttled, state);
    ASSERT_TRUE(delay.has_value()) << state.attempt;
    EXPECT_LE(*delay, std::chrono::milliseconds(20'000));
  }
  EXPECT_FALSE(retry->retry_delay(throttled, state).has_value());
}

TEST(PersistentThrottlingTest, OtherErrorsKeepMaxAttempts) {
  auto retry = policy();
  Error transient = make_error(ErrorCategory::Transient, "InternalError", "oops");
  RetryState state;
  EXPECT_TRUE(retry->retry_delay(transient, state).has_value());
  state.attempt = 2;
  EXPECT_FALSE(retry->retry_delay(transient, state).has_value());
  EXPECT_EQ(retry->max_attempts(), 2);
}

}  // namespace
}  // namespace ec2::inventory
