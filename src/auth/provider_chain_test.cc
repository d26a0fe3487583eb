// The SSO, container and instance metadata links in the whole chain (resolve_config with injected
// services): their positions, and that a chain with instance metadata disabled never connects to
// a link-local address.
#include <gtest/gtest.h>

#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>

#include "auth/credentials.h"
#include "auth/provider_http.h"
#include "auth/sso_token.h"
#include "auth/sts_test_util.h"
#include "auth/temp_dir_test_util.h"
#include "client/fake_transport.h"
#include "ec2/config.h"
#include "retry/fake_clock.h"

namespace ec2::auth {
namespace {

using ec2::testing::FakeTransport;
using Vars = std::map<std::string, std::string>;

/// Forwards to another transport, writing down every URL it is asked to reach.
class RecordingTransport final : public HttpTransport {
 public:
  RecordingTransport(std::shared_ptr<HttpTransport> next, std::vector<std::string>& urls, std::mutex& m)
      : next_(std::move(next)), urls_(urls), mutex_(m) {}
  Result<HttpResponse> send(const HttpRequest& request) override {
    {
      std::lock_guard lock(mutex_);
      urls_.push_back(request.url);
    }
    return next_->send(request);
  }

 private:
  std::shared_ptr<HttpTransport> next_;
  std::vector<std::string>& urls_;
  std::mutex& mutex_;
};

bool link_local(const std::string& url) {
  std::string host = url_host(url).value_or("");
  return host.starts_with("169.254.") || host.starts_with("fd00:ec2:") || host.starts_with("fe80:");
}

class ProviderChainTest : public ::testing::Test {
 protected:
  /// Services whose transports all lead to `handler` (or the real curl transport when empty).
  CredentialServices services(FakeTransport::Handler handler = {}) {
    CredentialServices s;
    s.clock = clock;
    s.transport = [this, handler](const TransportOptions& o) -> std::shared_ptr<HttpTransport> {
      std::shared_ptr<HttpTransport> next;
      if (handler) next = std::make_shared<FakeTransport>(handler);
      else next = make_curl_transport(o);
      return std::make_shared<RecordingTransport>(next, urls, mutex);
    };
    return s;
  }
  Result<ResolvedConfig> resolve(Vars vars, const CredentialServices& s) {
    vars.emplace("AWS_REGION", "us-east-1");
    MapEnvironment env(std::move(vars), dir.path());
    return resolve_config({}, env, s);
  }
  std::vector<std::string> sent() {
    std::lock_guard lock(mutex);
    return urls;
  }

