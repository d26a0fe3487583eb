#include "auth/sso_token.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/temp_dir_test_util.h"
#include "client/fake_transport.h"
#include "retry/fake_clock.h"

namespace ec2::auth {
namespace {

using ec2::testing::FakeTransport;
using nlohmann::json;

HttpResponse json_response(int status, const std::string& body) {
  return HttpResponse{status, {{"Content-Type", "application/json"}}, body};
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class SsoTokenTest : public ::testing::Test {
 protected:
  SsoTokenSource session_source() {
    return {"dev", "https://d-123.awsapps.com/start", "eu-west-1", "my-sso", dir.path(), "https://oidc.test"};
  }
  SsoTokenSource legacy_source() {
    return {"old", "https://d-123.awsapps.com/start", "eu-west-1", "", dir.path(), "https://oidc.test"};
  }
  /// Writes a cache file for `source` expiring at `expires_at`, with the refresh fields.
  std::string write_token(const SsoTokenSource& source, const std::string& expires_at,
                          const std::string& registration_expires = "2024-06-01T00:00:00Z") {
    json doc = {{"startUrl", source.start_url}, {"region", source.region},
                {"accessToken", "old-access"}, {"expiresAt", expires_at}};
    if (!source.session_name.empty()) {
      doc["clientId"] = "client-1";
      doc["clientSecret"] = "secret-1";
      doc["registrationExpiresAt"] = registration_expires;
      doc["refreshToken"] = "refresh-1";
    }
    return dir.write(sha1_hex(source.session_name.empty() ? source.start_url : source.session_name) + ".json",
                     doc.dump());
  }

  ec2::testing::TempDir dir;
  ec2::testing::FakeClock clock;  // 2024-01-01T00:00:00Z
  FakeTransport transport;
};

TEST_F(SsoTokenTest, CacheFileIsNamedBySha1OfSessionNameOrStartUrl) {
  EXPECT_EQ(sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(sso_token_path(session_source()), dir.path() + "/" + sha1_hex("my-sso") + ".json");
  EXPECT_EQ(sso_token_path(legacy_source()),
            dir.path() + "/" + sha1_hex("https://d-123.awsapps.com/start") + ".json");
}

TEST_F(SsoTokenTest, ValidTokenIsUsedWithoutAnyRequest) {
  write_token(session_source(), "2024-01-01T05:00:00Z");
  auto token = sso_access_token(session_source(), transport, clock);
  ASSERT_TRUE(token) << to_string(token.error());
  EXPECT_EQ(*token, "old-access");
  EXPECT_TRUE(transport.requests().empty());
}

TEST_F(SsoTokenTest, MissingTokenAsksForLogin) {
  auto token = sso_access_token(session_source(), transport, clock);
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().code, "SsoTokenExpired");
  EXPECT_EQ(token.error().message,
            "The SSO session for profile 'dev' has expired or is missing; run: aws sso login --profile dev");
}

TEST_F(SsoTokenTest, ExpiredLegacyTokenAsksForLoginWithoutRefreshing) {
  write_token(legacy_source(), "2023-12-31T23:00:00Z");
  auto token = sso_access_token(legacy_source(), transport, clock);
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().message,
            "The SSO session for profile 'old' has expired or is missing; run: aws sso login --profile old");
  EXPECT_TRUE(transport.requests().empty());
}

TEST_F(SsoTokenTest, TokenNearExpiryIsRefreshedAndWrittenBack) {
  std::string path = write_token(session_source(), "2024-01-01T00:10:00Z");
  transport.push(json_response(200, R"({"accessToken":"new-access","expiresIn":28800,)"
                                    R"("refreshToken":"refresh-2","tokenType":"Bearer"})"));
  auto token = sso_access_token(session_source(), transport, clock);
  ASSERT_TRUE(token) << to_string(token.error());
  EXPECT_EQ(*token, "new-access");

  ASSERT_EQ(transport.requests().size(), 1u);
  const std::vector<HttpRequest> sent = transport.requests();
  const HttpRequest& request = sent.at(0);
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://oidc.test/token");
  EXPECT_EQ(json::parse(request.body), json({{"clientId", "client-1"}, {"clientSecret", "secret-1"},
                                             {"grantType", "refresh_token"}, {"refreshToken", "refresh-1"}}));

  json written = json::parse(read_file(path));
  EXPECT_EQ(written, json({{"startUrl", "https://d-123.awsapps.com/start"}, {"region", "eu-west-1"},
                           {"accessToken", "new-access"}, {"expiresAt", "2024-01-01T08:00:00Z"},
                           {"clientId", "client-1"}, {"clientSecret", "secret-1"},
                           {"registrationExpiresAt", "2024-06-01T00:00:00Z"}, {"refreshToken", "refresh-2"}}));
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(SsoTokenTest, RefreshWithoutNewRefreshTokenWritesNoneLikeBotocore) {
  std::string path = write_token(session_source(), "2023-12-31T00:00:00Z");
  transport.push(json_response(200, R"({"accessToken":"new-access","expiresIn":3600})"));
  auto token = sso_access_token(session_source(), transport, clock);
  ASSERT_TRUE(token) << to_string(token.error());
  json written = json::parse(read_file(path));
  EXPECT_EQ(written["expiresAt"], "2024-01-01T01:00:00Z");
  EXPECT_FALSE(written.contains("refreshToken"));
}

TEST_F(SsoTokenTest, FailedRefreshKeepsATokenThatHasNotExpired) {
  std::string path = write_token(session_source(), "2024-01-01T00:05:00Z");
  std::string before = read_file(path);
  transport.push(json_response(400, R"({"error":"invalid_grant"})"));
  auto token = sso_access_token(session_source(), transport, clock);
  ASSERT_TRUE(token) << to_string(token.error());
  EXPECT_EQ(*token, "old-access");
  EXPECT_EQ(transport.requests().size(), 1u);
  EXPECT_EQ(read_file(path), before);
}

TEST_F(SsoTokenTest, ExpiredTokenWhoseRefreshFailsAsksForLogin) {
  write_token(session_source(), "2023-12-31T23:59:00Z");
  transport.push(json_response(400, R"({"error":"invalid_grant"})"));
  auto token = sso_access_token(session_source(), transport, clock);
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().code, "SsoTokenExpired");
}

TEST_F(SsoTokenTest, ExpiredRegistrationIsNotUsedToRefresh) {
  write_token(session_source(), "2023-12-31T23:59:00Z", "2023-12-31T00:00:00Z");
  auto token = sso_access_token(session_source(), transport, clock);
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().code, "SsoTokenExpired");
  EXPECT_TRUE(transport.requests().empty());
}

TEST_F(SsoTokenTest, TokenWithoutRefreshTokenAsksForLoginOnceExpired) {
  json doc = {{"startUrl", "https://d-123.awsapps.com/start"}, {"region", "eu-west-1"},
              {"accessToken", "a"}, {"expiresAt", "2023-12-31T23:59:00Z"}};
  dir.write(sha1_hex("my-sso") + ".json", doc.dump());
  auto token = sso_access_token(session_source(), transport, clock);
  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().code, "SsoTokenExpired");
  EXPECT_TRUE(transport.requests().empty());
}

}  // namespace
}  // namespace ec2::auth
