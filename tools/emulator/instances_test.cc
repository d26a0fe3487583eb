// RunInstances validation, the instance state machine, DescribeInstances pagination and filters.
#include <gtest/gtest.h>

#include <set>

#include "test_support.h"

namespace ec2::emu {
namespace {

using testing::Answer;
using testing::call;
using testing::ManualClock;

class Instances : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(emulator.start().ok());
    image = call(emulator, "Action=DescribeImages&Filter.1.Name=name&Filter.1.Value.1=amzn-ami-hvm-2017.03.1*")
                .text("//imagesSet/item/imageId");
    ASSERT_FALSE(image.empty());
  }
  Answer run(const std::string& extra = "") {
    return call(emulator, "Action=RunInstances&ImageId=" + image + "&MinCount=1&MaxCount=1&InstanceType=t3.micro" + extra);
  }
  std::string state_of(const std::string& id) {
    return call(emulator, "Action=DescribeInstances&InstanceId.1=" + id).text("//instancesSet/item/instanceState/name");
  }
  void advance(int seconds) { clock->advance(std::chrono::seconds(seconds)); }

  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  Emulator emulator{testing::quiet_options(clock)};
  std::string image;
};

TEST_F(Instances, PendingRunningStoppedStartedTerminatedGone) {
  Answer launched = run();
  ASSERT_EQ(launched.status, 200) << launched.body;
  std::string id = launched.text("//instancesSet/item/instanceId");
  EXPECT_EQ(launched.text("//instancesSet/item/instanceState/name"), "pending");
  EXPECT_EQ(launched.text("//instancesSet/item/ipAddress"), "");
  advance(5);
  Answer running = call(emulator, "Action=DescribeInstances&InstanceId.1=" + id);
  EXPECT_EQ(running.text("//instanceState/name"), "running");
  std::string first_ip = running.text("//instancesSet/item/ipAddress");
  std::string private_ip = running.text("//instancesSet/item/privateIpAddress");
  EXPECT_FALSE(first_ip.empty());
  EXPECT_NE(running.text("//instancesSet/item/dnsName").find("compute-1.amazonaws.com"), std::string::npos);

  EXPECT_EQ(call(emulator, "Action=StopInstances&InstanceId.1=" + id).text("//instancesSet/item/currentState/name"),
            "stopping");
  advance(5);
  Answer stopped = call(emulator, "Action=DescribeInstances&InstanceId.1=" + id);
  EXPECT_EQ(stopped.text("//instanceState/name"), "stopped");
  EXPECT_EQ(stopped.text("//instancesSet/item/ipAddress"), "");
  EXPECT_EQ(stopped.text("//stateReason/code"), "Client.UserInitiatedShutdown");

  call(emulator, "Action=StartInstances&InstanceId.1=" + id);
  advance(5);
  Answer restarted = call(emulator, "Action=DescribeInstances&InstanceId.1=" + id);
  EXPECT_EQ(restarted.text("//instanceState/name"), "running");
  EXPECT_NE(restarted.text("//instancesSet/item/ipAddress"), first_ip);
  EXPECT_EQ(restarted.text("//instancesSet/item/privateIpAddress"), private_ip);

  call(emulator, "Action=TerminateInstances&InstanceId.1=" + id);
  EXPECT_EQ(state_of(id), "shutting-down");
  advance(5);
  EXPECT_EQ(state_of(id), "terminated");
  advance(3601);
  EXPECT_EQ(call(emulator, "Action=DescribeInstances&InstanceId.1=" + id).code(), "InvalidInstanceID.NotFound");
}

TEST_F(Instances, IncorrectInstanceState) {
  std::string id = run().text("//instancesSet/item/instanceId");
  Answer stop_pending = call(emulator, "Action=StopInstances&InstanceId.1=" + id);
  EXPECT_EQ(stop_pending.code(), "IncorrectInstanceState");
  advance(5);
  call(emulator, "Action=TerminateInstances&InstanceId.1=" + id);
  EXPECT_EQ(call(emulator, "Action=StartInstances&InstanceId.1=" + id).code(), "IncorrectInstanceState");
}

