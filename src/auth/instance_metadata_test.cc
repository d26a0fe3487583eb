#include "auth/instance_metadata.h"

#include <gtest/gtest.h>

#include "client/fake_transport.h"
#include "http/test_server.h"

namespace ec2::auth {
namespace {

using ec2::testing::FakeTransport;

constexpr const char* kCreds = R"({"Code":"Success","LastUpdated":"2024-01-01T00:00:00Z","Type":"AWS-HMAC",)"
                               R"("AccessKeyId":"ASIAI","SecretAccessKey":"si","Token":"ti",)"
                               R"("Expiration":"2024-01-01T06:00:00Z"})";

using Factory = ec2::testing::RecordingFactory;

/// An IMDS whose token PUT answers `token_status`; GETs demand the token when it is 200.
std::shared_ptr<FakeTransport> fake_imds(int token_status, std::string base = "http://169.254.169.254/") {
  return std::make_shared<FakeTransport>([token_status, base](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.method == "PUT" && r.url == base + "latest/api/token") {
      const std::string* ttl = find_header(r.headers, "x-aws-ec2-metadata-token-ttl-seconds");
      if (ttl == nullptr || *ttl != "21600") return HttpResponse{400, {}, ""};
      return HttpResponse{token_status, {}, token_status == 200 ? "tok-1" : ""};
    }
    const std::string* token = find_header(r.headers, "x-aws-ec2-metadata-token");
    if (token_status == 200 && (token == nullptr || *token != "tok-1")) return HttpResponse{401, {}, ""};
    if (token_status != 200 && token != nullptr) return HttpResponse{401, {}, ""};
    if (r.url == base + "latest/meta-data/iam/security-credentials/") return HttpResponse{200, {}, "web-role"};
    if (r.url == base + "latest/meta-data/iam/security-credentials/web-role") return HttpResponse{200, {}, kCreds};
    if (r.url == base + "latest/meta-data/placement/availability-zone/") return HttpResponse{200, {}, "eu-west-1b"};
    return HttpResponse{404, {}, ""};
  });
}

ImdsSettings enabled_settings(std::map<std::string, std::string> vars = {}, const Settings& profile = {}) {
  vars.emplace("AWS_EC2_METADATA_DISABLED", "false");
  MapEnvironment env(std::move(vars), "/home/u");
  auto s = imds_settings(env, profile);
  EXPECT_TRUE(s) << (s ? "" : to_string(s.error()));
  return s ? *s : ImdsSettings{};
}

TEST(InstanceMetadataTest, DefaultsAreBotocores) {
  ImdsSettings s = enabled_settings();
  EXPECT_FALSE(s.disabled);
  EXPECT_EQ(s.endpoint, "http://169.254.169.254/");
  EXPECT_EQ(s.timeout, std::chrono::seconds(1));
  EXPECT_EQ(s.attempts, 1);
}

TEST(InstanceMetadataTest, TimeoutAndAttemptsFromEnvironmentOrProfile) {
  Settings profile;
  profile["metadata_service_timeout"] = IniValue{"4", {}, false, 3};
  profile["metadata_service_num_attempts"] = IniValue{"2", {}, false, 4};
  ImdsSettings from_profile = enabled_settings({}, profile);
  EXPECT_EQ(from_profile.timeout, std::chrono::seconds(4));
  EXPECT_EQ(from_profile.attempts, 2);
  ImdsSettings from_env = enabled_settings(
      {{"AWS_METADATA_SERVICE_TIMEOUT", "7"}, {"AWS_METADATA_SERVICE_NUM_ATTEMPTS", "5"}}, profile);
  EXPECT_EQ(from_env.timeout, std::chrono::seconds(7));
  EXPECT_EQ(from_env.attempts, 5);
  MapEnvironment bad({{"AWS_METADATA_SERVICE_NUM_ATTEMPTS", "zero"}}, "/home/u");
  auto err = imds_settings(bad, {});
  ASSERT_FALSE(err);
  EXPECT_EQ(err.error().code, "InvalidConfig");
}

TEST(InstanceMetadataTest, EndpointModeAndCustomEndpoint) {
  EXPECT_EQ(enabled_settings({{"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6"}}).endpoint,
            "http://[fd00:ec2::254]/");
  EXPECT_EQ(enabled_settings({{"AWS_IMDS_USE_IPV6", "true"}}).endpoint, "http://[fd00:ec2::254]/");
  Settings profile;
  profile["ec2_metadata_service_endpoint_mode"] = IniValue{"ipv6", {}, false, 2};
  EXPECT_EQ(enabled_settings({}, profile).endpoint, "http://[fd00:ec2::254]/");
  EXPECT_EQ(enabled_settings({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1338"},
                              {"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ipv6"}})
                .endpoint,
            "http://127.0.0.1:1338");
  MapEnvironment bad({{"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ipv5"}}, "/home/u");
  EXPECT_FALSE(imds_settings(bad, {}));
  MapEnvironment bad_url({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", "169.254.169.254"}}, "/home/u");
  EXPECT_FALSE(imds_settings(bad_url, {}));
}

TEST(InstanceMetadataTest, Ipv6ModeSendsEveryRequestToTheIpv6Address) {
  Factory f{fake_imds(200, "http://[fd00:ec2::254]/")};
  ImdsClient client(enabled_settings({{"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ipv6"}}), f.make());
  auto creds = fetch_instance_credentials(client);
  ASSERT_TRUE(creds);
  for (const HttpRequest& r : f.transport->requests()) {
    EXPECT_EQ(r.url.rfind("http://[fd00:ec2::254]/latest/", 0), 0u) << r.url;
  }
  EXPECT_EQ(f.transport->requests().size(), 3u);
}

TEST(InstanceMetadataTest, Imdsv2TokenRoleAndCredentials) {
  Factory f{fake_imds(200)};
  ImdsClient client(enabled_settings(), f.make());
  auto creds = fetch_instance_credentials(client);
  ASSERT_TRUE(creds);
  EXPECT_EQ(creds->access_key_id, "ASIAI");
  EXPECT_EQ(creds->secret_access_key, "si");
  EXPECT_EQ(creds->session_token, "ti");
  EXPECT_EQ(creds->source, "iam-role");
  ASSERT_TRUE(creds->expiration);
  EXPECT_EQ(format_utc(*creds->expiration), "2024-01-01T06:00:00Z");
  auto requests = f.transport->requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].method, "PUT");
  EXPECT_EQ(requests[1].url, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
  ASSERT_EQ(f.made.size(), 1u);
  EXPECT_EQ(f.made[0].connect_timeout, std::chrono::seconds(1));
  EXPECT_EQ(f.made[0].read_timeout, std::chrono::seconds(1));
}

TEST(InstanceMetadataTest, FallsBackToImdsv1WhereBotocoreDoes) {
  for (int status : {403, 404, 405}) {
    Factory f{fake_imds(status)};
    ImdsClient client(enabled_settings(), f.make());
    auto creds = fetch_instance_credentials(client);
    ASSERT_TRUE(creds) << status;
    EXPECT_EQ(find_header(f.transport->requests().back().headers, "x-aws-ec2-metadata-token"), nullptr);
  }
  // A timeout on the token PUT falls back at once, without a second try.
  auto imds = fake_imds(403);
  auto timing_out = std::make_shared<FakeTransport>([imds](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.method == "PUT") return make_error(ErrorCategory::Timeout, "Timeout", "timed out");
    return imds->send(r);
  });
  Factory f{timing_out};
  ImdsClient client(enabled_settings({{"AWS_METADATA_SERVICE_NUM_ATTEMPTS", "3"}}), f.make());
  ASSERT_TRUE(fetch_instance_credentials(client));
  EXPECT_EQ(f.transport->requests().size(), 3u);  // one PUT, two GETs
}

TEST(InstanceMetadataTest, TokenRequestRejectedWith400GivesNoCredentials) {
  auto rejecting = std::make_shared<FakeTransport>([](const HttpRequest& r) -> Result<HttpResponse> {
    return HttpResponse{r.method == "PUT" ? 400 : 200, {}, "web-role"};
  });
  Factory f{rejecting};
  ImdsClient client(enabled_settings(), f.make());
  EXPECT_FALSE(fetch_instance_credentials(client));
  EXPECT_EQ(f.transport->requests().size(), 1u);
}

TEST(InstanceMetadataTest, AttemptsSettingBoundsRetriesOfEachRequest) {
  auto flaky = std::make_shared<FakeTransport>([](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.method == "PUT") return HttpResponse{200, {}, "tok"};
    return make_error(ErrorCategory::Network, "ConnectionRefused", "refused");
  });
  Factory f{flaky};
  ImdsClient client(enabled_settings({{"AWS_METADATA_SERVICE_NUM_ATTEMPTS", "3"}}), f.make());
  EXPECT_FALSE(fetch_instance_credentials(client));
  EXPECT_EQ(f.transport->requests().size(), 4u);  // the PUT, then three tries for the role name
}

