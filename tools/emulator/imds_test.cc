// Instance metadata and container credentials, in-process.
#include "imds.h"

#include <gtest/gtest.h>

#include "creds_test_util.h"

namespace ec2::emu {
namespace {

using testing::Keys;
using testing::kAlice;
using testing::ManualClock;

class Metadata : public ::testing::Test {
 protected:
  void SetUp() override {
    auto images =
        testing::signed_call(*emulator, *clock, "ec2", "Action=DescribeImages&Owner.1=amazon", kAlice, "eu-west-1");
    std::string ami = images.text("//imagesSet/item/imageId");
    auto run = testing::signed_call(*emulator, *clock, "ec2",
                                    "Action=RunInstances&MinCount=1&MaxCount=1&InstanceType=t3.micro&ImageId=" + ami +
                                        "&IamInstanceProfile.Name=web-profile",
                                    kAlice, "eu-west-1");
    ASSERT_EQ(run.status, 200) << run.body;
    instance = run.text("//instancesSet/item/instanceId");
    testing::control(*emulator, "POST", "/_emulator/complete");
    HttpReply configured = testing::control(*emulator, "POST", "/_emulator/imds", "",
                                            nlohmann::json{{"instance_id", instance}}.dump());
    ASSERT_EQ(configured.status, 200) << configured.body;
  }
  HttpReply get(const std::string& path, const std::string& token = "") {
    HttpCall http;
    http.method = "GET";
    http.path = path;
    if (!token.empty()) http.headers = {{"X-aws-ec2-metadata-token", token}};
    return emulator->imds().handle(http);
  }
  HttpReply put_token(const std::string& ttl, bool forwarded = false) {
    HttpCall http;
    http.method = "PUT";
    http.path = "/latest/api/token";
    http.headers = {{"X-aws-ec2-metadata-token-ttl-seconds", ttl}};
    if (forwarded) http.headers.emplace_back("X-Forwarded-For", "10.0.0.1");
    return emulator->imds().handle(http);
  }

  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  std::unique_ptr<Emulator> emulator = testing::accounts_emulator(clock);
  std::string instance;
};

TEST_F(Metadata, TokensFollowTheImdsV2Rules) {
  EXPECT_EQ(get("/latest/meta-data/instance-id").status, 401);
  EXPECT_EQ(put_token("0").status, 400);
  EXPECT_EQ(put_token("21601").status, 400);
  EXPECT_EQ(put_token("60", true).status, 403);
  HttpReply token = put_token("60");
  ASSERT_EQ(token.status, 200);
  ASSERT_EQ(token.headers.size(), 1u);
  EXPECT_EQ(token.headers[0].second, "60");
  EXPECT_EQ(get("/latest/meta-data/instance-id", token.body).body, instance);
  EXPECT_EQ(get("/latest/meta-data/instance-id", "forged").status, 401);
  testing::control(*emulator, "POST", "/_emulator/advance", "seconds=61");
  EXPECT_EQ(get("/latest/meta-data/instance-id", token.body).status, 401);
}

TEST_F(Metadata, ImdsV1OnlyWhenAllowed) {
  testing::control(*emulator, "POST", "/_emulator/imds", "", R"({"http_tokens": "optional"})");
  EXPECT_EQ(get("/latest/meta-data/instance-id").body, instance);
  testing::control(*emulator, "POST", "/_emulator/imds", "", R"({"http_tokens": "required"})");
  EXPECT_EQ(get("/latest/meta-data/instance-id").status, 401);
}

TEST_F(Metadata, MetadataDescribesTheInstance) {
  std::string token = put_token("300").body;
  EXPECT_EQ(get("/latest/meta-data/placement/region", token).body, "eu-west-1");
  EXPECT_EQ(get("/latest/meta-data/placement/region/", token).body, "eu-west-1");
  EXPECT_EQ(get("/latest/meta-data/placement/availability-zone", token).body.substr(0, 9), "eu-west-1");
  EXPECT_EQ(get("/latest/meta-data/instance-type", token).body, "t3.micro");
  std::string public_ip = get("/latest/meta-data/public-ipv4", token).body;
  EXPECT_FALSE(public_ip.empty());
  EXPECT_NE(get("/latest/meta-data/public-hostname", token).body.find(".eu-west-1.compute.amazonaws.com"),
            std::string::npos);
  std::string listing = get("/latest/meta-data/", token).body;
  EXPECT_NE(listing.find("placement/\n"), std::string::npos);
  EXPECT_NE(listing.find("iam/\n"), std::string::npos);
  auto doc = nlohmann::json::parse(get("/latest/dynamic/instance-identity/document", token).body);
  EXPECT_EQ(doc["accountId"], "111111111111");
  EXPECT_EQ(doc["instanceId"], instance);
  EXPECT_EQ(get("/latest/meta-data/nonexistent", token).status, 404);
}

TEST_F(Metadata, RoleCredentialsOfTheInstanceProfile) {
  std::string token = put_token("300").body;
  EXPECT_EQ(get("/latest/meta-data/iam/security-credentials/", token).body, "web");
  EXPECT_EQ(get("/latest/meta-data/iam/security-credentials/admin", token).status, 404);
  auto info = nlohmann::json::parse(get("/latest/meta-data/iam/info", token).body);
  EXPECT_EQ(info["InstanceProfileArn"], "arn:aws:iam::111111111111:instance-profile/web-profile");
  auto creds = nlohmann::json::parse(get("/latest/meta-data/iam/security-credentials/web", token).body);
  EXPECT_EQ(creds["Code"], "Success");
  EXPECT_EQ(creds["Type"], "AWS-HMAC");
  Keys keys{creds["AccessKeyId"], creds["SecretAccessKey"], creds["Token"]};
  auto who = testing::signed_call(*emulator, *clock, "sts", "Action=GetCallerIdentity", keys);
  EXPECT_EQ(who.text("//Arn"), "arn:aws:sts::111111111111:assumed-role/web/" + instance);
  auto again = nlohmann::json::parse(get("/latest/meta-data/iam/security-credentials/web", token).body);
  EXPECT_EQ(again["AccessKeyId"], creds["AccessKeyId"]);  // the same until close to expiry
}

TEST_F(Metadata, UnknownInstanceProfileIsInvalidAndInstancesWithoutOneHaveNoIam) {
  std::string ami = testing::signed_call(*emulator, *clock, "ec2", "Action=DescribeImages&Owner.1=amazon", kAlice)
                        .text("//imagesSet/item/imageId");
  auto bad = testing::signed_call(*emulator, *clock, "ec2",
                             "Action=RunInstances&MinCount=1&MaxCount=1&ImageId=" + ami + "&IamInstanceProfile.Name=nope",
                             kAlice);
  EXPECT_EQ(bad.code(), "InvalidParameterValue");
  auto plain = testing::signed_call(*emulator, *clock, "ec2",
                                    "Action=RunInstances&MinCount=1&MaxCount=1&ImageId=" + ami, kAlice);
  std::string id = plain.text("//instancesSet/item/instanceId");
  testing::control(*emulator, "POST", "/_emulator/imds", "", nlohmann::json{{"instance_id", id}}.dump());
  std::string token = put_token("300").body;
  EXPECT_EQ(get("/latest/meta-data/iam/security-credentials/", token).status, 404);
  EXPECT_EQ(testing::control(*emulator, "POST", "/_emulator/imds", "", R"({"instance_id": "i-00000000000000000"})").status,
            404);
}

TEST(ContainerCredentialsTest, RequireTheAuthorizationToken) {
  auto clock = std::make_shared<ManualClock>();
  auto emulator = testing::accounts_emulator(clock);
  HttpReply set = testing::control(*emulator, "POST", "/_emulator/container", "",
                                   R"({"role_arn": "arn:aws:iam::222222222222:role/deploy", "token": "tok-1"})");
  ASSERT_EQ(set.status, 200) << set.body;
  HttpCall http;
  http.method = "GET";
  http.path = "/v1/credentials";
  EXPECT_EQ(emulator->container().handle(http).status, 401);
  http.headers = {{"Authorization", "tok-2"}};
  EXPECT_EQ(emulator->container().handle(http).status, 401);
  http.headers = {{"Authorization", "tok-1"}};
  HttpReply reply = emulator->container().handle(http);
  ASSERT_EQ(reply.status, 200);
  auto creds = nlohmann::json::parse(reply.body);
  EXPECT_EQ(creds["RoleArn"], "arn:aws:iam::222222222222:role/deploy");
  Keys keys{creds["AccessKeyId"], creds["SecretAccessKey"], creds["Token"]};
  auto vpcs = testing::signed_call(*emulator, *clock, "ec2", "Action=DescribeVpcs", keys);
  EXPECT_EQ(vpcs.text("//vpcSet/item/ownerId"), "222222222222");
  EXPECT_EQ(testing::control(*emulator, "POST", "/_emulator/container", "", R"({"role_arn": "arn:aws:iam::1:role/x"})")
                .status,
            404);
}

}  // namespace
}  // namespace ec2::emu
