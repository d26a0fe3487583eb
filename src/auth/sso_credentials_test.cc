#include "auth/sso_credentials.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "auth/temp_dir_test_util.h"
#include "client/fake_transport.h"
#include "retry/fake_clock.h"

namespace ec2::auth {
namespace {

using ec2::testing::FakeTransport;

SharedFiles parse_config(const std::string& text) {
  auto ini = parse_ini(text, "~/.aws/config");
  EXPECT_TRUE(ini) << (ini ? "" : to_string(ini.error()));
  SharedFiles files;
  if (ini) map_config_sections(*ini, files);
  return files;
}

Result<std::optional<SsoConfig>> load(const SharedFiles& files, const std::string& profile) {
  return load_sso_config(files, files.merged_profile(profile), profile);
}

constexpr const char* kConfig = R"([profile dev]
sso_session = my-sso
sso_account_id = 111122223333
sso_role_name = Admin

[profile old]
sso_start_url = https://d-old.awsapps.com/start
sso_region = us-east-1
sso_account_id = 444455556666
sso_role_name = ReadOnly

[profile mismatch]
sso_session = my-sso
sso_region = us-west-2
sso_account_id = 1
sso_role_name = R

[profile dangling]
sso_session = nowhere
sso_account_id = 1
sso_role_name = R

[profile partial]
sso_account_id = 1

[profile plain]
region = eu-west-1

[sso-session my-sso]
sso_start_url = https://d-123.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access
)";

TEST(SsoConfigTest, SsoSessionProfileTakesStartUrlAndRegionFromItsSection) {
  auto c = load(parse_config(kConfig), "dev");
  ASSERT_TRUE(c) << to_string(c.error());
  ASSERT_TRUE(c->has_value());
  EXPECT_EQ((*c)->start_url, "https://d-123.awsapps.com/start");
  EXPECT_EQ((*c)->region, "eu-west-1");
  EXPECT_EQ((*c)->account_id, "111122223333");
  EXPECT_EQ((*c)->role_name, "Admin");
  EXPECT_EQ((*c)->session_name, "my-sso");
}

TEST(SsoConfigTest, LegacyProfileCarriesItsOwnSettings) {
  auto c = load(parse_config(kConfig), "old");
  ASSERT_TRUE(c && c->has_value());
  EXPECT_EQ((*c)->start_url, "https://d-old.awsapps.com/start");
  EXPECT_EQ((*c)->region, "us-east-1");
  EXPECT_EQ((*c)->session_name, "");
}

TEST(SsoConfigTest, ProfileWithoutSsoSettingsIsNotSso) {
  auto c = load(parse_config(kConfig), "plain");
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->has_value());
}

TEST(SsoConfigTest, ValidationErrorsUseBotocoresTexts) {
  SharedFiles files = parse_config(kConfig);
  auto mismatch = load(files, "mismatch");
  ASSERT_FALSE(mismatch);
  EXPECT_EQ(mismatch.error().message,
            "The value for sso_region is inconsistent between profile (us-west-2) and sso-session (eu-west-1).");
  auto dangling = load(files, "dangling");
  ASSERT_FALSE(dangling);
  EXPECT_EQ(dangling.error().message, "The specified sso-session does not exist: \"nowhere\"");
  auto partial = load(files, "partial");
  ASSERT_FALSE(partial);
  EXPECT_EQ(partial.error().message,
            "The profile \"partial\" is configured to use SSO but is missing required configuration: "
            "sso_role_name, sso_start_url, sso_region");
}

