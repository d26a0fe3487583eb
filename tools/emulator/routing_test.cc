// Which service a request on the main port is for.
#include "routing.h"

#include <gtest/gtest.h>

namespace ec2::emu {
namespace {

HttpCall with_auth(const std::string& service) {
  HttpCall http;
  http.headers = {{"Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/" + service +
                                        "/aws4_request, SignedHeaders=host, Signature=00"}};
  http.body = "Action=GetCallerIdentity&Version=2011-06-15";
  return http;
}

TEST(Routing, CredentialScopeServiceDecides) {
  EXPECT_EQ(route(with_auth("sts")), Service::Sts);
  EXPECT_EQ(route(with_auth("ec2")), Service::Ec2);
  EXPECT_EQ(route(with_auth("organizations")), Service::Organizations);
  HttpCall presigned;
  presigned.method = "GET";
  presigned.query = "Action=GetCallerIdentity&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fsts%2Faws4_request";
  EXPECT_EQ(route(presigned), Service::Sts);
}

TEST(Routing, HostActionAndPathDecideOtherwise) {
  HttpCall host;
  host.headers = {{"Host", "sts.us-east-1.amazonaws.com"}};
  EXPECT_EQ(route(host), Service::Sts);
  HttpCall web_identity;
  web_identity.body = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15";
  EXPECT_EQ(route(web_identity), Service::Sts);
  HttpCall ec2;
  ec2.body = "Action=DescribeInstances&Version=2016-11-15";
  EXPECT_EQ(route(ec2), Service::Ec2);
  HttpCall portal;
  portal.method = "GET";
  portal.path = "/federation/credentials";
  EXPECT_EQ(route(portal), Service::SsoPortal);
  HttpCall token;
  token.path = "/token";
  EXPECT_EQ(route(token), Service::SsoOidc);
  HttpCall control;
  control.path = "/_emulator/health";
  EXPECT_EQ(route(control), Service::Control);
  EXPECT_EQ(service_name(Service::SsoOidc), "sso-oidc");
}

}  // namespace
}  // namespace ec2::emu