  ec2::testing::TempDir dir;
  std::shared_ptr<ec2::testing::FakeClock> clock = std::make_shared<ec2::testing::FakeClock>();
  std::mutex mutex;
  std::vector<std::string> urls;
};

constexpr const char* kRoleCreds = R"({"Code":"Success","AccessKeyId":"ASIAIMDS","SecretAccessKey":"s",)"
                                   R"("Token":"t","Expiration":"2024-01-01T06:00:00Z"})";

HttpResponse imds_answer(const HttpRequest& r) {
  if (r.method == "PUT") return HttpResponse{200, {}, "token"};
  if (r.url.ends_with("/placement/availability-zone/")) return HttpResponse{200, {}, "ap-south-1a"};
  if (r.url.ends_with("/security-credentials/")) return HttpResponse{200, {}, "box-role"};
  if (r.url.ends_with("/security-credentials/box-role")) return HttpResponse{200, {}, kRoleCreds};
  return HttpResponse{404, {}, ""};
}

TEST_F(ProviderChainTest, DisabledChainNeverConnectsToALinkLocalAddress) {
  // The test harness sets the switch for every test; the faked environment below leaves it unset,
  // so this also proves the process's variable is honoured.
  ASSERT_EQ(process_environment().get("AWS_EC2_METADATA_DISABLED"), std::optional<std::string>("true"));
  for (bool real_transport : {false, true}) {
    auto handler = real_transport ? FakeTransport::Handler() : [](const HttpRequest& r) -> Result<HttpResponse> {
      return imds_answer(r);
    };
    auto r = resolve({}, services(handler));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, "NoCredentials");
    EXPECT_NE(r.error().message.find("instance metadata (disabled by AWS_EC2_METADATA_DISABLED)"),
              std::string::npos)
        << r.error().message;
    EXPECT_NE(r.error().message.find("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"), std::string::npos);
    EXPECT_NE(r.error().message.find("aws_access_key_id"), std::string::npos);
    for (const std::string& url : sent()) EXPECT_FALSE(link_local(url)) << url;
    EXPECT_TRUE(sent().empty());
  }
  // Said explicitly in the faked environment, the same.
  auto r = resolve({{"AWS_EC2_METADATA_DISABLED", "true"}}, services(imds_answer));
  ASSERT_FALSE(r);
  EXPECT_TRUE(sent().empty());
}

TEST_F(ProviderChainTest, InstanceMetadataComesLastWhenEnabled) {
  auto r = resolve({{"AWS_EC2_METADATA_DISABLED", "false"}}, services(imds_answer));
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(r->credentials.source, "iam-role");
  EXPECT_EQ(r->credentials.access_key_id, "ASIAIMDS");
  EXPECT_EQ(r->credentials.identity, "iam-role: instance profile role box-role");
  ASSERT_EQ(sent().size(), 3u);
  EXPECT_EQ(sent()[0], "http://169.254.169.254/latest/api/token");
  // Still fresh: the provider hands out what it fetched at load without asking again.
  ASSERT_TRUE(r->credentials_provider->get());
  EXPECT_EQ(sent().size(), 3u);
  // Within the refresh window it asks the service again.
  clock->advance(std::chrono::minutes(5 * 60 + 55));
  ASSERT_TRUE(r->credentials_provider->get());
  EXPECT_EQ(sent().size(), 6u);
}

TEST_F(ProviderChainTest, RegionFromInstanceMetadataOnlyWhenNoneIsConfigured) {
  dir.write(".aws/credentials", "[default]\naws_access_key_id = AKFILE\naws_secret_access_key = S\n");
  MapEnvironment enabled({{"AWS_EC2_METADATA_DISABLED", "false"}}, dir.path());
  auto r = resolve_config({}, enabled, services(imds_answer));
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(r->region, "ap-south-1");
  EXPECT_EQ(r->endpoint_url, "https://ec2.ap-south-1.amazonaws.com");
  EXPECT_EQ(sent().back(), "http://169.254.169.254/latest/meta-data/placement/availability-zone/");

  size_t before = sent().size();
  MapEnvironment configured({{"AWS_EC2_METADATA_DISABLED", "false"}, {"AWS_DEFAULT_REGION", "eu-north-1"}}, dir.path());
  auto c = resolve_config({}, configured, services(imds_answer));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->region, "eu-north-1");
  EXPECT_EQ(sent().size(), before);

  MapEnvironment disabled({}, dir.path());
  auto d = resolve_config({}, disabled, services(imds_answer));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, "NoRegion");
  EXPECT_EQ(sent().size(), before);
}

TEST_F(ProviderChainTest, ProfileKeysWinOverInstanceMetadata) {
  dir.write(".aws/credentials", "[default]\naws_access_key_id = AKFILE\naws_secret_access_key = S\n");
  auto r = resolve({{"AWS_EC2_METADATA_DISABLED", "false"}}, services(imds_answer));
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(r->credentials.source, "shared-credentials-file");
  EXPECT_TRUE(sent().empty());
}