TEST_F(Instances, StatusChecksGoFromInitializingToOk) {
  std::string id = run().text("//instancesSet/item/instanceId");
  EXPECT_TRUE(call(emulator, "Action=DescribeInstanceStatus").texts("//instanceStatusSet/item").empty());
  Answer all = call(emulator, "Action=DescribeInstanceStatus&IncludeAllInstances=true");
  EXPECT_EQ(all.text("//instanceStatus/status"), "not-applicable");
  advance(5);
  EXPECT_EQ(call(emulator, "Action=DescribeInstanceStatus").text("//instanceStatus/status"), "initializing");
  advance(10);
  Answer ok = call(emulator, "Action=DescribeInstanceStatus&InstanceId.1=" + id);
  EXPECT_EQ(ok.text("//instanceStatus/status"), "ok");
  EXPECT_EQ(ok.text("//systemStatus/details/item/status"), "passed");
}

TEST_F(Instances, ControlCompleteFinishesTransitionsWithoutTime) {
  std::string id = run().text("//instancesSet/item/instanceId");
  HttpReply reply = testing::control(emulator, "POST", "/_emulator/complete");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(state_of(id), "running");
  EXPECT_EQ(call(emulator, "Action=DescribeInstanceStatus").text("//instanceStatus/status"), "ok");
}

TEST_F(Instances, ClientTokenIsIdempotent) {
  Answer first = run("&ClientToken=tok-1");
  Answer again = run("&ClientToken=tok-1");
  EXPECT_EQ(first.text("//reservationId"), again.text("//reservationId"));
  EXPECT_EQ(first.text("//instancesSet/item/instanceId"), again.text("//instancesSet/item/instanceId"));
  EXPECT_EQ(call(emulator, "Action=DescribeInstances").texts("//instancesSet/item").size(), 1u);
  Answer mismatch = call(emulator, "Action=RunInstances&ImageId=" + image +
                                       "&MinCount=1&MaxCount=1&InstanceType=t3.small&ClientToken=tok-1");
  EXPECT_EQ(mismatch.code(), "IdempotentParameterMismatch");
}

TEST_F(Instances, RunInstancesValidation) {
  EXPECT_EQ(call(emulator, "Action=RunInstances&MinCount=1&MaxCount=1").code(), "MissingParameter");
  EXPECT_EQ(call(emulator, "Action=RunInstances&ImageId=ami-12345678&MinCount=1&MaxCount=1").code(),
            "InvalidAMIID.NotFound");
  EXPECT_EQ(call(emulator, "Action=RunInstances&ImageId=bogus&MinCount=1&MaxCount=1").code(), "InvalidAMIID.Malformed");
  EXPECT_EQ(run("&InstanceType=t9.huge").code(), "InvalidParameterValue");
  EXPECT_EQ(call(emulator, "Action=RunInstances&ImageId=" + image + "&MinCount=1&MaxCount=1&InstanceType=t4g.small").code(),
            "InvalidParameterValue");
  EXPECT_EQ(run("&KeyName=nope").code(), "InvalidKeyPair.NotFound");
  EXPECT_EQ(run("&SecurityGroupId.1=sg-12345678").code(), "InvalidGroup.NotFound");
  EXPECT_EQ(run("&SubnetId=subnet-12345678").code(), "InvalidSubnetID.NotFound");
  EXPECT_EQ(run("&UserData=%%%").code(), "InvalidParameterValue");
  Answer dry = run("&DryRun=true");
  EXPECT_EQ(dry.status, 412);
  EXPECT_EQ(dry.code(), "DryRunOperation");
  EXPECT_TRUE(call(emulator, "Action=DescribeInstances").texts("//instancesSet/item").empty());
}

TEST_F(Instances, UnknownIdsAndMalformedIds) {
  Answer missing = call(emulator, "Action=DescribeInstances&InstanceId.1=i-0123456789abcdef0");
  EXPECT_EQ(missing.code(), "InvalidInstanceID.NotFound");
  EXPECT_EQ(missing.text("/Response/Errors/Error/Message"), "The instance ID 'i-0123456789abcdef0' does not exist");
  EXPECT_EQ(call(emulator, "Action=TerminateInstances&InstanceId.1=x-1").code(), "InvalidInstanceID.Malformed");
}

class Fleet : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(emulator.start().ok()); }
  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  Emulator emulator{testing::quiet_options(clock, 57)};
};

