// Assume-role profiles end to end through resolve_config with a fake STS: source profiles and
// chains, credential_source, the CLI's errors, MFA, the shared CLI cache, STS errors, endpoints
// and refresh.
#include "auth/assume_role.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "auth/cli_cache.h"
#include "auth/sts_test_util.h"

namespace ec2::auth {
namespace {

using namespace std::chrono_literals;
using testing::form;
using testing::signing_key_of;
using Vars = std::map<std::string, std::string>;

constexpr const char* kAdminRole = "arn:aws:iam::123456789012:role/Admin";

class AssumeRoleTest : public ::testing::Test, public testing::StsFixture {
 protected:
  void admin_profile(const std::string& extra = "") {
    config("[profile admin]\nregion = eu-west-1\nrole_arn = " + std::string(kAdminRole) +
           "\nsource_profile = dev\n" + extra + "[profile dev]\nregion = us-east-1\n");
    credentials("[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = SKDEV\n");
  }
  ResolvedConfig ok(Vars vars, std::string profile = "") {
    auto r = resolve(std::move(vars), std::move(profile));
    EXPECT_TRUE(r.ok()) << (r ? "" : to_string(r.error()));
    return r ? *r : ResolvedConfig{};
  }
  Error fails(Vars vars, std::string profile = "") {
    auto r = resolve(std::move(vars), std::move(profile));
    EXPECT_FALSE(r.ok());
    return r ? Error{} : r.error();
  }
};

TEST_F(AssumeRoleTest, AssumesTheRoleWithTheSourceProfilesKeys) {
  admin_profile();
  auto c = ok({}, "admin");
  EXPECT_EQ(c.credentials.access_key_id, "ASIA1");
  EXPECT_EQ(c.credentials.secret_access_key, "SECRET1");
  EXPECT_EQ(c.credentials.session_token, "TOKEN1");
  EXPECT_EQ(c.credentials.source, "assume-role");
  EXPECT_EQ(c.credentials.expiration, clock->now() + 1h);
  EXPECT_EQ(c.credentials.identity,
            "assume-role: arn:aws:sts::123456789012:assumed-role/Admin/botocore-session-1704067200, "
            "source profile dev");
  auto requests = sts.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].url, "https://sts.eu-west-1.amazonaws.com/");
  EXPECT_EQ(signing_key_of(requests[0]), "AKDEV");
  EXPECT_NE(find_header(requests[0].headers, "Authorization")->find("/eu-west-1/sts/aws4_request"), std::string::npos);
  auto params = form(requests[0].body);
  EXPECT_EQ(params["Action"], "AssumeRole");
  EXPECT_EQ(params["Version"], "2011-06-15");
  EXPECT_EQ(params["RoleArn"], kAdminRole);
  EXPECT_EQ(params["RoleSessionName"], "botocore-session-1704067200");
  EXPECT_EQ(params.count("ExternalId"), 0u);
  EXPECT_EQ(params.count("DurationSeconds"), 0u);
}

TEST_F(AssumeRoleTest, ClientsSignWithTheProvidersCurrentKeys) {
  admin_profile();
  auto c = ok({}, "admin");
  ASSERT_TRUE(c.credentials_provider);
  EXPECT_EQ(c.credentials_provider->get()->access_key_id, "ASIA1");
  EXPECT_EQ(sts.requests().size(), 1u);
}

TEST_F(AssumeRoleTest, SessionNameExternalIdAndDuration) {
  admin_profile("role_session_name = ops\nexternal_id = ext-1\nduration_seconds = 900\n");
  ok({}, "admin");
  auto params = form(sts.requests().at(0).body);
  EXPECT_EQ(params["RoleSessionName"], "ops");
  EXPECT_EQ(params["ExternalId"], "ext-1");
  EXPECT_EQ(params["DurationSeconds"], "900");
}

TEST_F(AssumeRoleTest, InvalidDurationIsAnError) {
  admin_profile("duration_seconds = an hour\n");
  auto e = fails({}, "admin");
  EXPECT_EQ(e.code, "InvalidConfig");
  EXPECT_NE(e.message.find("duration_seconds"), std::string::npos);
}

TEST_F(AssumeRoleTest, ChainsOfRolesAssumeEachInTurn) {
  config("[profile a]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
         "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = c\n"
         "[profile c]\naws_access_key_id = AKC\naws_secret_access_key = SKC\n");
  auto c = ok({}, "a");
  auto requests = sts.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(form(requests[0].body)["RoleArn"], "arn:aws:iam::1:role/B");
  EXPECT_EQ(signing_key_of(requests[0]), "AKC");
  EXPECT_EQ(form(requests[1].body)["RoleArn"], "arn:aws:iam::1:role/A");
  EXPECT_EQ(signing_key_of(requests[1]), "ASIA1");
  EXPECT_EQ(c.credentials.access_key_id, "ASIA2");
  EXPECT_NE(c.credentials.identity.find("assumed-role/A/"), std::string::npos);
  EXPECT_NE(c.credentials.identity.find("source profile b"), std::string::npos);
}