TEST_F(ProviderChainTest, ContainerCredentialsComeBeforeInstanceMetadata) {
  auto handler = [](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.url == "http://169.254.170.2/v2/credentials/task") {
      return HttpResponse{200, {}, R"({"AccessKeyId":"ASIAECS","SecretAccessKey":"s","Token":"t",)"
                                   R"("Expiration":"2024-01-01T06:00:00Z"})"};
    }
    return imds_answer(r);
  };
  auto r = resolve({{"AWS_EC2_METADATA_DISABLED", "false"},
                    {"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/task"}},
                   services(handler));
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(r->credentials.source, "container-role");
  EXPECT_EQ(r->credentials.identity, "container-role: http://169.254.170.2/v2/credentials/task");
  EXPECT_EQ(sent(), (std::vector<std::string>{"http://169.254.170.2/v2/credentials/task"}));
}

TEST_F(ProviderChainTest, ContainerEndpointThatFailsIsAnError) {
  auto r = resolve({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds"}},
                   services([](const HttpRequest&) -> Result<HttpResponse> { return HttpResponse{500, {}, ""}; }));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, "ContainerCredentialsError");
  EXPECT_EQ(clock->sleeps().size(), 2u);
}

constexpr const char* kSsoConfig = R"([profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
region = eu-west-1

[sso-session corp]
sso_start_url = https://d-1.awsapps.com/start
sso_region = eu-west-1
)";

void write_sso_token(const ec2::testing::TempDir& dir, const std::string& expires_at) {
  nlohmann::json token = {{"startUrl", "https://d-1.awsapps.com/start"}, {"region", "eu-west-1"},
                          {"accessToken", "portal-token"}, {"expiresAt", expires_at}};
  dir.write(".aws/sso/cache/" + sha1_hex("corp") + ".json", token.dump());
}

TEST_F(ProviderChainTest, SsoProfileWinsOverTheCredentialsFileAndUsesTheSsoEndpoint) {
  dir.write(".aws/config", kSsoConfig);
  dir.write(".aws/credentials", "[dev]\naws_access_key_id = AKFILE\naws_secret_access_key = S\n");
  write_sso_token(dir, "2024-01-01T08:00:00Z");
  auto handler = [](const HttpRequest& r) -> Result<HttpResponse> {
    const std::string* bearer = find_header(r.headers, "x-amz-sso_bearer_token");
    if (r.url.starts_with("http://sso.test/federation/credentials?") && bearer && *bearer == "portal-token") {
      return HttpResponse{200, {}, R"({"roleCredentials":{"accessKeyId":"ASIASSO","secretAccessKey":"s",)"
                                   R"("sessionToken":"t","expiration":1704088800000}})"};
    }
    return HttpResponse{404, {}, ""};
  };
  auto r = resolve({{"AWS_PROFILE", "dev"}, {"AWS_ENDPOINT_URL_SSO", "http://sso.test"}}, services(handler));
  ASSERT_TRUE(r) << to_string(r.error());
  EXPECT_EQ(r->credentials.source, "sso");
  EXPECT_EQ(r->credentials.access_key_id, "ASIASSO");
  EXPECT_EQ(r->credentials.identity, "sso: account 111122223333, role Admin, sso-session corp");
  size_t calls = sent().size();
  EXPECT_EQ(calls, 1u);

  // The role credentials went into the AWS CLI's cache under its key; the next run uses them.
  std::string key = sha1_hex(R"({"accountId":"111122223333","roleName":"Admin","sessionName":"corp"})");
  EXPECT_TRUE(std::filesystem::exists(dir.path() + "/.aws/cli/cache/" + key + ".json"));
  auto again = resolve({{"AWS_PROFILE", "dev"}, {"AWS_ENDPOINT_URL_SSO", "http://sso.test"}}, services(handler));
  ASSERT_TRUE(again) << to_string(again.error());
  EXPECT_EQ(again->credentials.access_key_id, "ASIASSO");
  EXPECT_EQ(again->credentials.source, "sso");
  EXPECT_EQ(sent().size(), calls);
}

TEST_F(ProviderChainTest, ExpiredSsoSessionTellsHowToLogIn) {
  dir.write(".aws/config", kSsoConfig);
  write_sso_token(dir, "2023-12-31T00:00:00Z");
  auto r = resolve({{"AWS_PROFILE", "dev"}}, services(imds_answer));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message,
            "The SSO session for profile 'dev' has expired or is missing; run: aws sso login --profile dev");
  EXPECT_TRUE(sent().empty());
}

