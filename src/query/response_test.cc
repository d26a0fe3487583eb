#include "query/response.h"

#include <gtest/gtest.h>

#include "client/fake_transport.h"

namespace ec2::query {
namespace {

using testing::ec2_error;
using testing::xml_response;

TEST(ResponseTest, ParsesEc2ErrorDocument) {
  auto result = interpret_response(ec2_error(400, "InvalidInstanceID.NotFound",
                                             "The instance ID 'i-1' does not exist", "5e1c-42"));
  ASSERT_FALSE(result);
  const Error& e = result.error();
  EXPECT_EQ(e.code, "InvalidInstanceID.NotFound");
  EXPECT_EQ(e.message, "The instance ID 'i-1' does not exist");
  EXPECT_EQ(e.http_status, 400);
  EXPECT_EQ(e.request_id, "5e1c-42");
  EXPECT_EQ(e.category, ErrorCategory::NotFound);
  EXPECT_EQ(to_string(e.with_context("describe instances")),
            "Failed to describe instances: InvalidInstanceID.NotFound: The instance ID 'i-1' does "
            "not exist (request 5e1c-42)");
}

TEST(ResponseTest, CategorizesThrottlingTransientAndAuth) {
  EXPECT_EQ(
      interpret_response(ec2_error(503, "RequestLimitExceeded", "slow down")).error().category,
      ErrorCategory::Throttling);
  EXPECT_EQ(interpret_response(ec2_error(500, "InternalError", "oops")).error().category,
            ErrorCategory::Transient);
  EXPECT_EQ(interpret_response(ec2_error(401, "AuthFailure", "no")).error().category,
            ErrorCategory::Auth);
  EXPECT_EQ(interpret_response(ec2_error(400, "InvalidParameterValue", "bad")).error().category,
            ErrorCategory::Client);
}

TEST(ResponseTest, ParsesQueryErrorResponseVariant) {
  auto result = interpret_response(xml_response(
      403,
      "<ErrorResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><Error><Type>Sender</Type>"
      "<Code>UnauthorizedOperation</Code><Message>You are not authorized &amp; that's "
      "that</Message></Error><RequestId>abc</RequestId></ErrorResponse>"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "UnauthorizedOperation");
  EXPECT_EQ(result.error().message, "You are not authorized & that's that");
  EXPECT_EQ(result.error().request_id, "abc");
  EXPECT_EQ(result.error().http_status, 403);
}

TEST(ResponseTest, ParsesBareErrorRootAndHeaderRequestId) {
  HttpResponse response = xml_response(400, "<Error><Code>X</Code><Message>m</Message></Error>");
  response.headers.emplace_back("x-amzn-RequestId", "from-header");
  auto result = interpret_response(response);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "X");
  EXPECT_EQ(result.error().request_id, "from-header");
}

TEST(ResponseTest, NonXmlErrorBodyFromAProxy) {
  auto result = interpret_response(xml_response(
      503, "<html>\n<head><title>503 Service Temporarily Unavailable</title></head>\n<body>"));
  ASSERT_FALSE(result);
  const Error& e = result.error();
  EXPECT_EQ(e.code, "503");
  EXPECT_EQ(e.http_status, 503);
  EXPECT_EQ(e.category, ErrorCategory::Transient);
  EXPECT_TRUE(e.retryable());
  EXPECT_EQ(e.message,
            "Service Unavailable (unexpected response: <html> <head><title>503 Service Temporarily "
            "Unavailable</title></head> <body>)");
}

TEST(ResponseTest, EmptyErrorBodyAndLongBody) {
  auto empty = interpret_response(xml_response(502, ""));
  EXPECT_EQ(empty.error().message, "Bad Gateway");
  EXPECT_EQ(empty.error().category, ErrorCategory::Transient);
  auto long_body = interpret_response(xml_response(400, std::string(1000, 'x')));
  EXPECT_EQ(long_body.error().message.size(),
            std::string("Bad Request (unexpected response: )").size() + 203);
  EXPECT_EQ(long_body.error().category, ErrorCategory::Client);
}

TEST(ResponseTest, SuccessDocumentIsParsed) {
  auto result = interpret_response(
      xml_response(200,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeRegionsResponse "
                   "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r-1</requestId>"
                   "<regionInfo><item><regionName>eu-west-1</regionName></item></regionInfo>"
                   "</DescribeRegionsResponse>"));
  ASSERT_TRUE(result) << to_string(result.error());
  pugi::xml_node root = (*result)->document_element();
  EXPECT_STREQ(root.name(), "DescribeRegionsResponse");
  EXPECT_STREQ(root.child("regionInfo").child("item").child_value("regionName"), "eu-west-1");
  EXPECT_EQ(request_id_of(**result, {}), "r-1");
}

TEST(ResponseTest, MalformedSuccessBodyIsAParseError) {
  HttpResponse response = xml_response(200, "<DescribeRegionsResponse><unclosed>");
  response.headers.emplace_back("x-amzn-RequestId", "rid");
  auto result = interpret_response(response);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().category, ErrorCategory::Parse);
  EXPECT_EQ(result.error().request_id, "rid");
  EXPECT_FALSE(result.error().retryable());
}

TEST(ResponseTest, ErrorsDocumentWithSuccessStatusIsStillAnError) {
  auto result =
      interpret_response(ec2_error(200, "DryRunOperation", "Request would have succeeded"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, "DryRunOperation");
}

TEST(ResponseTest, DocumentOwnsTheBodyItWasParsedFrom) {
  XmlDocument document;
  {
    HttpResponse response = xml_response(
        200, "<DescribeRegionsResponse><requestId>r-1</requestId><v>a &amp; b &lt;c&gt;</v><w>日本</w>"
             "</DescribeRegionsResponse>");
    auto result = interpret_response(std::move(response));
    ASSERT_TRUE(result) << to_string(result.error());
    document = *result;
  }
  pugi::xml_node root = document->document_element();
  EXPECT_STREQ(root.child_value("requestId"), "r-1");
  EXPECT_STREQ(root.child_value("v"), "a & b <c>");
  EXPECT_STREQ(root.child_value("w"), "日本");
}

TEST(ResponseTest, ErrorsInsideA200AndBrokenXmlQuoteTheOriginalBody) {
  auto broken = interpret_response(xml_response(200, "<Response><a>x &amp; y</a>"));
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, "MalformedResponse");
  EXPECT_NE(broken.error().message.find("<Response><a>x &amp; y</a>"), std::string::npos) << broken.error().message;

  auto no_error = interpret_response(xml_response(200, "<Response><Errors><Other>a &amp; b</Other></Errors></Response>"));
  ASSERT_FALSE(no_error);
  EXPECT_EQ(no_error.error().code, "200");
  EXPECT_NE(no_error.error().message.find("<Other>a &amp; b</Other>"), std::string::npos) << no_error.error().message;
}

}  // namespace
}  // namespace ec2::query
