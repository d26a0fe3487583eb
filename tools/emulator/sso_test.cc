// IAM Identity Center: sign-in by the control endpoint, the portal, SSO-OIDC and the token cache.
#include "sso.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "creds_test_util.h"

namespace ec2::emu {
namespace {

using testing::Keys;
using testing::ManualClock;

class SsoTest : public ::testing::Test {
 protected:
  nlohmann::json control_json(const std::string& path, const nlohmann::json& body) {
    HttpReply reply = testing::control(*emulator, "POST", path, "", body.dump());
    EXPECT_EQ(reply.status, 200) << reply.body;
    return nlohmann::json::parse(reply.body);
  }
  HttpReply portal(const std::string& path, const std::string& query, const std::string& token) {
    HttpCall http;
    http.method = "GET";
    http.path = path;
    http.query = query;
    http.headers = {{"x-amz-sso_bearer_token", token}};
    return emulator->handle(http);
  }
  HttpReply oidc(const nlohmann::json& body) {
    HttpCall http;
    http.path = "/token";
    http.body = body.dump();
    return emulator->handle(http);
  }
  static std::string error_type(const HttpReply& reply) {
    for (auto& [name, value] : reply.headers) {
      if (name == "x-amzn-ErrorType") return value;
    }
    return {};
  }

  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  std::unique_ptr<Emulator> emulator = testing::accounts_emulator(clock);
};

TEST_F(SsoTest, RoleCredentialsWorkOnEc2AndStsAsThePermissionSet) {
  std::string token = control_json("/_emulator/sso/login", {{"user", "carol"}})["accessToken"];
  HttpReply reply = portal("/federation/credentials", "account_id=222222222222&role_name=ReadOnly", token);
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto creds = nlohmann::json::parse(reply.body)["roleCredentials"];
  Keys keys{creds["accessKeyId"], creds["secretAccessKey"], creds["sessionToken"]};
  EXPECT_EQ(keys.id.substr(0, 4), "ASIA");
  auto expiration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
      (std::chrono::time_point_cast<std::chrono::seconds>(clock->now()) + std::chrono::seconds(1800)).time_since_epoch());
  EXPECT_EQ(creds["expiration"].get<int64_t>(), expiration_ms.count());
  auto who = testing::signed_call(*emulator, *clock, "sts", "Action=GetCallerIdentity", keys);
  EXPECT_EQ(who.text("//Arn"), "arn:aws:sts::222222222222:assumed-role/" + sso_role_name("ReadOnly", "222222222222") +
                                   "/carol");
  EXPECT_EQ(testing::signed_call(*emulator, *clock, "ec2", "Action=DescribeVpcs", keys).text("//vpcSet/item/ownerId"),
            "222222222222");
  EXPECT_EQ(testing::signed_call(*emulator, *clock, "ec2", "Action=CreateKeyPair&KeyName=k", keys).code(),
            "UnauthorizedOperation");
  auto chained = testing::signed_call(*emulator, *clock, "sts",
                                      "Action=AssumeRole&RoleArn=arn:aws:iam::222222222222:role/from-sso&RoleSessionName=c",
                                      keys);
  EXPECT_EQ(testing::sts_code(chained), "ValidationError");  // session name too short
  chained = testing::signed_call(*emulator, *clock, "sts",
                                 "Action=AssumeRole&RoleArn=arn:aws:iam::222222222222:role/from-sso&RoleSessionName=carol",
                                 keys);
  EXPECT_EQ(chained.status, 200) << chained.body;
}

TEST_F(SsoTest, PortalRefusesUnknownTokensAndUnassignedRoles) {
  HttpReply unknown = portal("/federation/credentials", "account_id=111111111111&role_name=Admin", "nope");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(error_type(unknown), "UnauthorizedException");
  std::string token = control_json("/_emulator/sso/login", {{"user", "carol"}})["accessToken"];
  HttpReply forbidden = portal("/federation/credentials", "account_id=222222222222&role_name=Admin", token);
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(error_type(forbidden), "ForbiddenException");
  control_json("/_emulator/sso/expire", {{"accessToken", token}});
  EXPECT_EQ(portal("/assignment/accounts", "", token).status, 401);
  HttpReply nobody = testing::control(*emulator, "POST", "/_emulator/sso/login", "", R"({"user": "mallory"})");
  EXPECT_EQ(nobody.status, 400);
}

TEST_F(SsoTest, ListsAccountsAndRolesOfTheUser) {
  std::string token = control_json("/_emulator/sso/login", {{"user", "carol"}})["accessToken"];
  auto accounts = nlohmann::json::parse(portal("/assignment/accounts", "max_result=10", token).body)["accountList"];
  ASSERT_EQ(accounts.size(), 2u);
  EXPECT_EQ(accounts[0]["accountId"], "111111111111");
  EXPECT_EQ(accounts[0]["accountName"], "dev");
  auto roles = nlohmann::json::parse(portal("/assignment/roles", "account_id=111111111111", token).body)["roleList"];
  ASSERT_EQ(roles.size(), 2u);
  EXPECT_EQ(roles[0]["roleName"], "Admin");
  EXPECT_EQ(roles[1]["roleName"], "ReadOnly");
}

TEST_F(SsoTest, RefreshTokenGrantIssuesANewAccessToken) {
  auto login = control_json("/_emulator/sso/login", {{"user", "carol"}, {"ttl_seconds", 60}});
  control_json("/_emulator/sso/expire", {{"accessToken", login["accessToken"]}});
  nlohmann::json request = {{"clientId", login["clientId"]}, {"clientSecret", login["clientSecret"]},
                            {"grantType", "refresh_token"}, {"refreshToken", login["refreshToken"]}};
  HttpReply refreshed = oidc(request);
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  auto body = nlohmann::json::parse(refreshed.body);
  EXPECT_EQ(body["tokenType"], "Bearer");
  EXPECT_EQ(body["expiresIn"], 3600);
  EXPECT_NE(body["refreshToken"], login["refreshToken"]);
  EXPECT_EQ(portal("/assignment/accounts", "", body["accessToken"]).status, 200);
  HttpReply reused = oidc(request);  // refresh tokens are single use
  EXPECT_EQ(reused.status, 400);
  EXPECT_EQ(error_type(reused), "InvalidGrantException");
  request["clientSecret"] = "wrong";
  EXPECT_EQ(error_type(oidc(request)), "InvalidClientException");
}

TEST_F(SsoTest, TokenCacheFilesAreNamedAsTheAwsCliNamesThem) {
  std::string dir = ::testing::TempDir() + "/sso-cache";
  std::filesystem::create_directories(dir);
  auto session = control_json("/_emulator/sso/login",
                              {{"user", "carol"}, {"cache_dir", dir}, {"session_name", "my-sso"}});
  EXPECT_EQ(session["path"], dir + "/0ad374308c5a4e22f723adf10145eafad7c4031c.json");
  auto cached = nlohmann::json::parse(std::ifstream(session["path"].get<std::string>()));
  EXPECT_EQ(cached["accessToken"], session["accessToken"]);
  EXPECT_EQ(cached["refreshToken"], session["refreshToken"]);
  EXPECT_EQ(cached["startUrl"], "https://example.awsapps.com/start");
  EXPECT_EQ(cached["region"], "eu-west-1");
  EXPECT_EQ(cached["expiresAt"].get<std::string>().back(), 'Z');
  auto legacy = control_json("/_emulator/sso/login", {{"user", "carol"}, {"cache_dir", dir}});
  EXPECT_EQ(legacy["path"], dir + "/e8be5486177c5b5392bd9aa76563515b29358e6e.json");
  auto legacy_cached = nlohmann::json::parse(std::ifstream(legacy["path"].get<std::string>()));
  EXPECT_FALSE(legacy_cached.contains("refreshToken"));
}

TEST_F(SsoTest, ControlMintsWebIdentityTokensAndShowsMfaCodes) {
  auto minted = control_json("/_emulator/oidc/token", {{"sub", "repo:x"}, {"ttl_seconds", 300}});
  HttpCall http;
  http.body = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=ci-run&RoleArn="
              "arn:aws:iam::111111111111:role/ci&WebIdentityToken=" + minted["token"].get<std::string>();
  HttpReply reply = emulator->handle(http);
  EXPECT_EQ(reply.status, 200) << reply.body;
  HttpReply code = testing::control(*emulator, "GET", "/_emulator/totp", "serial=arn:aws:iam::111111111111:mfa/alice");
  ASSERT_EQ(code.status, 200);
  EXPECT_EQ(nlohmann::json::parse(code.body)["code"].get<std::string>().size(), 6u);
}

}  // namespace
}  // namespace ec2::emu
