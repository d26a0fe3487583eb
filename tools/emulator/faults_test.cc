// Fault rules: parsing (text and JSON), account scopes, which rule a call gets, and the error each
// service answers a throttled or failed call with.
#include "faults.h"

#include <gtest/gtest.h>

namespace ec2::emu {
namespace {

TEST(FaultRules, ParseAccountScope) {
  auto rule = parse_fault_rule("AssumeRole:throttle=1,count=5,account=022222222222");
  ASSERT_TRUE(rule.ok()) << rule.error().message;
  EXPECT_EQ(rule->action, "AssumeRole");
  EXPECT_EQ(rule->account, "022222222222");  // kept as text: the leading zero survives
  EXPECT_EQ(rule->throttle, 1);
  EXPECT_EQ(rule->count, 5);
  EXPECT_EQ(to_json(*rule)["account"], "022222222222");
  EXPECT_FALSE(to_json(*parse_fault_rule("*:latency=5")).contains("account"));
  for (const char* bad : {"X:account=1234", "X:account=22222222222a", "X:account="}) {
    auto parsed = parse_fault_rule(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.error().message.find("12-digit account id"), std::string::npos) << parsed.error().message;
  }
}

TEST(FaultRules, JsonAccountScope) {
  auto rule = fault_rule_from_json({{"action", "DescribeInstances"}, {"account", "222222222222"}, {"latency", 150}});
  ASSERT_TRUE(rule.ok()) << rule.error().message;
  EXPECT_EQ(rule->account, "222222222222");
  EXPECT_EQ(rule->latency_ms, 150);
  auto round_trip = fault_rule_from_json(to_json(*rule));
  ASSERT_TRUE(round_trip.ok());
  EXPECT_EQ(round_trip->account, "222222222222");
  EXPECT_FALSE(fault_rule_from_json({{"action", "X"}, {"account", 222222222222}}).ok());
  EXPECT_FALSE(fault_rule_from_json({{"action", "X"}, {"account", "2222"}}).ok());
}

FaultRule rule_of(const char* spec) {
  auto rule = parse_fault_rule(spec);
  EXPECT_TRUE(rule.ok()) << spec;
  return *rule;
}

/// The delay the injector gives a call of `action` by a caller of `account`.
int64_t delay_of(FaultInjector& faults, const std::string& action, const std::string& account) {
  FaultEffects effects;
  EXPECT_TRUE(faults.apply({FaultService::Ec2, action, account}, effects).ok());
  return effects.delay.count();
}

TEST(FaultInjector, RulesOfOneActionForDifferentAccountsCoexist) {
  FaultInjector faults;
  faults.set(rule_of("DescribeInstances:latency=10,account=111111111111"));
  faults.set(rule_of("DescribeInstances:latency=20,account=222222222222"));
  faults.set(rule_of("DescribeInstances:latency=30"));
  faults.set(rule_of("*:latency=40,account=111111111111"));
  faults.set(rule_of("*:latency=50"));
  EXPECT_EQ(faults.rules().size(), 5u);
  EXPECT_EQ(delay_of(faults, "DescribeInstances", "111111111111"), 10);
  EXPECT_EQ(delay_of(faults, "DescribeInstances", "222222222222"), 20);
  EXPECT_EQ(delay_of(faults, "DescribeInstances", "333333333333"), 30);  // the action's unscoped rule
  EXPECT_EQ(delay_of(faults, "DescribeInstances", ""), 30);              // unsigned: unscoped rules only
  EXPECT_EQ(delay_of(faults, "RunInstances", "111111111111"), 40);
  EXPECT_EQ(delay_of(faults, "RunInstances", "222222222222"), 50);
  // Setting a rule again replaces the one of the same action and account only.
  faults.set(rule_of("DescribeInstances:latency=25,account=222222222222"));
  EXPECT_EQ(faults.rules().size(), 5u);
  EXPECT_EQ(delay_of(faults, "DescribeInstances", "222222222222"), 25);
  EXPECT_EQ(delay_of(faults, "DescribeInstances", "111111111111"), 10);
}

TEST(FaultInjector, ScopedCountRemovesOnlyItsRule) {
  FaultInjector faults;
  faults.set(rule_of("AssumeRole:throttle=1,count=2,account=222222222222"));
  FaultEffects effects;
  EXPECT_TRUE(faults.apply({FaultService::Sts, "AssumeRole", "111111111111"}, effects).ok());
  EXPECT_FALSE(faults.apply({FaultService::Sts, "AssumeRole", "222222222222"}, effects).ok());
  EXPECT_FALSE(faults.apply({FaultService::Sts, "AssumeRole", "222222222222"}, effects).ok());
  EXPECT_TRUE(faults.apply({FaultService::Sts, "AssumeRole", "222222222222"}, effects).ok());
  EXPECT_TRUE(faults.rules().empty());
  EXPECT_EQ(faults.counts().at("throttle"), 2u);
}

/// The error a call of `service` gets from a rule that always throttles (or always fails).
Error error_of(FaultService service, const char* spec) {
  FaultInjector faults;
  faults.set(rule_of(spec));
  FaultEffects effects;
  Status status = faults.apply({service, "Action", "111111111111"}, effects);
  EXPECT_FALSE(status.ok()) << spec;
  return status ? Error{} : status.error();
}

TEST(FaultInjector, EachServiceThrottlesAndFailsWithItsOwnCodes) {
  Error ec2 = error_of(FaultService::Ec2, "*:throttle=1");
  EXPECT_EQ(ec2.http_status, 503);
  EXPECT_EQ(ec2.code, "RequestLimitExceeded");
  Error sts = error_of(FaultService::Sts, "*:throttle=1");
  EXPECT_EQ(sts.http_status, 400);
  EXPECT_EQ(sts.code, "Throttling");
  EXPECT_EQ(sts.message, "Rate exceeded");
  Error org = error_of(FaultService::Organizations, "*:throttle=1");
  EXPECT_EQ(org.http_status, 400);
  EXPECT_EQ(org.code, "TooManyRequestsException");
  EXPECT_EQ(error_of(FaultService::Ec2, "*:internal=1").code, "InternalError");
  EXPECT_EQ(error_of(FaultService::Sts, "*:internal=1").code, "InternalFailure");
  EXPECT_EQ(error_of(FaultService::Organizations, "*:internal=1").http_status, 500);
}

}  // namespace
}  // namespace ec2::emu