TEST_F(ProviderChainTest, AssumeRoleSignsWithContainerCredentialsOrAnSsoSourceProfile) {
  dir.write(".aws/config", std::string(kSsoConfig) +
                               "\n[profile ecs-admin]\nrole_arn = arn:aws:iam::1:role/A\ncredential_source = EcsContainer\n"
                               "\n[profile sso-admin]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = dev\n");
  write_sso_token(dir, "2024-01-01T08:00:00Z");
  ec2::testing::FakeSts sts(clock);
  auto handler = [&sts](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.url == "http://169.254.170.2/creds") {
      return HttpResponse{200, {}, R"({"AccessKeyId":"ASIAECS","SecretAccessKey":"s","Token":"t",)"
                                   R"("Expiration":"2024-01-01T06:00:00Z"})"};
    }
    if (r.url.starts_with("https://portal.sso.eu-west-1.amazonaws.com/federation/credentials?")) {
      return HttpResponse{200, {}, R"({"roleCredentials":{"accessKeyId":"ASIASSO","secretAccessKey":"s",)"
                                   R"("sessionToken":"t","expiration":1704088800000}})"};
    }
    return sts.transport->send(r);
  };
  auto ecs = resolve({{"AWS_PROFILE", "ecs-admin"}, {"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/creds"}},
                     services(handler));
  ASSERT_TRUE(ecs) << to_string(ecs.error());
  EXPECT_EQ(ecs->credentials.source, "assume-role");
  auto sso = resolve({{"AWS_PROFILE", "sso-admin"}}, services(handler));
  ASSERT_TRUE(sso) << to_string(sso.error());
  EXPECT_EQ(sso->credentials.source, "assume-role");
  auto calls = sts.requests();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(ec2::testing::signing_key_of(calls[0]), "ASIAECS");
  EXPECT_EQ(ec2::testing::signing_key_of(calls[1]), "ASIASSO");
}

TEST_F(ProviderChainTest, CredentialSourceNamesContainerOrInstanceMetadata) {
  auto files = load_shared_files(MapEnvironment({}, dir.path()));
  ASSERT_TRUE(files);
  Settings profile;
  ConfigOverrides overrides;
  auto handler = [](const HttpRequest& r) -> Result<HttpResponse> {
    if (r.url == "http://169.254.170.2/creds") {
      return HttpResponse{200, {}, R"({"AccessKeyId":"ASIAECS","SecretAccessKey":"s","Token":"t",)"
                                   R"("Expiration":"2024-01-01T06:00:00Z"})"};
    }
    return imds_answer(r);
  };
  MapEnvironment env({{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/creds"}, {"AWS_EC2_METADATA_DISABLED", "false"}},
                     dir.path());
  CredentialSources sources{overrides, env, *files, "admin", false, "us-east-1",
                            EndpointSources{env, profile, *files}, with_defaults(services(handler)), ""};
  auto ecs = credential_source_provider(sources, "EcsContainer", "admin");
  ASSERT_TRUE(ecs && *ecs);
  EXPECT_EQ((*ecs)->get()->source, "container-role");
  auto imds = credential_source_provider(sources, "Ec2InstanceMetadata", "admin");
  ASSERT_TRUE(imds && *imds);
  EXPECT_EQ((*imds)->get()->source, "iam-role");

  MapEnvironment bare({{"AWS_EC2_METADATA_DISABLED", "true"}}, dir.path());
  CredentialSources none{overrides, bare, *files, "admin", false, "us-east-1",
                         EndpointSources{bare, profile, *files}, with_defaults(services(handler)), ""};
  auto missing = credential_source_provider(none, "Ec2InstanceMetadata", "admin");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "Error when retrieving credentials from Ec2InstanceMetadata: No credentials "
                                     "found in credential_source referenced in profile admin");
}

}  // namespace
}  // namespace ec2::auth