TEST_F(AssumeRoleTest, ALoopIsAnErrorNamingTheProfiles) {
  config("[profile a]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
         "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n");
  auto e = fails({}, "a");
  EXPECT_EQ(e.code, "InfiniteLoopConfig");
  EXPECT_NE(e.message.find("a -> b -> a"), std::string::npos) << e.message;
  EXPECT_TRUE(sts.requests().empty());
}

TEST_F(AssumeRoleTest, AProfileMayBeItsOwnSourceWhenItHasKeys) {
  config("[profile self]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/S\nsource_profile = self\n");
  credentials("[self]\naws_access_key_id = AKSELF\naws_secret_access_key = SKSELF\n");
  auto c = ok({}, "self");
  EXPECT_EQ(c.credentials.access_key_id, "ASIA1");
  EXPECT_EQ(signing_key_of(sts.requests().at(0)), "AKSELF");
}

TEST_F(AssumeRoleTest, SourceProfileAndCredentialSourceTogetherAreAnError) {
  admin_profile("credential_source = Environment\n");
  auto e = fails({}, "admin");
  EXPECT_EQ(e.code, "InvalidConfig");
  EXPECT_EQ(e.message, "The profile \"admin\" contains both source_profile and credential_source.");
}

TEST_F(AssumeRoleTest, NeitherSourceIsAnError) {
  config("[profile admin]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/A\n");
  auto e = fails({}, "admin");
  EXPECT_EQ(e.code, "PartialCredentials");
  EXPECT_NE(e.message.find("source_profile or credential_source"), std::string::npos);
}

TEST_F(AssumeRoleTest, MissingOrEmptySourceProfilesAreErrors) {
  admin_profile();
  config("[profile admin]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = nope\n"
         "[profile empty]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = bare\n"
         "[profile bare]\nregion = eu-west-1\n");
  EXPECT_EQ(fails({}, "admin").message,
            "The source_profile \"nope\" referenced in the profile \"admin\" does not exist.");
  EXPECT_EQ(fails({}, "empty").message, "The source profile \"bare\" must have credentials.");
}

TEST_F(AssumeRoleTest, CredentialSourceEnvironment) {
  config("[profile admin]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/A\ncredential_source = Environment\n");
  auto c = ok({{"AWS_ACCESS_KEY_ID", "AKENV"}, {"AWS_SECRET_ACCESS_KEY", "SKENV"}}, "admin");
  EXPECT_EQ(c.credentials.access_key_id, "ASIA1");
  EXPECT_EQ(signing_key_of(sts.requests().at(0)), "AKENV");
  EXPECT_NE(c.credentials.identity.find("credential_source Environment"), std::string::npos);
}

TEST_F(AssumeRoleTest, CredentialSourceEnvironmentWithoutKeysIsAnError) {
  config("[profile admin]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/A\ncredential_source = Environment\n");
  auto e = fails({}, "admin");
  EXPECT_EQ(e.code, "NoCredentials");
  EXPECT_EQ(e.message, "No credentials found in credential_source Environment referenced in profile admin");
  EXPECT_TRUE(sts.requests().empty());
}

TEST_F(AssumeRoleTest, UnknownCredentialSourceIsAnError) {
  config("[profile admin]\nregion = eu-west-1\nrole_arn = arn:aws:iam::1:role/A\ncredential_source = Magic\n");
  auto e = fails({}, "admin");
  EXPECT_EQ(e.code, "InvalidConfig");
  EXPECT_NE(e.message.find("\"Magic\""), std::string::npos);
}

TEST_F(AssumeRoleTest, MfaCodeIsAskedForAndSent) {
  admin_profile("mfa_serial = arn:aws:iam::123456789012:mfa/alice\n");
  ok({}, "admin");
  ASSERT_EQ(prompts.size(), 1u);
  EXPECT_EQ(prompts[0], "Enter MFA code for arn:aws:iam::123456789012:mfa/alice: ");
  auto params = form(sts.requests().at(0).body);
  EXPECT_EQ(params["SerialNumber"], "arn:aws:iam::123456789012:mfa/alice");
  EXPECT_EQ(params["TokenCode"], "123456");
}

TEST_F(AssumeRoleTest, MfaWithoutATerminalSaysHowToFillTheCache) {
  admin_profile("mfa_serial = arn:aws:iam::123456789012:mfa/alice\n");
  interactive = false;
  auto e = fails({}, "admin");
  EXPECT_EQ(e.code, "MfaRequired");
  EXPECT_NE(e.message.find("aws sts get-caller-identity --profile admin"), std::string::npos) << e.message;
  EXPECT_TRUE(prompts.empty());
  EXPECT_TRUE(sts.requests().empty());
}

