// get_caller_identity through a Client with a fake transport.
#include "ec2/sts.h"

#include <gtest/gtest.h>

#include "client/fake_transport.h"
#include "retry/fake_clock.h"

namespace ec2 {
namespace {

using testing::xml_response;

class CallerIdentityTest : public ::testing::Test {
 protected:
  Client client(std::string sts_url) {
    ClientOptions options;
    options.config.region = "eu-west-1";
    options.config.endpoint_url = "https://ec2.eu-west-1.amazonaws.com";
    options.config.sts_endpoint_url = std::move(sts_url);
    options.config.credentials = Credentials{"ASIAX", "SECRET", "TOKEN", "test", {}, {}};
    options.transport = transport_;
    options.clock = std::make_shared<testing::FakeClock>();
    return Client(std::move(options));
  }
  std::shared_ptr<testing::FakeTransport> transport_ = std::make_shared<testing::FakeTransport>();
};

TEST_F(CallerIdentityTest, SignedForStsAtTheConfiguredEndpoint) {
  transport_->push(xml_response(
      200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
           "<Arn>arn:aws:sts::123456789012:assumed-role/Admin/s1</Arn><UserId>AROA1:s1</UserId>"
           "<Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId>"
           "</ResponseMetadata></GetCallerIdentityResponse>"));
  auto id = get_caller_identity(client("http://127.0.0.1:4566"));
  ASSERT_TRUE(id.ok()) << to_string(id.error());
  EXPECT_EQ(id->account, "123456789012");
  EXPECT_EQ(id->arn, "arn:aws:sts::123456789012:assumed-role/Admin/s1");
  EXPECT_EQ(id->user_id, "AROA1:s1");
  auto r = transport_->requests().at(0);
  EXPECT_EQ(r.url, "http://127.0.0.1:4566/");
  EXPECT_EQ(r.body, "Action=GetCallerIdentity&Version=2011-06-15");
  const std::string* auth = find_header(r.headers, "Authorization");
  ASSERT_NE(auth, nullptr);
  EXPECT_NE(auth->find("Credential=ASIAX/20240101/eu-west-1/sts/aws4_request"), std::string::npos) << *auth;
  EXPECT_EQ(*find_header(r.headers, "X-Amz-Security-Token"), "TOKEN");
}

TEST_F(CallerIdentityTest, DefaultsToTheRegionalEndpoint) {
  transport_->push(xml_response(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>a</Arn>"
                                     "</GetCallerIdentityResult></GetCallerIdentityResponse>"));
  ASSERT_TRUE(get_caller_identity(client("")).ok());
  EXPECT_EQ(transport_->requests().at(0).url, "https://sts.eu-west-1.amazonaws.com/");
}

TEST_F(CallerIdentityTest, ErrorsCarryCodeMessageAndRequestId) {
  transport_->push(xml_response(403, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>"
                                     "<Message>The security token included in the request is invalid.</Message>"
                                     "</Error><RequestId>rid-9</RequestId></ErrorResponse>"));
  auto id = get_caller_identity(client(""));
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, "InvalidClientTokenId");
  EXPECT_EQ(id.error().request_id, "rid-9");
  EXPECT_EQ(id.error().category, ErrorCategory::Auth);
  EXPECT_NE(to_string(id.error()).find("The security token included in the request is invalid."), std::string::npos);
}

TEST_F(CallerIdentityTest, AResponseWithoutArnIsMalformed) {
  transport_->push(xml_response(200, "<GetCallerIdentityResponse/>"));
  auto id = get_caller_identity(client(""));
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, "MalformedResponse");
}

}  // namespace
}  // namespace ec2