TEST(SsoConfigTest, RoleCacheKeyHashesCompactSortedJson) {
  SsoConfig session{"dev", "https://s", "eu-west-1", "111122223333", "Admin", "my-sso"};
  EXPECT_EQ(sso_role_cache_key(session),
            sha1_hex(R"({"accountId":"111122223333","roleName":"Admin","sessionName":"my-sso"})"));
  SsoConfig legacy{"old", "https://s", "eu-west-1", "1", "R", ""};
  EXPECT_EQ(sso_role_cache_key(legacy), sha1_hex(R"({"accountId":"1","roleName":"R","startUrl":"https://s"})"));
}

TEST(SsoCredentialsTest, GetRoleCredentialsSendsTheTokenUnsignedAndParsesTheAnswer) {
  FakeTransport transport;
  transport.push(HttpResponse{200, {}, R"({"roleCredentials":{"accessKeyId":"ASIA1","secretAccessKey":"s",)"
                                       R"("sessionToken":"t","expiration":1704070800000}})"});
  SsoConfig c{"dev", "https://s", "eu-west-1", "111122223333", "Admin Role", "my-sso"};
  auto creds = get_role_credentials(c, "access-1", transport, "https://portal.test/");
  ASSERT_TRUE(creds) << to_string(creds.error());
  EXPECT_EQ(creds->access_key_id, "ASIA1");
  EXPECT_EQ(creds->session_token, "t");
  EXPECT_EQ(creds->source, "sso");
  ASSERT_TRUE(creds->expiration);
  EXPECT_EQ(format_utc(*creds->expiration), "2024-01-01T01:00:00Z");
  const std::vector<HttpRequest> sent = transport.requests();
  const HttpRequest& r = sent.at(0);
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.url, "https://portal.test/federation/credentials?account_id=111122223333&role_name=Admin%20Role");
  ASSERT_NE(find_header(r.headers, "x-amz-sso_bearer_token"), nullptr);
  EXPECT_EQ(*find_header(r.headers, "x-amz-sso_bearer_token"), "access-1");
  EXPECT_EQ(find_header(r.headers, "Authorization"), nullptr);
}

TEST(SsoCredentialsTest, UnauthorizedMeansTheSessionExpired) {
  FakeTransport transport;
  transport.push(HttpResponse{401, {{"x-amzn-ErrorType", "UnauthorizedException"}},
                              R"({"message":"Session token not found or invalid"})"});
  SsoConfig c{"dev", "https://s", "eu-west-1", "1", "R", "my-sso"};
  auto creds = get_role_credentials(c, "access-1", transport, "https://portal.test");
  ASSERT_FALSE(creds);
  EXPECT_EQ(creds.error().message,
            "The SSO session for profile 'dev' has expired or is missing; run: aws sso login --profile dev");
}

TEST(SsoCredentialsTest, OtherServiceErrorsKeepCodeMessageAndRequestId) {
  FakeTransport transport;
  transport.push(HttpResponse{403, {{"x-amzn-ErrorType", "ForbiddenException:http://internal"},
                                    {"x-amzn-RequestId", "req-9"}},
                              R"({"message":"No access"})"});
  SsoConfig c{"dev", "https://s", "eu-west-1", "1", "R", "my-sso"};
  auto creds = get_role_credentials(c, "access-1", transport, "https://portal.test");
  ASSERT_FALSE(creds);
  EXPECT_EQ(creds.error().code, "ForbiddenException");
  EXPECT_EQ(creds.error().request_id, "req-9");
  EXPECT_NE(creds.error().message.find("No access"), std::string::npos);
}

TEST(SsoCredentialsTest, FetchRefreshesTheTokenThenAsksThePortal) {
  ec2::testing::TempDir dir;
  ec2::testing::FakeClock clock;
  nlohmann::json token = {{"startUrl", "https://s"}, {"region", "eu-west-1"}, {"accessToken", "old"},
                          {"expiresAt", "2023-12-31T00:00:00Z"}, {"clientId", "c"}, {"clientSecret", "cs"},
                          {"registrationExpiresAt", "2025-01-01T00:00:00Z"}, {"refreshToken", "r"}};
  dir.write(sha1_hex("my-sso") + ".json", token.dump());
  FakeTransport transport([](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.url == "https://oidc.eu-west-1.amazonaws.com/token") {
      return HttpResponse{200, {}, R"({"accessToken":"fresh","expiresIn":3600})"};
    }
    std::string expected = "fresh";
    if (find_header(r.headers, "x-amz-sso_bearer_token") == nullptr ||
        *find_header(r.headers, "x-amz-sso_bearer_token") != expected) {
      return HttpResponse{401, {}, "{}"};
    }
    return HttpResponse{200, {}, R"({"roleCredentials":{"accessKeyId":"A","secretAccessKey":"S",)"
                                 R"("sessionToken":"T","expiration":1704070800000}})"};
  });
  SsoConfig c{"dev", "https://s", "eu-west-1", "1", "R", "my-sso"};
  SsoEndpoints endpoints{"https://portal.sso.eu-west-1.amazonaws.com", "https://oidc.eu-west-1.amazonaws.com"};
  auto creds = fetch_sso_credentials(c, endpoints, dir.path(), transport, clock);
  ASSERT_TRUE(creds) << to_string(creds.error());
  EXPECT_EQ(creds->access_key_id, "A");
  EXPECT_EQ(creds->identity, "sso: account 1, role R, sso-session my-sso");
  ASSERT_EQ(transport.requests().size(), 2u);
  EXPECT_EQ(transport.requests()[1].url.rfind("https://portal.sso.eu-west-1.amazonaws.com/federation/", 0), 0u);
}

}  // namespace
}  // namespace ec2::auth
