// SigV4 behaviour beyond the published suite: a real EC2 request cross-checked with botocore's
// signer, re-signing, Host handling, presign limits, Authorization parsing for servers.
#include <gtest/gtest.h>

#include "ec2/sigv4.h"

namespace ec2 {
namespace {

using namespace std::chrono_literals;

SigningParams ec2_params() {
  SigningParams p;
  p.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "SESSIONTOKEN", "test", {}, {}};
  p.region = "us-west-2";
  p.service = "ec2";
  p.time = std::chrono::system_clock::from_time_t(1709294400);  // 2024-03-01T12:00:00Z
  return p;
}

HttpRequest describe_instances() {
  HttpRequest r;
  r.method = "POST";
  r.url = "https://ec2.us-west-2.amazonaws.com/";
  r.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}, {"User-Agent", "ec2/0.1"}};
  r.body = "Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-0123456789abcdef0";
  return r;
}

TEST(SignRequest, MatchesBotocoreForAnEc2Request) {
  // Expected value produced by botocore's SigV4Auth for the same request, key and time.
  HttpRequest r = describe_instances();
  ASSERT_TRUE(sign_request(r, ec2_params()).ok());
  EXPECT_EQ(*find_header(r.headers, "authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240301/us-west-2/ec2/aws4_request, "
            "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
            "Signature=82f53abe0afbfdbbedcba7ded73fc80d9ae22460ca8f05902c4bc663e3606d23");
  EXPECT_EQ(*find_header(r.headers, "x-amz-date"), "20240301T120000Z");
  EXPECT_EQ(*find_header(r.headers, "x-amz-security-token"), "SESSIONTOKEN");
  EXPECT_EQ(*find_header(r.headers, "host"), "ec2.us-west-2.amazonaws.com");
}

TEST(SignRequest, SigningAgainReplacesTheSignature) {
  HttpRequest r = describe_instances();
  SigningParams p = ec2_params();
  ASSERT_TRUE(sign_request(r, p).ok());
  size_t count = r.headers.size();
  p.time += 5s;
  ASSERT_TRUE(sign_request(r, p).ok());
  EXPECT_EQ(r.headers.size(), count);
  EXPECT_EQ(*find_header(r.headers, "x-amz-date"), "20240301T120005Z");
  HttpRequest fresh = describe_instances();
  ASSERT_TRUE(sign_request(fresh, p).ok());
  EXPECT_EQ(*find_header(r.headers, "authorization"), *find_header(fresh.headers, "authorization"));
}

TEST(SignRequest, HostKeepsNonDefaultPortsOnly) {
  HttpRequest r = describe_instances();
  r.url = "http://127.0.0.1:5000/";
  ASSERT_TRUE(sign_request(r, ec2_params()).ok());
  EXPECT_EQ(*find_header(r.headers, "host"), "127.0.0.1:5000");
  HttpRequest d = describe_instances();
  d.url = "https://ec2.us-west-2.amazonaws.com:443/";
  ASSERT_TRUE(sign_request(d, ec2_params()).ok());
  EXPECT_EQ(*find_header(d.headers, "host"), "ec2.us-west-2.amazonaws.com");
}

TEST(SignRequest, UserAgentIsNotSigned) {
  HttpRequest r = describe_instances();
  ASSERT_TRUE(sign_request(r, ec2_params()).ok());
  EXPECT_EQ(find_header(r.headers, "authorization")->find("user-agent"), std::string::npos);
}

TEST(SignRequest, RejectsMissingCredentialsRegionAndBadUrl) {
  HttpRequest r = describe_instances();
  SigningParams p = ec2_params();
  p.credentials.secret_access_key.clear();
  EXPECT_EQ(sign_request(r, p).error().code, "NoCredentials");
  p = ec2_params();
  p.region.clear();
  EXPECT_EQ(sign_request(r, p).error().code, "NoRegion");
  r.url = "ec2.amazonaws.com/";
  EXPECT_EQ(sign_request(r, ec2_params()).error().code, "InvalidURL");
}

TEST(PresignRequest, ExpiryLimits) {
  HttpRequest r = describe_instances();
  EXPECT_FALSE(presign_request(r, ec2_params(), 0s).ok());
  EXPECT_FALSE(presign_request(r, ec2_params(), 604801s).ok());
  ASSERT_TRUE(presign_request(r, ec2_params(), 604800s).ok());
  EXPECT_NE(r.url.find("X-Amz-Expires=604800"), std::string::npos);
  EXPECT_NE(r.url.find("&X-Amz-Signature="), std::string::npos);
}

TEST(PresignRequest, VerifierAcceptsIt) {
  HttpRequest r;
  r.method = "GET";
  r.url = "http://localhost:8000/?Action=DescribeRegions&Version=2016-11-15";
  ASSERT_TRUE(presign_request(r, ec2_params(), 300s).ok());
  auto url = sigv4::split_url(r.url);
  sigv4::RequestView view{r.method, url->path, url->query, &r.headers, r.body};
  auto auth = sigv4::parse_request_authorization(view);
  ASSERT_TRUE(auth.ok()) << to_string(auth.error());
  EXPECT_TRUE(auth->presigned);
  EXPECT_EQ(auth->expires_seconds, 300);
  EXPECT_EQ(auth->scope.region, "us-west-2");
  EXPECT_TRUE(sigv4::verify_signature(view, *auth, ec2_params().credentials.secret_access_key).ok());
}

TEST(Verify, TamperedBodyIsRejected) {
  HttpRequest r = describe_instances();
  ASSERT_TRUE(sign_request(r, ec2_params()).ok());
  r.body += "&DryRun=true";
  auto url = sigv4::split_url(r.url);
  sigv4::RequestView view{r.method, url->path, url->query, &r.headers, r.body};
  auto auth = sigv4::parse_request_authorization(view);
  ASSERT_TRUE(auth.ok());
  EXPECT_EQ(sigv4::verify_signature(view, *auth, ec2_params().credentials.secret_access_key).error().code,
            "SignatureDoesNotMatch");
}

TEST(ParseAuthorization, WellFormed) {
  auto a = sigv4::parse_authorization_header(
      "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request,SignedHeaders=host;x-amz-date,  "
      "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
  ASSERT_TRUE(a.ok()) << to_string(a.error());
  EXPECT_EQ(a->access_key_id, "AKID");
  EXPECT_EQ(a->scope.date, "20150830");
  EXPECT_EQ(a->scope.region, "us-east-1");
  EXPECT_EQ(a->scope.service, "ec2");
  EXPECT_EQ(a->signed_headers, (std::vector<std::string>{"host", "x-amz-date"}));
  EXPECT_EQ(a->scope.to_string(), "20150830/us-east-1/ec2/aws4_request");
}

TEST(ParseAuthorization, GarbledHeadersAreIncompleteSignature) {
  const std::string sig = "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
  for (const std::string& bad : std::vector<std::string>{
           std::string("AWS AKID:abc"),
           "AWS4-HMAC-SHA256",
           "AWS4-HMAC-SHA256 SignedHeaders=host, " + sig,
           "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request, " + sig,
           "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host",
           "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2, SignedHeaders=host, " + sig,
           "AWS4-HMAC-SHA256 Credential=AKID/2015-08-30/us-east-1/ec2/aws4_request, SignedHeaders=host, " + sig,
           "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request, SignedHeaders=Host, " + sig,
           "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host;;a, " + sig,
           "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=xyz",
           "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/ec2/aws4_request SignedHeaders=host " + sig,
       }) {
    auto a = sigv4::parse_authorization_header(bad);
    ASSERT_FALSE(a.ok()) << bad;
    EXPECT_EQ(a.error().code, "IncompleteSignature") << bad;
    EXPECT_EQ(a.error().category, ErrorCategory::Auth);
  }
}

TEST(ParseRequestAuthorization, MissingOrUndatedRequests) {
  Headers none;
  sigv4::RequestView view{"POST", "/", "", &none, ""};
  EXPECT_EQ(sigv4::parse_request_authorization(view).error().code, "MissingAuthenticationToken");
  Headers no_date = {{"Authorization",
                      "AWS4-HMAC-SHA256 Credential=A/20150830/us-east-1/ec2/aws4_request, SignedHeaders=host, "
                      "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"}};
  view.headers = &no_date;
  EXPECT_EQ(sigv4::parse_request_authorization(view).error().code, "IncompleteSignature");
}

TEST(Canonical, UriAndQuery) {
  EXPECT_EQ(sigv4::canonical_uri("", true), "/");
  EXPECT_EQ(sigv4::canonical_uri("/a/./b/../c//d/", true), "/a/c/d/");
  EXPECT_EQ(sigv4::canonical_uri("/a b/%41", false), "/a%20b/%2541");
  EXPECT_EQ(sigv4::canonical_query("b=2&a=&c&a=1&X-Amz-Signature=abc"), "a=&a=1&b=2&c=");
  EXPECT_EQ(sigv4::canonical_query("k=%7e%2F+x%zz"), "k=~%2F%2Bx%25zz");
}

TEST(Canonical, HeadersNeedEverySignedHeader) {
  Headers h = {{"Host", "h"}, {"X-A", "  a   b  "}, {"x-a", "c"}};
  auto ok = sigv4::canonical_headers(h, {"host", "x-a"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, "host:h\nx-a:a b,c\n");
  EXPECT_FALSE(sigv4::canonical_headers(h, {"host", "x-amz-date"}).ok());
}

TEST(SplitUrl, Parts) {
  auto u = sigv4::split_url("https://user@host:8443/p/q?x=1#frag");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->authority, "user@host:8443");
  EXPECT_EQ(u->path, "/p/q");
  EXPECT_EQ(u->query, "x=1");
  EXPECT_EQ(sigv4::split_url("http://h?a=b")->path, "/");
  EXPECT_FALSE(sigv4::split_url("http:///x").ok());
}

TEST(SigningKey, CachedKeysMatchFreshOnes) {
  sigv4::Scope a{"20240301", "us-west-2", "ec2"}, b{"20240301", "eu-west-1", "ec2"};
  auto ka = sigv4::derive_signing_key("secret", a);
  for (int i = 0; i < 10; ++i) sigv4::derive_signing_key("other" + std::to_string(i), b);
  EXPECT_EQ(sigv4::derive_signing_key("secret", a), ka);
  EXPECT_NE(sigv4::derive_signing_key("secret", b), ka);
  EXPECT_NE(sigv4::derive_signing_key("secret2", a), ka);
}

}  // namespace
}  // namespace ec2