TEST(InstanceMetadataTest, ErrorDocumentWithStatus200GivesNoCredentials) {
  auto imds = std::make_shared<FakeTransport>([](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.method == "PUT") return HttpResponse{200, {}, "tok"};
    if (r.url.ends_with("/security-credentials/")) return HttpResponse{200, {}, "role"};
    return HttpResponse{200, {}, R"({"Code":"AssumeRoleUnauthorizedAccess","Message":"denied"})"};
  });
  Factory f{imds};
  ImdsClient client(enabled_settings(), f.make());
  EXPECT_FALSE(fetch_instance_credentials(client));
}

TEST(InstanceMetadataTest, DisabledMakesNoTransportAndSendsNothing) {
  MapEnvironment env({{"AWS_EC2_METADATA_DISABLED", "TRUE"}}, "/home/u");
  auto settings = imds_settings(env, {});
  ASSERT_TRUE(settings);
  EXPECT_TRUE(settings->disabled);
  Factory f{fake_imds(200)};
  ImdsClient client(*settings, f.make());
  EXPECT_FALSE(fetch_instance_credentials(client));
  EXPECT_FALSE(fetch_instance_region(client));
  EXPECT_TRUE(f.made.empty());
  EXPECT_TRUE(f.transport->requests().empty());
}

