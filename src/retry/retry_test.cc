#include "ec2/retry.h"

#include <gtest/gtest.h>

#include <thread>

#include "retry/fake_clock.h"

namespace ec2 {
namespace {

using std::chrono::milliseconds;
using testing::FakeClock;
using testing::FakeRandom;

Error aws_error(std::string code, int status = 400) {
  Error e;
  e.code = std::move(code);
  e.http_status = status;
  e.category = categorize(e.code, status);
  return e;
}

/// Runs `failures` failing attempts (each with `error`) then a success, through `policy`.
Result<int> fail_then_succeed(RetryPolicy& policy, Clock& clock, const Error& error, int failures,
                              int* attempts) {
  *attempts = 0;
  return with_retry(policy, clock, [&]() -> Result<int> {
    if ((*attempts)++ < failures) return error;
    return 42;
  });
}

TEST(StandardRetryTest, DelayIsRandomTimesCappedPowerOfTwo) {
  auto random = std::make_shared<FakeRandom>(std::vector<double>{0.5});
  StandardRetry policy({.max_attempts = 10}, random);
  Error throttled = aws_error("RequestLimitExceeded");
  std::vector<milliseconds> delays;
  for (int attempt = 1; attempt <= 7; ++attempt) {
    RetryState state;
    state.attempt = attempt;
    delays.push_back(*policy.retry_delay(throttled, state));
  }
  std::vector<milliseconds> expected = {milliseconds(500),  milliseconds(1000), milliseconds(2000),
                                        milliseconds(4000), milliseconds(8000), milliseconds(10000),
                                        milliseconds(10000)};
  EXPECT_EQ(delays, expected);
}

TEST(StandardRetryTest, RetriesThrottlingTransientNetworkAndTimeout) {
  StandardRetry policy({}, std::make_shared<FakeRandom>());
  for (const Error& e :
       {aws_error("Throttling"), aws_error("EC2ThrottledException"), aws_error("SlowDown"),
        aws_error("InternalError", 500), aws_error("Anything", 503), aws_error("", 502),
        make_error(ErrorCategory::Network, "ConnectionRefused", "refused"),
        make_error(ErrorCategory::Timeout, "Timeout", "read timed out")}) {
    RetryState state;
    EXPECT_TRUE(policy.retry_delay(e, state).has_value()) << e.code << " " << e.http_status;
  }
}

TEST(StandardRetryTest, DoesNotRetryClientErrors) {
  StandardRetry policy({}, std::make_shared<FakeRandom>());
  for (const Error& e :
       {aws_error("InvalidInstanceID.NotFound"), aws_error("InvalidParameterValue"),
        aws_error("AuthFailure", 401), aws_error("UnauthorizedOperation", 403)}) {
    RetryState state;
    EXPECT_FALSE(policy.retry_delay(e, state).has_value()) << e.code;
  }
  EXPECT_EQ(policy.available_quota(), 500);
}

TEST(StandardRetryTest, GivesUpAfterMaxAttempts) {
  FakeClock clock;
  StandardRetry policy({.max_attempts = 3}, std::make_shared<FakeRandom>(std::vector<double>{1.0}));
  int attempts = 0;
  auto result = fail_then_succeed(policy, clock, aws_error("Throttling"), 5, &attempts);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "Throttling");
  EXPECT_EQ(attempts, 3);
  EXPECT_EQ(clock.sleeps(), (std::vector<milliseconds>{milliseconds(1000), milliseconds(2000)}));
  EXPECT_EQ(policy.available_quota(), 490);
}

TEST(StandardRetryTest, SuccessAfterRetryRefundsLastCost) {
  FakeClock clock;
  StandardRetry policy({.max_attempts = 3}, std::make_shared<FakeRandom>());
  int attempts = 0;
  auto result = fail_then_succeed(policy, clock, make_error(ErrorCategory::Timeout, "", "slow"), 2,
                                  &attempts);
  ASSERT_TRUE(result);
  EXPECT_EQ(*result, 42);
  EXPECT_EQ(attempts, 3);
  // Two timeout retries took 10 each; the success refunds the last one.
  EXPECT_EQ(policy.available_quota(), 490);
}

TEST(StandardRetryTest, FirstTrySuccessAddsOneUpToTheMaximum) {
  FakeClock clock;
  StandardRetry policy({.max_attempts = 2}, std::make_shared<FakeRandom>());
  int attempts = 0;
  (void)fail_then_succeed(policy, clock, aws_error("Throttling"), 5, &attempts);
  EXPECT_EQ(policy.available_quota(), 495);
  (void)fail_then_succeed(policy, clock, aws_error("Throttling"), 0, &attempts);
  EXPECT_EQ(policy.available_quota(), 496);
  for (int i = 0; i < 10; ++i) (void)fail_then_succeed(policy, clock, aws_error("x"), 0, &attempts);
  EXPECT_EQ(policy.available_quota(), 500);
}

TEST(StandardRetryTest, EmptyQuotaStopsRetrying) {
  FakeClock clock;
  StandardRetry policy({.max_attempts = 1000, .quota = 12}, std::make_shared<FakeRandom>());
  int attempts = 0;
  auto result = fail_then_succeed(policy, clock, aws_error("Throttling"), 100, &attempts);
  ASSERT_FALSE(result);
  EXPECT_EQ(attempts, 3);  // Two retries of 5 tokens fit in 12, a third does not.
  EXPECT_EQ(policy.available_quota(), 2);
}

TEST(StandardRetryTest, QuotaIsSharedSafelyAcrossThreads) {
  StandardRetry policy({.max_attempts = 2}, std::make_shared<FakeRandom>());
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        RetryState state;
        (void)policy.retry_delay(aws_error("Throttling"), state);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(policy.available_quota(), 500 - 80 * 5);
}

TEST(JitteredBackoffTest, FullJitterOverCappedExponential) {
  auto random = std::make_shared<FakeRandom>(std::vector<double>{1.0, 0.5, 0.25, 1.0, 1.0, 0.5});
  JitteredBackoff policy({}, random);
  FakeClock clock;
  int attempts = 0;
  auto result = fail_then_succeed(policy, clock, aws_error("RequestLimitExceeded"), 6, &attempts);
  ASSERT_TRUE(result);
  EXPECT_EQ(attempts, 7);
  // Ceilings 3, 6, 12, 24, 48, 60 (capped) seconds, scaled by the random values.
  std::vector<milliseconds> expected = {milliseconds(3000),  milliseconds(3000),
                                        milliseconds(3000),  milliseconds(24000),
                                        milliseconds(48000), milliseconds(30000)};
  EXPECT_EQ(clock.sleeps(), expected);
}

TEST(JitteredBackoffTest, TenTriesInTotalByDefault) {
  JitteredBackoff policy({}, std::make_shared<FakeRandom>());
  FakeClock clock;
  int attempts = 0;
  auto result = fail_then_succeed(policy, clock, aws_error("Throttling"), 100, &attempts);
  ASSERT_FALSE(result);
  EXPECT_EQ(attempts, 10);
  EXPECT_EQ(clock.sleeps().size(), 9u);
}

TEST(JitteredBackoffTest, RetriesOnlyListedCodes) {
  JitteredBackoff policy({}, std::make_shared<FakeRandom>());
  for (const auto& code : JitteredBackoff::default_codes()) {
    RetryState state;
    EXPECT_TRUE(policy.retry_delay(aws_error(code), state).has_value()) << code;
  }
  for (const char* code : {"InvalidVpcID.NotFound", "SlowDown", "InvalidParameterValue"}) {
    RetryState state;
    EXPECT_FALSE(policy.retry_delay(aws_error(code), state).has_value()) << code;
  }
  RetryState state;
  EXPECT_FALSE(policy.retry_delay(make_error(ErrorCategory::Network, "", "reset"), state));
}

TEST(JitteredBackoffTest, RetriesCallerSuppliedExtraCodes) {
  JitteredBackoff policy({.extra_codes = {"InvalidVpcID.NotFound"}},
                         std::make_shared<FakeRandom>());
  FakeClock clock;
  int attempts = 0;
  auto result = fail_then_succeed(policy, clock, aws_error("InvalidVpcID.NotFound"), 2, &attempts);
  ASSERT_TRUE(result);
  EXPECT_EQ(attempts, 3);
  EXPECT_EQ(clock.sleeps(), (std::vector<milliseconds>{milliseconds(1500), milliseconds(3000)}));
}

TEST(WithRetryTest, ObserverSeesEachRetry) {
  StandardRetry policy({.max_attempts = 3}, std::make_shared<FakeRandom>(std::vector<double>{1.0}));
  FakeClock clock;
  std::vector<int> seen;
  int calls = 0;
  auto result = with_retry(
      policy, clock,
      [&]() -> Result<int> {
        if (calls++ < 2) return aws_error("Throttling");
        return 1;
      },
      [&](const Error& e, int attempt, milliseconds delay) {
        EXPECT_EQ(e.code, "Throttling");
        EXPECT_EQ(delay, milliseconds(1000 << (attempt - 1)));
        seen.push_back(attempt);
      });
  ASSERT_TRUE(result);
  EXPECT_EQ(seen, (std::vector<int>{1, 2}));
}

TEST(MakeRetryPolicyTest, ModesAndAttempts) {
  auto random = std::make_shared<FakeRandom>();
  EXPECT_EQ(make_retry_policy(RetryMode::Standard, 0, random)->max_attempts(), 3);
  EXPECT_EQ(make_retry_policy(RetryMode::Standard, 7, random)->max_attempts(), 7);
  EXPECT_EQ(make_retry_policy(RetryMode::Adaptive, 4, random)->max_attempts(), 4);
  auto legacy = make_retry_policy(RetryMode::Legacy, 0, random);
  EXPECT_EQ(legacy->max_attempts(), 5);
  // Legacy mode has no quota: retries never run out of tokens.
  for (int i = 0; i < 200; ++i) {
    RetryState state;
    ASSERT_TRUE(legacy->retry_delay(aws_error("Throttling"), state).has_value());
  }
}

}  // namespace
}  // namespace ec2
