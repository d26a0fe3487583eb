#include "auth/container_credentials.h"
#include "auth/provider_http.h"

#include <gtest/gtest.h>

#include <atomic>

#include "auth/temp_dir_test_util.h"
#include "client/fake_transport.h"
#include "http/test_server.h"
#include "retry/fake_clock.h"

namespace ec2::auth {
namespace {

using ec2::testing::FakeTransport;

constexpr const char* kAnswer =
    R"({"AccessKeyId":"ASIAC","SecretAccessKey":"sc","Token":"tc","Expiration":"2024-01-01T06:00:00Z"})";

using Factory = ec2::testing::RecordingFactory;

TEST(ProviderHttpTest, BodyExcerptIsOneLine) {
  EXPECT_EQ(body_excerpt("{\n  \"Message\": \"Authorization token is missing\"\n}\n"),
            "{ \"Message\": \"Authorization token is missing\" }");
  EXPECT_EQ(body_excerpt("abcdef", 3), "abc...");
}

TEST(ContainerCredentialsTest, NothingConfiguredMeansNoContainerCredentials) {
  MapEnvironment env({}, "/home/u");
  auto s = container_settings(env);
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->has_value());
}

TEST(ContainerCredentialsTest, RelativeUriGoesToTheEcsAddressAndWinsOverFullUri) {
  MapEnvironment env({{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc"},
                      {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds"},
                      {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "tok"}},
                     "/home/u");
  auto s = container_settings(env);
  ASSERT_TRUE(s && s->has_value());
  EXPECT_EQ((*s)->url, "http://169.254.170.2/v2/credentials/abc");
  EXPECT_EQ((*s)->token, "");  // the token goes with the full URI only
}

TEST(ContainerCredentialsTest, FullUriHostsFollowBotocoresList) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "localhost", "169.254.170.2", "169.254.170.23",
                           "fd00:ec2::23", "fd00:ec2:0:0:0:0:0:23"}) {
    EXPECT_TRUE(container_host_allowed(host)) << host;
  }
  for (const char* host : {"169.254.169.254", "10.0.0.1", "example.com", "128.0.0.1", "fd00:ec2::254",
                           "localhost.example.com"}) {
    EXPECT_FALSE(container_host_allowed(host)) << host;
  }
  MapEnvironment bad({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "https://example.com/creds"}}, "/home/u");
  auto s = container_settings(bad);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, "InvalidContainerEndpoint");
  EXPECT_NE(s.error().message.find("unsupported host 'example.com'"), std::string::npos);
  MapEnvironment v6({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://[fd00:ec2::23]/v1/credentials"}}, "/home/u");
  auto ok = container_settings(v6);
  ASSERT_TRUE(ok && ok->has_value());
}

TEST(ContainerCredentialsTest, FullUriSendsTheTokenFileReadAgainAtEveryFetch) {
  ec2::testing::TempDir dir;
  std::string file = dir.write("token", "first-token");
  httplib::Server server;
  std::vector<std::string> seen;
  std::mutex m;
  server.Get("/creds", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(m);
    seen.push_back(req.get_header_value("Authorization"));
    res.set_content(kAnswer, "application/json");
  });
  ec2::testing::ServerThread thread(server);
  MapEnvironment env({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", thread.url() + "/creds"},
                      {"AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored-when-file-set"},
                      {"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", file}},
                     "/home/u");
  auto s = container_settings(env);
  ASSERT_TRUE(s && s->has_value());
  ec2::testing::FakeClock clock;
  TransportFactory curl = [](const TransportOptions& o) { return std::shared_ptr<HttpTransport>(make_curl_transport(o)); };
  auto first = fetch_container_credentials(**s, curl, clock);
  ASSERT_TRUE(first) << to_string(first.error());
  EXPECT_EQ(first->access_key_id, "ASIAC");
  EXPECT_EQ(first->session_token, "tc");
  EXPECT_EQ(first->source, "container-role");
  ASSERT_TRUE(first->expiration);
  EXPECT_EQ(format_utc(*first->expiration), "2024-01-01T06:00:00Z");
  dir.write("token", "rotated-token");
  ASSERT_TRUE(fetch_container_credentials(**s, curl, clock));
  std::lock_guard lock(m);
  EXPECT_EQ(seen, (std::vector<std::string>{"first-token", "rotated-token"}));
}