TEST_F(AssumeRoleTest, ReusesWhatTheCliCachedWithoutPromptingOrCallingSts) {
  admin_profile("mfa_serial = arn:aws:iam::123456789012:mfa/alice\n");
  interactive = false;
  // The file name is botocore's cache key for {RoleArn, SerialNumber} (see cli_cache_test.cc);
  // the content is what the CLI writes after `aws sts get-caller-identity --profile admin`.
  home.write(".aws/cli/cache/f6ee4f1f2e3b86d03f2a2cfc0f0c56c26c32ff64.json",
             R"({"Credentials": {"AccessKeyId": "ASIACLI", "SecretAccessKey": "SKCLI", "SessionToken": "TCLI",)"
             R"( "Expiration": "2024-01-01T01:00:00UTC"}, "AssumedRoleUser": {"AssumedRoleId": "AROA:cli",)"
             R"( "Arn": "arn:aws:sts::123456789012:assumed-role/Admin/cli"}, "ResponseMetadata": {}})");
  auto c = ok({}, "admin");
  EXPECT_EQ(c.credentials.access_key_id, "ASIACLI");
  EXPECT_EQ(c.credentials.session_token, "TCLI");
  EXPECT_NE(c.credentials.identity.find("assumed-role/Admin/cli"), std::string::npos);
  EXPECT_TRUE(sts.requests().empty());
  EXPECT_TRUE(prompts.empty());
}

TEST_F(AssumeRoleTest, ExpiringCacheEntriesAreNotUsed) {
  admin_profile("mfa_serial = arn:aws:iam::123456789012:mfa/alice\n");
  home.write(".aws/cli/cache/f6ee4f1f2e3b86d03f2a2cfc0f0c56c26c32ff64.json",
             R"({"Credentials": {"AccessKeyId": "ASIACLI", "SecretAccessKey": "SKCLI", "SessionToken": "TCLI",)"
             R"( "Expiration": "2024-01-01T00:10:00UTC"}})");
  auto c = ok({}, "admin");
  EXPECT_EQ(c.credentials.access_key_id, "ASIA1");
  EXPECT_EQ(sts.requests().size(), 1u);
}

TEST_F(AssumeRoleTest, WritesTheCacheForTheNextRunAndTheCli) {
  admin_profile("role_session_name = ops\n");
  ok({}, "admin");
  ok({}, "admin");  // a second process: served from the cache
  EXPECT_EQ(sts.requests().size(), 1u);
  std::string key = assume_role_cache_key({{"RoleArn", kAdminRole}, {"RoleSessionName", "ops"}});
  EXPECT_TRUE(std::filesystem::exists(home.path() + "/.aws/cli/cache/" + key + ".json"));
}

TEST_F(AssumeRoleTest, StsErrorsNameRoleProfileCodeMessageAndRequestId) {
  admin_profile();
  sts.fail_with(403, "AccessDenied", "User: arn:aws:iam::1:user/dev is not authorized to perform: sts:AssumeRole",
                "rid-42");
  auto e = fails({}, "admin");
  EXPECT_EQ(e.code, "AccessDenied");
  EXPECT_EQ(e.request_id, "rid-42");
  EXPECT_EQ(e.http_status, 403);
  std::string text = to_string(e);
  EXPECT_NE(text.find(kAdminRole), std::string::npos) << text;
  EXPECT_NE(text.find("profile admin"), std::string::npos) << text;
  EXPECT_NE(text.find("source profile dev"), std::string::npos) << text;
  EXPECT_NE(text.find("is not authorized to perform: sts:AssumeRole"), std::string::npos) << text;
  EXPECT_NE(text.find("rid-42"), std::string::npos) << text;
}

TEST_F(AssumeRoleTest, ThrottledStsCallsAreRetried) {
  admin_profile();
  sts.throttle(2);
  auto c = ok({}, "admin");
  EXPECT_EQ(c.credentials.access_key_id, "ASIA1");
  EXPECT_EQ(sts.requests().size(), 3u);
  EXPECT_EQ(clock->sleeps().size(), 2u);
}

TEST_F(AssumeRoleTest, StsEndpointFollowsTheEndpointSettings) {
  admin_profile("services = local\n[services local]\nsts =\n  endpoint_url = http://127.0.0.1:4566\n");
  ok({}, "admin");
  EXPECT_EQ(sts.requests().at(0).url, "http://127.0.0.1:4566/");
  ok({{"AWS_ENDPOINT_URL_STS", "http://127.0.0.1:5000"}, {"AWS_PROFILE", "admin"}, {"AWS_ENDPOINT_URL", "http://x:1"}});
  // cached now: no further call; a fresh session name forces one
  admin_profile("role_session_name = other\n");
  ok({{"AWS_ENDPOINT_URL_STS", "http://127.0.0.1:5000"}, {"AWS_ENDPOINT_URL", "http://x:1"}}, "admin");
  EXPECT_EQ(sts.requests().back().url, "http://127.0.0.1:5000/");
}

TEST_F(AssumeRoleTest, RefreshesBeforeExpiry) {
  admin_profile();
  auto c = ok({}, "admin");
  clock->advance(46min);  // 14 minutes left: advisory window
  auto fresh = c.credentials_provider->get();
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->access_key_id, "ASIA2");
  EXPECT_EQ(sts.requests().size(), 2u);
}

}  // namespace
}  // namespace ec2::auth