namespace ec2 {
namespace {

TEST(AmzDate, FormatsUtcCalendarDates) {
  auto at = [](long long secs) {
    return sigv4::format_amz_date(std::chrono::system_clock::time_point(std::chrono::seconds(secs)));
  };
  EXPECT_EQ(at(0), "19700101T000000Z");
  EXPECT_EQ(at(951782400), "20000229T000000Z");
  EXPECT_EQ(at(1735689599), "20241231T235959Z");
  EXPECT_EQ(at(4107542400), "21000301T000000Z");
  EXPECT_EQ(at(-1), "19691231T235959Z");
}

}  // namespace
}  // namespace ec2

namespace ec2 {
namespace {

/// Verifies a request exactly as a server received it.
Status verify_received(const Headers& headers, const std::string& body, const std::string& secret) {
  sigv4::RequestView view{"POST", "/", "", &headers, body};
  auto auth = sigv4::parse_request_authorization(view);
  if (!auth) return auth.error();
  return sigv4::verify_signature(view, *auth, secret);
}

TEST(Verify, AcceptsRequestCapturedFromAwsCli) {
  // Sent by `aws ec2 describe-instances` (aws-cli 2.9.19) with secret "capture/secret+key".
  Headers h = {
      {"Host", "127.0.0.1:18777"},
      {"Accept-Encoding", "identity"},
      {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
      {"User-Agent", "aws-cli/2.9.19 Python/3.11.2 Linux/6.18.44-fc-v782 source/x86_64.debian.12 prompt/off "
                     "command/ec2.describe-instances"},
      {"X-Amz-Date", "20261125T122827Z"},
      {"X-Amz-Security-Token", "tok123"},
      {"Authorization", "AWS4-HMAC-SHA256 Credential=AKIDCAPTURE/20261125/eu-west-1/ec2/aws4_request, "
                        "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
                        "Signature=2eb51b3c69d4d1a454658ab46b82f27ab6e190bf8b1f0075a21dd33deef2c6d4"},
      {"Content-Length", "122"}};
  std::string body =
      "Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag%3AName&Filter.1.Value.1=web&"
      "InstanceId.1=i-0123456789abcdef0";
  Status st = verify_received(h, body, "capture/secret+key");
  EXPECT_TRUE(st.ok()) << to_string(st.error());
  EXPECT_FALSE(verify_received(h, body, "capture/secret+kez").ok());
}

TEST(Verify, AcceptsRequestCapturedFromBoto3) {
  // Sent by boto3 1.26 run_instances (lowercase host header, extra unsigned amz-sdk-* headers).
  Headers h = {
      {"Accept-Encoding", "identity"},
      {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
      {"User-Agent", "Boto3/1.26.27 Python/3.11.2 Linux/6.18.44-fc-v782 awscrt/1.0.0.dev0 Botocore/1.29.27"},
      {"host", "127.0.0.1:18777"},
      {"X-Amz-Date", "20261125T122837Z"},
      {"Authorization", "AWS4-HMAC-SHA256 Credential=AKIDCAPTURE/20261125/us-west-2/ec2/aws4_request, "
                        "SignedHeaders=content-type;host;x-amz-date, "
                        "Signature=a8ce3f2cc2b69c40a90aff06d1557329ede1eec81c9d01dcd50b9d0037ea79ad"},
      {"amz-sdk-invocation-id", "008ccce1-ad83-420a-bafe-16e6a678f19f"},
      {"amz-sdk-request", "attempt=1"},
      {"Content-Length", "249"}};
  std::string body =
      "Action=RunInstances&Version=2016-11-15&ImageId=ami-12345678&MinCount=1&MaxCount=1&"
      "TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name&"
      "TagSpecification.1.Tag.1.Value=a+b%2F%C3%BC&ClientToken=908f4d69-5d6e-4393-93ee-aa8108fa7f30";
  Status st = verify_received(h, body, "capture/secret+key");
  EXPECT_TRUE(st.ok()) << to_string(st.error());
}

}  // namespace
}  // namespace ec2