TEST(InstanceMetadataTest, RegionIsTheAvailabilityZoneLessItsLetter) {
  Factory f{fake_imds(200)};
  ImdsClient client(enabled_settings(), f.make());
  EXPECT_EQ(fetch_instance_region(client), std::optional<std::string>("eu-west-1"));
}

TEST(InstanceMetadataTest, RealTransportAgainstALoopbackImds) {
  httplib::Server server;
  server.Put("/latest/api/token", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("x-aws-ec2-metadata-token-ttl-seconds") != "21600") {
      res.status = 400;
      return;
    }
    res.set_content("loopback-token", "text/plain");
  });
  server.Get(R"(/latest/meta-data/iam/security-credentials/(.*))", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("x-aws-ec2-metadata-token") != "loopback-token") {
      res.status = 401;
      return;
    }
    res.set_content(req.matches[1].str().empty() ? "role-x" : kCreds, "text/plain");
  });
  ec2::testing::ServerThread thread(server);
  ImdsClient client(enabled_settings({{"AWS_EC2_METADATA_SERVICE_ENDPOINT", thread.url()}}),
                    [](const TransportOptions& o) { return std::shared_ptr<HttpTransport>(make_curl_transport(o)); });
  auto creds = fetch_instance_credentials(client);
  ASSERT_TRUE(creds);
  EXPECT_EQ(creds->access_key_id, "ASIAI");
}

}  // namespace
}  // namespace ec2::auth