TEST(ContainerCredentialsTest, PlainTokenVariableIsSentWhenNoFile) {
  Factory f{std::make_shared<FakeTransport>()};
  f.transport->push(HttpResponse{200, {}, kAnswer});
  ContainerSettings s{"http://localhost:8080/creds", "plain-token", "", ""};
  ec2::testing::FakeClock clock;
  ASSERT_TRUE(fetch_container_credentials(s, f.make(), clock));
  const std::vector<HttpRequest> sent = f.transport->requests();
  const HttpRequest& r = sent.at(0);
  EXPECT_EQ(*find_header(r.headers, "Authorization"), "plain-token");
  EXPECT_EQ(*find_header(r.headers, "Accept"), "application/json");
}

TEST(ContainerCredentialsTest, TokenWithLineBreakIsRefused) {
  Factory f{std::make_shared<FakeTransport>()};
  ContainerSettings s{"http://localhost:8080/creds", "bad\r\nX-Injected: 1", "", ""};
  ec2::testing::FakeClock clock;
  auto creds = fetch_container_credentials(s, f.make(), clock);
  ASSERT_FALSE(creds);
  EXPECT_TRUE(f.transport->requests().empty());
}

TEST(ContainerCredentialsTest, ThreeAttemptsOneSecondApartWithTwoSecondTimeout) {
  Factory f{std::make_shared<FakeTransport>()};
  f.transport->push(make_error(ErrorCategory::Network, "ConnectionRefused", "refused"));
  f.transport->push(HttpResponse{500, {}, "busy"});
  f.transport->push(HttpResponse{200, {}, "not json"});
  ContainerSettings s{"http://169.254.170.2/creds", "", "", ""};
  ec2::testing::FakeClock clock;
  auto creds = fetch_container_credentials(s, f.make(), clock);
  ASSERT_FALSE(creds);
  EXPECT_EQ(creds.error().code, "ContainerCredentialsError");
  EXPECT_NE(creds.error().message.find("failed 3 times"), std::string::npos);
  EXPECT_EQ(f.transport->requests().size(), 3u);
  EXPECT_EQ(clock.sleeps(), (std::vector<std::chrono::milliseconds>{std::chrono::seconds(1), std::chrono::seconds(1)}));
  ASSERT_EQ(f.made.size(), 1u);
  EXPECT_EQ(f.made[0].connect_timeout, std::chrono::seconds(2));
  EXPECT_EQ(f.made[0].read_timeout, std::chrono::seconds(2));
}

TEST(ContainerCredentialsTest, RecoversOnALaterAttempt) {
  Factory f{std::make_shared<FakeTransport>()};
  f.transport->push(HttpResponse{503, {}, ""});
  f.transport->push(HttpResponse{200, {}, kAnswer});
  ContainerSettings s{"http://169.254.170.2/creds", "", "", ""};
  ec2::testing::FakeClock clock;
  auto creds = fetch_container_credentials(s, f.make(), clock);
  ASSERT_TRUE(creds) << to_string(creds.error());
  EXPECT_EQ(f.transport->requests().size(), 2u);
}

TEST(ContainerCredentialsTest, AnswerWithoutKeysIsAnError) {
  Factory f{std::make_shared<FakeTransport>()};
  f.transport->push(HttpResponse{200, {}, R"({"AccessKeyId":"A"})"});
  ContainerSettings s{"http://169.254.170.2/creds", "", "", ""};
  ec2::testing::FakeClock clock;
  auto creds = fetch_container_credentials(s, f.make(), clock);
  ASSERT_FALSE(creds);
  EXPECT_NE(creds.error().message.find("SecretAccessKey"), std::string::npos);
}

}  // namespace
}  // namespace ec2::auth
