#include "ec2/waiter.h"

#include <gtest/gtest.h>

#include "client/fake_transport.h"
#include "retry/fake_clock.h"

namespace ec2 {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::FakeClock;
using testing::FakeRandom;

/// A check that returns the given outcomes in turn (the last one repeats).
std::function<Result<WaitCheck>()> script(std::vector<Result<WaitCheck>> outcomes, int* calls) {
  return [outcomes = std::move(outcomes), calls]() -> Result<WaitCheck> {
    size_t i = std::min(static_cast<size_t>((*calls)++), outcomes.size() - 1);
    return outcomes[i];
  };
}

WaitCheck retry(std::string state) { return {WaitState::Retry, std::move(state)}; }

TEST(WaiterTest, PollsWithTheDelayUntilSuccess) {
  FakeClock clock;
  FakeRandom random;
  std::vector<std::string> progress;
  WaiterOptions options = *waiter_defaults("InstanceRunning");
  options.progress = [&](const WaitProgress& p) {
    progress.push_back(std::to_string(p.attempt) + ":" + p.state + "@" +
                       std::to_string(p.elapsed.count()));
  };
  int calls = 0;
  Status status = wait_until(
      clock, random, options,
      script({retry("pending"), retry("pending"), WaitCheck{WaitState::Success, "running"}},
             &calls));
  ASSERT_TRUE(status) << to_string(status.error());
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(clock.sleeps(), (std::vector<milliseconds>{seconds(15), seconds(15)}));
  EXPECT_EQ(progress,
            (std::vector<std::string>{"1:pending@0", "2:pending@15000", "3:running@30000"}));
}

TEST(WaiterTest, FailureStateEndsTheWait) {
  FakeClock clock;
  FakeRandom random;
  WaiterOptions options;
  options.description = "instance i-1 to be running";
  int calls = 0;
  Status status =
      wait_until(clock, random, options,
                 script({retry("pending"), WaitCheck{WaitState::Failure, "terminated"}}, &calls));
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, "WaiterFailure");
  EXPECT_EQ(status.error().message,
            "Stopped waiting for instance i-1 to be running: it reached state 'terminated'");
}

TEST(WaiterTest, MaxAttemptsGiveAClearTimeout) {
  FakeClock clock;
  FakeRandom random;
  WaiterOptions options = *waiter_defaults("KeyPairExists");
  options.description = "key pair k to exist";
  int calls = 0;
  Status status = wait_until(clock, random, options, script({retry("missing")}, &calls));
  ASSERT_FALSE(status);
  EXPECT_EQ(calls, 6);
  EXPECT_EQ(status.error().category, ErrorCategory::Timeout);
  EXPECT_EQ(status.error().code, "WaiterTimeout");
  EXPECT_EQ(status.error().message,
            "Timed out after 25 s waiting for key pair k to exist (6 checks, last state: missing)");
}

TEST(WaiterTest, OverallTimeoutCutsTheLastDelay) {
  FakeClock clock;
  FakeRandom random;
  WaiterOptions options;
  options.delay = seconds(15);
  options.max_attempts = 0;
  options.timeout = seconds(40);
  int calls = 0;
  Status status = wait_until(clock, random, options, script({retry("stopping")}, &calls));
  ASSERT_FALSE(status);
  EXPECT_EQ(calls, 4);  // At 0, 15, 30 and 40 s.
  EXPECT_EQ(clock.sleeps(), (std::vector<milliseconds>{seconds(15), seconds(15), seconds(10)}));
  EXPECT_EQ(status.error().code, "WaiterTimeout");
}

TEST(WaiterTest, RetryCodesCountAsNotYetOtherErrorsEndTheWait) {
  FakeClock clock;
  FakeRandom random;
  WaiterOptions options;
  options.retry_codes = {"InvalidInstanceID.NotFound"};
  Error not_found = make_error(ErrorCategory::NotFound, "InvalidInstanceID.NotFound", "no");
  int calls = 0;
  Status ok = wait_until(clock, random, options,
                         script({not_found, WaitCheck{WaitState::Success, "running"}}, &calls));
  EXPECT_TRUE(ok);
  calls = 0;
  Status failed =
      wait_until(clock, random, options,
                 script({make_error(ErrorCategory::Auth, "AuthFailure", "denied")}, &calls));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, "AuthFailure");
  EXPECT_EQ(calls, 1);
}

TEST(WaiterTest, JitterScalesTheDelay) {
  FakeClock clock;
  FakeRandom random({0.0, 1.0});
  WaiterOptions options;
  options.delay = seconds(10);
  options.jitter = 0.5;
  int calls = 0;
  ASSERT_TRUE(
      wait_until(clock, random, options,
                 script({retry("a"), retry("b"), WaitCheck{WaitState::Success, "c"}}, &calls)));
  EXPECT_EQ(clock.sleeps(), (std::vector<milliseconds>{seconds(5), seconds(15)}));
}

TEST(WaiterTest, ProgressIntervalReportsWhileSleeping) {
  FakeClock clock;
  FakeRandom random;
  WaiterOptions options;
  options.delay = seconds(3);
  options.progress_interval = seconds(1);
  std::vector<int64_t> elapsed;
  options.progress = [&](const WaitProgress& p) { elapsed.push_back(p.elapsed.count() / 1000); };
  int calls = 0;
  ASSERT_TRUE(wait_until(clock, random, options,
                         script({retry("a"), WaitCheck{WaitState::Success, "b"}}, &calls)));
  EXPECT_EQ(elapsed, (std::vector<int64_t>{0, 1, 2, 3, 3}));
}

TEST(WaiterTest, DefaultsFollowWaiterDefinitions) {
  EXPECT_EQ(waiter_defaults("InstanceRunning")->delay, seconds(15));
  EXPECT_EQ(waiter_defaults("InstanceRunning")->max_attempts, 40);
  EXPECT_EQ(waiter_defaults("VpcExists")->delay, seconds(1));
  EXPECT_EQ(waiter_defaults("VpcExists")->max_attempts, 5);
  EXPECT_FALSE(waiter_defaults("NoSuchWaiter"));
}

TEST(WaiterTest, WaitForPollsTheClient) {
  auto transport = std::make_shared<testing::FakeTransport>();
  transport->push(testing::xml_response(200, "<R><state>pending</state></R>"));
  transport->push(testing::xml_response(200, "<R><state>available</state></R>"));
  ClientOptions client_options;
  client_options.config.region = "us-east-1";
  client_options.config.endpoint_url = "http://127.0.0.1:1/";
  client_options.transport = transport;
  auto clock = std::make_shared<FakeClock>();
  client_options.clock = clock;
  Client client(client_options);
  WaiterOptions options = *waiter_defaults("VpcAvailable");
  Status status = wait_for(
      client, "DescribeVpcs", QueryParams().set("VpcId.1", "vpc-1"),
      [](const pugi::xml_node& root) {
        std::string state = root.child_value("state");
        return WaitCheck{state == "available" ? WaitState::Success : WaitState::Retry, state};
      },
      options);
  ASSERT_TRUE(status) << to_string(status.error());
  EXPECT_EQ(transport->requests().size(), 2u);
  EXPECT_EQ(clock->sleeps(), std::vector<milliseconds>{seconds(15)});
}

}  // namespace
}  // namespace ec2
