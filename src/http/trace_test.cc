#include "http/trace.h"

#include <gtest/gtest.h>

namespace ec2::http {
namespace {

TEST(TraceTest, JsonBodiesLoseSecretValuesAtAnyDepth) {
  EXPECT_EQ(redact_json(R"({"roleCredentials":{"accessKeyId":"ASIA1","secretAccessKey":"s",)"
                        R"("sessionToken":"t","expiration":1}})"),
            R"({"roleCredentials":{"accessKeyId":"ASIA1","expiration":1,"secretAccessKey":"<redacted>",)"
            R"("sessionToken":"<redacted>"}})");
  EXPECT_EQ(redact_json(R"({"AccessKeyId":"A","Token":"t","Code":"Success"})"),
            R"({"AccessKeyId":"A","Code":"Success","Token":"<redacted>"})");
  EXPECT_EQ(redact_json(R"([{"clientSecret":"c","refreshToken":"r","grantType":"refresh_token"}])"),
            R"([{"clientSecret":"<redacted>","grantType":"refresh_token","refreshToken":"<redacted>"}])");
  EXPECT_EQ(redact_json("{not json"), "<redacted>");
  HttpRequest request{"POST", "https://oidc.test/token", {{"x-amz-sso_bearer_token", "tok"}},
                      R"({"clientSecret":"c","refreshToken":"r"})"};
  std::string line = format_request(request);
  EXPECT_EQ(line.find("tok\n"), std::string::npos) << line;
  EXPECT_EQ(line.find("\"c\""), std::string::npos) << line;
  HttpResponse response{200, {}, R"({"accessToken":"secret-access","expiresIn":3600})"};
  EXPECT_EQ(format_response(response).find("secret-access"), std::string::npos);
}

TEST(TraceTest, SecretNames) {
  for (const char* name : {"X-Amz-Security-Token", "SecretAccessKey", "secretAccessKey", "Password",
                           "keyMaterial", "X-Amz-Signature", "sessionToken", "WebIdentityToken", "TokenCode",
                           "accessToken", "refreshToken", "clientSecret", "x-amz-sso_bearer_token",
                           "x-aws-ec2-metadata-token", "Token"}) {
    EXPECT_TRUE(is_secret_name(name)) << name;
  }
  for (const char* name : {"NextToken", "ClientToken", "KeyName", "X-Amz-Credential", "Host", "tokenType"}) {
    EXPECT_FALSE(is_secret_name(name)) << name;
  }
}

TEST(TraceTest, AuthorizationKeepsScopeButNotSignature) {
  EXPECT_EQ(redact_header("authorization",
                          "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/ec2/aws4_request, "
                          "SignedHeaders=host;x-amz-date, Signature=0123abcd"),
            "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/ec2/aws4_request, "
            "SignedHeaders=host;x-amz-date, Signature=<redacted>");
  EXPECT_EQ(redact_header("Authorization", "Basic dXNlcjpwYXNz"), "<redacted>");
  EXPECT_EQ(redact_header("X-Amz-Security-Token", "tok"), "<redacted>");
  EXPECT_EQ(redact_header("Content-Type", "text/xml"), "text/xml");
}

TEST(TraceTest, FormFieldsWithSecretNamesAreRedacted) {
  EXPECT_EQ(redact_form("Action=X&X-Amz-Signature=abc&NextToken=t&Password=p"),
            "Action=X&X-Amz-Signature=<redacted>&NextToken=t&Password=<redacted>");
  EXPECT_EQ(redact_form("Action=AssumeRoleWithWebIdentity&RoleArn=r&WebIdentityToken=eyJ&TokenCode=123456"),
            "Action=AssumeRoleWithWebIdentity&RoleArn=r&WebIdentityToken=<redacted>&TokenCode=<redacted>");
  EXPECT_EQ(redact_form(""), "");
  EXPECT_EQ(redact_form("a"), "a");
}

TEST(TraceTest, XmlElementsWithSecretNamesAreRedacted) {
  EXPECT_EQ(redact_xml("<r><keyName>k</keyName><keyMaterial>PRIVATE\nKEY</keyMaterial>"
                       "<secretAccessKey a=\"1\">s</secretAccessKey><empty/></r>"),
            "<r><keyName>k</keyName><keyMaterial><redacted></keyMaterial>"
            "<secretAccessKey a=\"1\"><redacted></secretAccessKey><empty/></r>");
  EXPECT_EQ(redact_xml("<keyMaterial>unterminated"), "<keyMaterial>unterminated");
}

TEST(TraceTest, FormatsRequestAndResponse) {
  HttpRequest request;
  request.url = "https://ec2.us-east-1.amazonaws.com/?X-Amz-Signature=sig&a=b";
  request.headers = {{"Host", "ec2.us-east-1.amazonaws.com"}};
  request.body = "Action=DescribeRegions";
  EXPECT_EQ(format_request(request),
            "> POST https://ec2.us-east-1.amazonaws.com/?X-Amz-Signature=<redacted>&a=b\n"
            "> Host: ec2.us-east-1.amazonaws.com\n> Action=DescribeRegions");
  HttpResponse response;
  response.status = 503;
  response.body = std::string(20000, 'x');
  std::string text = format_response(response);
  EXPECT_TRUE(text.starts_with("< 503\n< xxx"));
  EXPECT_TRUE(text.ends_with("... (3616 more bytes)"));
}

}  // namespace
}  // namespace ec2::http