TEST_F(Fleet, PaginatesByInstanceWithOpaqueTokens) {
  std::set<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    Answer page = call(emulator, "Action=DescribeInstances&MaxResults=10" + (token.empty() ? "" : "&NextToken=" + token));
    ASSERT_EQ(page.status, 200) << page.body;
    auto ids = page.texts("//instancesSet/item/instanceId");
    EXPECT_LE(ids.size(), 10u);
    for (auto& id : ids) EXPECT_TRUE(seen.insert(id).second) << id;
    token = page.text("/DescribeInstancesResponse/nextToken");
    ++pages;
  } while (!token.empty());
  EXPECT_EQ(seen.size(), 57u);
  EXPECT_EQ(pages, 6);
}

TEST_F(Fleet, PaginationErrors) {
  EXPECT_EQ(call(emulator, "Action=DescribeInstances&MaxResults=4").code(), "InvalidParameterValue");
  EXPECT_EQ(call(emulator, "Action=DescribeInstances&MaxResults=1001").code(), "InvalidParameterValue");
  EXPECT_EQ(call(emulator, "Action=DescribeInstances&NextToken=garbage").code(), "InvalidPaginationToken");
  std::string token = call(emulator, "Action=DescribeInstances&MaxResults=5").text("//nextToken");
  std::string forged = token;
  forged[2] = forged[2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(call(emulator, "Action=DescribeInstances&NextToken=" + forged).code(), "InvalidPaginationToken");
  EXPECT_EQ(call(emulator, "Action=DescribeInstanceStatus&NextToken=" + token).code(), "InvalidPaginationToken");
  std::string id = call(emulator, "Action=DescribeInstances").text("//instancesSet/item/instanceId");
  EXPECT_EQ(call(emulator, "Action=DescribeInstances&MaxResults=5&InstanceId.1=" + id).code(),
            "InvalidParameterCombination");
}

TEST_F(Fleet, FiltersCombineAndUnknownFilterIsRejected) {
  auto all = call(emulator, "Action=DescribeInstances").texts("//instancesSet/item/instanceId");
  auto stopped = call(emulator, "Action=DescribeInstances&Filter.1.Name=instance-state-name&Filter.1.Value.1=stopped")
                     .texts("//instancesSet/item/instanceId");
  auto running = call(emulator, "Action=DescribeInstances&Filter.1.Name=instance-state-name&Filter.1.Value.1=running")
                     .texts("//instancesSet/item/instanceId");
  EXPECT_EQ(stopped.size() + running.size(), all.size());
  EXPECT_FALSE(stopped.empty());
  auto either = call(emulator, "Action=DescribeInstances&Filter.1.Name=instance-state-name&Filter.1.Value.1=stopped"
                               "&Filter.1.Value.2=running").texts("//instancesSet/item/instanceId");
  EXPECT_EQ(either.size(), all.size());
  auto web_running = call(emulator, "Action=DescribeInstances&Filter.1.Name=instance-state-name&Filter.1.Value.1=running"
                                    "&Filter.2.Name=tag:Name&Filter.2.Value.1=web-*").texts("//instancesSet/item/instanceId");
  EXPECT_LT(web_running.size(), running.size());
  EXPECT_FALSE(web_running.empty());
  auto unicode = call(emulator, "Action=DescribeInstances&Filter.1.Name=tag:owner&Filter.1.Value.1=Zo%C3%AB*")
                     .texts("//instancesSet/item/instanceId");
  EXPECT_FALSE(unicode.empty());
  auto comma = call(emulator, "Action=DescribeInstances&Filter.1.Name=tag:cost-center&Filter.1.Value.1=cc-1001%2Ccc-2002")
                   .texts("//instancesSet/item/instanceId");
  EXPECT_FALSE(comma.empty());
  Answer unknown = call(emulator, "Action=DescribeInstances&Filter.1.Name=colour&Filter.1.Value.1=red");
  EXPECT_EQ(unknown.code(), "InvalidParameterValue");
  EXPECT_EQ(unknown.text("/Response/Errors/Error/Message"), "The filter 'colour' is invalid");
}

TEST_F(Fleet, SeedingIsDeterministic) {
  auto other_clock = std::make_shared<ManualClock>();
  Emulator other{testing::quiet_options(other_clock, 57)};
  ASSERT_TRUE(other.start().ok());
  auto without_request_id = [](std::string body) {
    size_t start = body.find("<requestId>");
    size_t end = body.find("</requestId>");
    return body.erase(start, end - start);
  };
  EXPECT_EQ(without_request_id(call(emulator, "Action=DescribeInstances").body),
            without_request_id(call(other, "Action=DescribeInstances").body));
}

}  // namespace
}  // namespace ec2::emu
