// assume_role_client against a scripted STS: who signs AssumeRole, what it asks for, and what the
// role's client signs with.
#include "assumed_role.h"

#include <gtest/gtest.h>

#include "auth/sts_test_util.h"

namespace ec2::inventory {
namespace {

using ec2::testing::FakeClock;
using ec2::testing::FakeSts;
using ec2::testing::form;
using ec2::testing::signing_key_of;

class AssumedRoleTest : public ::testing::Test {
 protected:
  /// A client signing with the caller's keys, whose STS (and EC2) calls go to the fake STS.
  Client caller() {
    ClientOptions options;
    options.config.region = "eu-west-1";
    options.config.endpoint_url = "https://ec2.eu-west-1.amazonaws.com";
    options.config.sts_endpoint_url = "http://127.0.0.1:4566";
    options.config.credentials = Credentials{"AKIACALLER", "SECRET", "", "env", {}, {}};
    options.transport = sts_.transport;
    options.clock = clock_;
    return Client(std::move(options));
  }

  std::shared_ptr<FakeClock> clock_ = std::make_shared<FakeClock>();
  FakeSts sts_{clock_};
  const RoleToAssume role_{"arn:aws:iam::222222222222:role/inventory", "ansible_dynamic_inventory"};
};

TEST_F(AssumedRoleTest, AssumesTheRoleWithTheCallersKeysBeforeReturning) {
  auto client = assume_role_client(caller(), role_);
  ASSERT_TRUE(client.ok()) << to_string(client.error());
  ASSERT_EQ(sts_.requests().size(), 1u);
  const HttpRequest request = sts_.requests()[0];
  EXPECT_EQ(request.url, "http://127.0.0.1:4566/");
  EXPECT_EQ(signing_key_of(request), "AKIACALLER");
  auto params = form(request.body);
  EXPECT_EQ(params["Action"], "AssumeRole");
  EXPECT_EQ(params["RoleArn"], "arn:aws:iam::222222222222:role/inventory");
  EXPECT_EQ(params["RoleSessionName"], "ansible_dynamic_inventory");
  EXPECT_EQ(params.count("DurationSeconds"), 0u);

  auto credentials = client->for_region("us-west-2").credentials();
  ASSERT_TRUE(credentials.ok());
  EXPECT_EQ(credentials->access_key_id, "ASIA1");
  EXPECT_EQ(credentials->session_token, "TOKEN1");
  EXPECT_EQ(credentials->identity,
            "assume-role: arn:aws:sts::123456789012:assumed-role/inventory/ansible_dynamic_inventory, as env");
  EXPECT_EQ(client->config().region, "eu-west-1");
  EXPECT_EQ(sts_.requests().size(), 1u) << "fresh credentials are not fetched again";
}

TEST_F(AssumedRoleTest, AssumesAgainOnlyWhenTheCredentialsAreAboutToExpire) {
  auto client = assume_role_client(caller(), role_);
  ASSERT_TRUE(client.ok());
  clock_->advance(std::chrono::minutes(40));
  EXPECT_EQ(client->credentials()->access_key_id, "ASIA1");
  clock_->advance(std::chrono::minutes(10));  // 10 minutes left: inside the refresh window
  EXPECT_EQ(client->credentials()->access_key_id, "ASIA2");
  EXPECT_EQ(sts_.requests().size(), 2u);
}

TEST_F(AssumedRoleTest, ARefusalCarriesCodeMessageRequestIdAndTheRole) {
  sts_.fail_with(403, "AccessDenied", "User: arn:aws:iam::111111111111:user/alice is not authorized", "req-9");
  auto client = assume_role_client(caller(), role_);
  ASSERT_FALSE(client.ok());
  EXPECT_EQ(client.error().code, "AccessDenied");
  EXPECT_EQ(client.error().request_id, "req-9");
  EXPECT_EQ(to_string(client.error()),
            "Failed to assume role arn:aws:iam::222222222222:role/inventory: AccessDenied: User: "
            "arn:aws:iam::111111111111:user/alice is not authorized (request req-9)");
}

}  // namespace
}  // namespace ec2::inventory
