// Fault rules on the whole emulator: scoped to the caller's account on EC2, and applied to STS and
// Organizations calls with those services' own error documents.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "creds_test_util.h"

namespace ec2::emu {
namespace {

using testing::Answer;
using testing::Keys;
using testing::kAlice;
using testing::ManualClock;
using testing::sts_code;

constexpr const char* kAuditor = "Action=AssumeRole&RoleArn=arn:aws:iam::222222222222:role/auditor&RoleSessionName=a1";

class FaultScopeTest : public ::testing::Test {
 protected:
  /// The reply (status, body, delay, transport fault) of a signed call.
  HttpReply reply(const std::string& service, const std::string& form, const Keys& keys) {
    std::string version = service == "sts" ? "2011-06-15" : "2016-11-15";
    return emulator->handle(testing::signed_post(form + "&Version=" + version, keys, service, clock->now()));
  }
  Answer answer(const std::string& service, const std::string& form, const Keys& keys) {
    return testing::signed_call(*emulator, *clock, service, form, keys);
  }
  /// A signed Organizations call of `action` (JSON protocol).
  HttpReply organizations(const std::string& action, const Keys& keys) {
    return emulator->handle(testing::signed_post("{}",
                                                 {{"Content-Type", "application/x-amz-json-1.1"},
                                                  {"X-Amz-Target", "AWSOrganizationsV20161128." + action}},
                                                 keys, "organizations", clock->now()));
  }
  void add_fault(const nlohmann::json& rule) {
    HttpReply added = testing::control(*emulator, "POST", "/_emulator/faults", "", rule.dump());
    ASSERT_EQ(added.status, 200) << added.body;
  }
  /// Credentials of role `auditor` in account 222222222222, assumed by alice.
  Keys auditor() {
    Answer assumed = answer("sts", kAuditor, kAlice);
    EXPECT_EQ(assumed.status, 200) << assumed.body;
    return testing::credentials_of(assumed);
  }

  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  std::unique_ptr<Emulator> emulator = testing::accounts_emulator(clock);
};

TEST_F(FaultScopeTest, Ec2RuleAppliesOnlyToCallersOfItsAccount) {
  Keys prod = auditor();
  add_fault({{"action", "DescribeInstances"}, {"account", "222222222222"}, {"throttle", 1}, {"count", 2}});
  add_fault({{"action", "DescribeInstances"}, {"account", "111111111111"}, {"latency", 150}});
  HttpReply dev = reply("ec2", "Action=DescribeInstances", kAlice);
  EXPECT_EQ(dev.status, 200) << dev.body;
  EXPECT_EQ(dev.delay.count(), 150);
  Answer throttled = answer("ec2", "Action=DescribeInstances", prod);
  EXPECT_EQ(throttled.status, 503);
  EXPECT_EQ(throttled.code(), "RequestLimitExceeded");
  EXPECT_EQ(answer("ec2", "Action=DescribeInstances", prod).status, 503);
  HttpReply after = reply("ec2", "Action=DescribeInstances", prod);  // count spent
  EXPECT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.delay.count(), 0);
  auto listed = nlohmann::json::parse(testing::control(*emulator, "GET", "/_emulator/faults").body);
  ASSERT_EQ(listed["faults"].size(), 1u);
  EXPECT_EQ(listed["faults"][0]["account"], "111111111111");
}

TEST_F(FaultScopeTest, StsCallsGetLatencyAndStsThrottling) {
  add_fault(nlohmann::json::array({{{"action", "AssumeRole"}, {"latency", 300}, {"throttle", 1}, {"count", 1}},
                                   {{"action", "*"}, {"latency", 150}}}));
  HttpReply first = reply("sts", kAuditor, kAlice);
  EXPECT_EQ(first.status, 400);
  EXPECT_EQ(first.delay.count(), 300);
  Answer throttled;
  throttled.doc.load_string(first.body.c_str());
  EXPECT_EQ(sts_code(throttled), "Throttling");
  EXPECT_EQ(throttled.text("/ErrorResponse/Error/Type"), "Sender");
  EXPECT_EQ(throttled.text("/ErrorResponse/Error/Message"), "Rate exceeded");
  EXPECT_FALSE(throttled.text("/ErrorResponse/RequestId").empty());
  // The throttle is spent; the rule was removed with it, so AssumeRole now falls under "*".
  HttpReply second = reply("sts", kAuditor, kAlice);
  EXPECT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.delay.count(), 150);
  HttpReply identity = reply("sts", "Action=GetCallerIdentity", kAlice);
  EXPECT_EQ(identity.status, 200);
  EXPECT_EQ(identity.delay.count(), 150);
  auto stats = nlohmann::json::parse(testing::control(*emulator, "GET", "/_emulator/stats").body);
  EXPECT_EQ(stats["errors"]["Throttling"], 1);
  EXPECT_EQ(stats["faults"]["throttle"], 1);
}

TEST_F(FaultScopeTest, StsRuleScopedToTheCallersAccount) {
  Keys prod = auditor();
  add_fault({{"action", "GetCallerIdentity"}, {"account", "222222222222"}, {"throttle", 1}});
  EXPECT_EQ(answer("sts", "Action=GetCallerIdentity", kAlice).status, 200);
  Answer throttled = answer("sts", "Action=GetCallerIdentity", prod);
  EXPECT_EQ(throttled.status, 400);
  EXPECT_EQ(sts_code(throttled), "Throttling");
}

TEST_F(FaultScopeTest, OrganizationsListAccountsGetsFaults) {
  add_fault({{"action", "ListAccounts"}, {"latency", 200}});
  HttpReply slow = organizations("ListAccounts", kAlice);
  ASSERT_EQ(slow.status, 200) << slow.body;
  EXPECT_EQ(slow.delay.count(), 200);
  EXPECT_EQ(nlohmann::json::parse(slow.body)["Accounts"].size(), 2u);
  add_fault({{"action", "ListAccounts"}, {"throttle", 1}, {"count", 1}});  // replaces the latency rule
  HttpReply throttled = organizations("ListAccounts", kAlice);
  EXPECT_EQ(throttled.status, 400);
  EXPECT_EQ(nlohmann::json::parse(throttled.body)["__type"], "TooManyRequestsException");
  HttpReply after = organizations("ListAccounts", kAlice);
  EXPECT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.delay.count(), 0);
}

}  // namespace
}  // namespace ec2::emu
