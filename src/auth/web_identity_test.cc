// Web identity credentials through resolve_config with a fake STS: the EKS variables, profiles,
// unsigned calls, the token read again at each refresh, the shared cache and errors.
#include "auth/web_identity.h"

#include <gtest/gtest.h>

#include "auth/cli_cache.h"
#include "auth/sts_test_util.h"

namespace ec2::auth {
namespace {

using namespace std::chrono_literals;
using testing::form;
using Vars = std::map<std::string, std::string>;

class WebIdentityTest : public ::testing::Test, public testing::StsFixture {
 protected:
  Vars irsa() {
    return {{"AWS_REGION", "us-west-2"},
            {"AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/Pod"},
            {"AWS_WEB_IDENTITY_TOKEN_FILE", home.write("token", "jwt-1")}};
  }
};

TEST_F(WebIdentityTest, EksVariablesAssumeTheRoleUnsigned) {
  auto c = resolve(irsa());
  ASSERT_TRUE(c.ok()) << to_string(c.error());
  EXPECT_EQ(c->credentials.access_key_id, "ASIA1");
  EXPECT_EQ(c->credentials.source, "assume-role-with-web-identity");
  EXPECT_NE(c->credentials.identity.find("assumed-role/Pod/botocore-session-1704067200"), std::string::npos);
  auto requests = sts.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].url, "https://sts.us-west-2.amazonaws.com/");
  EXPECT_EQ(find_header(requests[0].headers, "Authorization"), nullptr);
  auto params = form(requests[0].body);
  EXPECT_EQ(params["Action"], "AssumeRoleWithWebIdentity");
  EXPECT_EQ(params["RoleArn"], "arn:aws:iam::123456789012:role/Pod");
  EXPECT_EQ(params["WebIdentityToken"], "jwt-1");
}

TEST_F(WebIdentityTest, SessionNameFromTheEnvironment) {
  Vars v = irsa();
  v["AWS_ROLE_SESSION_NAME"] = "pod-1";
  ASSERT_TRUE(resolve(v).ok());
  EXPECT_EQ(form(sts.requests().at(0).body)["RoleSessionName"], "pod-1");
}

TEST_F(WebIdentityTest, ProfileSettings) {
  std::string token = home.write("profile-token", "jwt-p");
  config("[profile pod]\nregion = eu-central-1\nrole_arn = arn:aws:iam::1:role/P\nweb_identity_token_file = " +
         token + "\nrole_session_name = s\n");
  auto c = resolve({}, "pod");
  ASSERT_TRUE(c.ok()) << to_string(c.error());
  auto params = form(sts.requests().at(0).body);
  EXPECT_EQ(params["RoleArn"], "arn:aws:iam::1:role/P");
  EXPECT_EQ(params["WebIdentityToken"], "jwt-p");
  EXPECT_EQ(params["RoleSessionName"], "s");
}

TEST_F(WebIdentityTest, TheTokenFileIsReadAgainAtEveryRefresh) {
  auto c = resolve(irsa());
  ASSERT_TRUE(c.ok());
  home.write("token", "jwt-2");
  clock->advance(51min);
  auto fresh = c->credentials_provider->get();
  ASSERT_TRUE(fresh.ok()) << to_string(fresh.error());
  EXPECT_EQ(fresh->access_key_id, "ASIA2");
  EXPECT_EQ(form(sts.requests().at(1).body)["WebIdentityToken"], "jwt-2");
}

TEST_F(WebIdentityTest, SharesTheCliCache) {
  ASSERT_TRUE(resolve(irsa()).ok());
  ASSERT_TRUE(resolve(irsa()).ok());
  EXPECT_EQ(sts.requests().size(), 1u);
  CliCache cache(home.path() + "/.aws/cli/cache");
  EXPECT_TRUE(cache.load(assume_role_cache_key({{"RoleArn", "arn:aws:iam::123456789012:role/Pod"}}), clock->now())
                  .has_value());
}

TEST_F(WebIdentityTest, AWebIdentityProfileCanBeASourceProfile) {
  std::string token = home.write("pod-token", "jwt-src");
  config("[profile admin]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/Admin\nsource_profile = pod\n"
         "[profile pod]\nrole_arn = arn:aws:iam::1:role/Pod\nweb_identity_token_file = " + token + "\n");
  auto c = resolve({}, "admin");
  ASSERT_TRUE(c.ok()) << to_string(c.error());
  auto requests = sts.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(form(requests[0].body)["Action"], "AssumeRoleWithWebIdentity");
  EXPECT_EQ(form(requests[1].body)["Action"], "AssumeRole");
  EXPECT_EQ(testing::signing_key_of(requests[1]), "ASIA1");
  EXPECT_EQ(c->credentials.access_key_id, "ASIA2");
}

TEST_F(WebIdentityTest, AnExplicitProfileIgnoresTheVariables) {
  config("[profile dev]\nregion = eu-west-1\naws_access_key_id = AKDEV\naws_secret_access_key = SKDEV\n");
  auto c = resolve(irsa(), "dev");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->credentials.access_key_id, "AKDEV");
  EXPECT_TRUE(sts.requests().empty());
}

TEST_F(WebIdentityTest, UnreadableTokenFileIsAnErrorNamingIt) {
  Vars v = irsa();
  v["AWS_WEB_IDENTITY_TOKEN_FILE"] = home.path() + "/missing";
  auto c = resolve(v);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, "WebIdentityError");
  EXPECT_NE(c.error().message.find(home.path() + "/missing"), std::string::npos);
}

TEST_F(WebIdentityTest, TokenFileWithoutRoleIsAnError) {
  Vars v = irsa();
  v.erase("AWS_ROLE_ARN");
  auto c = resolve(v);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, "InvalidConfig");
}

TEST_F(WebIdentityTest, StsErrorsNameTheRole) {
  sts.fail_with(400, "InvalidIdentityToken", "Token expired", "rid-7");
  auto c = resolve(irsa());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, "InvalidIdentityToken");
  EXPECT_EQ(c.error().request_id, "rid-7");
  EXPECT_NE(c.error().message.find("arn:aws:iam::123456789012:role/Pod"), std::string::npos);
  EXPECT_NE(c.error().message.find("Token expired"), std::string::npos);
}

}  // namespace
}  // namespace ec2::auth
