// with_assumed_role: a client signing with a role assumed with another client's credentials,
// through a scripted STS.
#include <filesystem>

#include <gtest/gtest.h>

#include "auth/sts_test_util.h"
#include "ec2/sts.h"

namespace ec2 {
namespace {

using testing::form;
using testing::signing_key_of;

constexpr const char* kRole = "arn:aws:iam::222222222222:role/inventory";

class AssumedRoleClientTest : public ::testing::Test {
 protected:
  Client base() {
    ClientOptions options;
    options.config.region = "us-east-1";
    options.config.endpoint_url = "http://127.0.0.1:4566";
    options.config.sts_endpoint_url = "http://127.0.0.1:4566";
    options.config.credentials = Credentials{"AKIDBASE", "SECRET", "", "env", {}, {}};
    options.transport = sts_.transport;
    options.clock = clock_;
    return Client(std::move(options));
  }
  AssumeRoleOptions role(std::string cache_dir = "") {
    AssumeRoleOptions options;
    options.role_arn = kRole;
    options.role_session_name = "inventory_run";
    options.cache_dir = std::move(cache_dir);
    return options;
  }
  size_t assume_calls() const {
    size_t n = 0;
    for (const auto& r : sts_.requests()) n += form(r.body)["Action"] == "AssumeRole";
    return n;
  }

  std::shared_ptr<testing::FakeClock> clock_ = std::make_shared<testing::FakeClock>();
  testing::FakeSts sts_{clock_};
};

TEST_F(AssumedRoleClientTest, AssumesOnceWithTheClientsCredentialsAndSignsWithTheRole) {
  auto assumed = with_assumed_role(base(), role());
  ASSERT_TRUE(assumed.ok()) << to_string(assumed.error());
  auto first = sts_.requests().at(0);
  EXPECT_EQ(form(first.body)["Action"], "AssumeRole");
  EXPECT_EQ(form(first.body)["RoleArn"], kRole);
  EXPECT_EQ(form(first.body)["RoleSessionName"], "inventory_run");
  EXPECT_EQ(signing_key_of(first), "AKIDBASE");
  ASSERT_TRUE(get_caller_identity(*assumed).ok());
  ASSERT_TRUE(get_caller_identity(*assumed).ok());
  EXPECT_EQ(assume_calls(), 1u);
  EXPECT_EQ(signing_key_of(sts_.requests().back()), "ASIA1");
  EXPECT_EQ(assumed->credentials()->source, "assume-role");
  EXPECT_EQ(assumed->region(), "us-east-1");
}

TEST_F(AssumedRoleClientTest, AssumesAgainBeforeTheCredentialsExpire) {
  auto assumed = with_assumed_role(base(), role());
  ASSERT_TRUE(assumed.ok());
  clock_->advance(std::chrono::minutes(55));
  ASSERT_TRUE(get_caller_identity(*assumed).ok());
  EXPECT_EQ(assume_calls(), 2u);
  EXPECT_EQ(signing_key_of(sts_.requests().back()), "ASIA2");
}

TEST_F(AssumedRoleClientTest, ARefusalCarriesCodeMessageRequestIdAndRole) {
  sts_.fail_with(403, "AccessDenied", "User is not authorized to perform: sts:AssumeRole", "rid-7");
  auto assumed = with_assumed_role(base(), role());
  ASSERT_FALSE(assumed.ok());
  EXPECT_EQ(assumed.error().code, "AccessDenied");
  EXPECT_EQ(assumed.error().request_id, "rid-7");
  std::string text = to_string(assumed.error());
  EXPECT_NE(text.find(kRole), std::string::npos) << text;
  EXPECT_NE(text.find("not authorized"), std::string::npos) << text;
}

TEST_F(AssumedRoleClientTest, ThrottlingIsRetriedPerTheClientsPolicy) {
  sts_.throttle(2);
  auto assumed = with_assumed_role(base(), role());
  ASSERT_TRUE(assumed.ok()) << to_string(assumed.error());
  EXPECT_EQ(sts_.requests().size(), 3u);
  EXPECT_EQ(clock_->sleeps().size(), 2u);
}

TEST_F(AssumedRoleClientTest, SharesCredentialsThroughTheCliCache) {
  testing::TempDir cache;
  ASSERT_TRUE(with_assumed_role(base(), role(cache.path())).ok());
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(cache.path()), {}), 1);
  auto again = with_assumed_role(base(), role(cache.path()));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(assume_calls(), 1u);
  EXPECT_EQ(again->credentials()->access_key_id, "ASIA1");
  EXPECT_NE(again->credentials()->identity.find(cache.path()), std::string::npos);
}

TEST(AwsCliCacheDirTest, IsUnderTheHome) {
  MapEnvironment env({}, "/home/u");
  EXPECT_EQ(aws_cli_cache_dir(env), "/home/u/.aws/cli/cache");
}

}  // namespace
}  // namespace ec2
