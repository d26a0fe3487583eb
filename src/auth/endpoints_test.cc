// Service endpoints (EC2, STS, SSO, SSO-OIDC): every setting and its precedence.
#include "auth/endpoints.h"

#include <gtest/gtest.h>

namespace ec2::auth {
namespace {

using Vars = std::map<std::string, std::string>;

class EndpointsTest : public ::testing::Test {
 protected:
  std::string resolve(ServiceId service, Vars vars, const std::optional<std::string>& override_url = {}) {
    MapEnvironment env(std::move(vars), "/home/none");
    auto url = resolve_service_endpoint(service, EndpointSources{env, profile_, files_}, "eu-west-1",
                                        override_url);
    EXPECT_TRUE(url.ok()) << (url ? "" : to_string(url.error()));
    return url ? *url : "";
  }
  void profile(const std::string& key, const std::string& value) {
    IniValue v;
    v.text = value;
    profile_[key] = v;
  }
  void services_block(const std::string& service, const std::string& url) {
    IniValue block;
    block.is_nested = true;
    block.nested["endpoint_url"] = url;
    files_.services["local"][service] = block;
    profile("services", "local");
  }

  Settings profile_;
  SharedFiles files_;
};

TEST_F(EndpointsTest, RegionalDefaults) {
  EXPECT_EQ(resolve(ServiceId::Ec2, {}), "https://ec2.eu-west-1.amazonaws.com");
  EXPECT_EQ(resolve(ServiceId::Sts, {}), "https://sts.eu-west-1.amazonaws.com");
  EXPECT_EQ(resolve(ServiceId::Sso, {}), "https://portal.sso.eu-west-1.amazonaws.com");
  EXPECT_EQ(resolve(ServiceId::SsoOidc, {}), "https://oidc.eu-west-1.amazonaws.com");
  EXPECT_EQ(default_service_endpoint(ServiceId::Sts, "cn-north-1"), "https://sts.cn-north-1.amazonaws.com.cn");
}

TEST_F(EndpointsTest, ServiceVariableWinsOverGlobalOne) {
  Vars v{{"AWS_ENDPOINT_URL", "http://all:1"}, {"AWS_ENDPOINT_URL_STS", "http://sts:2"},
         {"AWS_ENDPOINT_URL_SSO_OIDC", "http://oidc:3"}};
  EXPECT_EQ(resolve(ServiceId::Sts, v), "http://sts:2");
  EXPECT_EQ(resolve(ServiceId::SsoOidc, v), "http://oidc:3");
  EXPECT_EQ(resolve(ServiceId::Sso, v), "http://all:1");
  EXPECT_EQ(resolve(ServiceId::Ec2, v), "http://all:1");
}

TEST_F(EndpointsTest, ServicesSectionThenProfileEndpoint) {
  profile("endpoint_url", "http://profile:4");
  services_block("sts", "http://section-sts:5");
  services_block("sso_oidc", "http://section-oidc:6");
  EXPECT_EQ(resolve(ServiceId::Sts, {}), "http://section-sts:5");
  EXPECT_EQ(resolve(ServiceId::SsoOidc, {}), "http://section-oidc:6");
  EXPECT_EQ(resolve(ServiceId::Ec2, {}), "http://profile:4");
  EXPECT_EQ(resolve(ServiceId::Sts, {{"AWS_ENDPOINT_URL", "http://all:1"}}), "http://all:1");
}

TEST_F(EndpointsTest, IgnoreConfiguredEndpointsKeepsOnlyTheOverride) {
  profile("endpoint_url", "http://profile:4");
  Vars v{{"AWS_ENDPOINT_URL_STS", "http://sts:2"}, {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}};
  EXPECT_EQ(resolve(ServiceId::Sts, v), "https://sts.eu-west-1.amazonaws.com");
  EXPECT_EQ(resolve(ServiceId::Sts, v, "http://flag:7"), "http://flag:7");
  profile("ignore_configured_endpoint_urls", "True");
  EXPECT_EQ(resolve(ServiceId::Ec2, {}), "https://ec2.eu-west-1.amazonaws.com");
}

TEST_F(EndpointsTest, InvalidUrlIsAnErrorNamingIt) {
  MapEnvironment env({{"AWS_ENDPOINT_URL_STS", "sts.local"}}, "/home/none");
  auto url = resolve_service_endpoint(ServiceId::Sts, EndpointSources{env, profile_, files_}, "eu-west-1");
  ASSERT_FALSE(url.ok());
  EXPECT_EQ(url.error().code, "InvalidEndpoint");
  EXPECT_NE(url.error().message.find("'sts.local'"), std::string::npos);
}

}  // namespace
}  // namespace ec2::auth
