// SigV4 verification outcomes and their EC2 error codes / HTTP statuses.
#include "auth.h"

#include <gtest/gtest.h>

#include <fstream>

#include "ec2/sigv4.h"
#include "test_support.h"

namespace ec2::emu {
namespace {

using Clock = std::chrono::system_clock;

class Auth : public ::testing::Test {
 protected:
  void SetUp() override { store.add_defaults(); }

  /// A DescribeRegions POST signed with `key`/`secret` at `when` for `region`.
  HttpCall signed_call(std::string key, std::string secret, Clock::time_point when,
                       std::string region = "eu-west-1") {
    HttpRequest request;
    request.url = "http://127.0.0.1:4566/";
    request.body = "Action=DescribeRegions&Version=2016-11-15";
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
    SigningParams params;
    params.credentials.access_key_id = std::move(key);
    params.credentials.secret_access_key = std::move(secret);
    params.region = std::move(region);
    params.time = when;
    EXPECT_TRUE(sign_request(request, params).ok());
    HttpCall http;
    http.headers = request.headers;
    http.body = request.body;
    return http;
  }

  Status check(const HttpCall& http) {
    Call call;
    return authenticate(store, call, http, now);
  }

  CredentialStore store;
  Clock::time_point now = Clock::from_time_t(1750000000);
};

TEST_F(Auth, AcceptsValidSignatureAndTakesRegionFromScope) {
  Call call;
  HttpCall http = signed_call(std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), now);
  Status status = authenticate(store, call, http, now);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(call.region, "eu-west-1");
  EXPECT_EQ(call.access_key, kDefaultAccessKey);
  EXPECT_FALSE(call.read_only);
}

TEST_F(Auth, WrongSecretIsSignatureDoesNotMatch403) {
  auto status = check(signed_call(std::string(kDefaultAccessKey), "wrong-secret", now));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "SignatureDoesNotMatch");
  EXPECT_EQ(status.error().http_status, 403);
}

TEST_F(Auth, UnknownKeyIsAuthFailure401) {
  auto status = check(signed_call("AKIAUNKNOWNKEY000000", "whatever", now));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "AuthFailure");
  EXPECT_EQ(status.error().http_status, 401);
}

TEST_F(Auth, MissingOrGarbledHeaderIsIncompleteSignature) {
  HttpCall unsigned_call;
  unsigned_call.body = "Action=DescribeRegions&Version=2016-11-15";
  EXPECT_EQ(check(unsigned_call).error().code, "IncompleteSignature");
  HttpCall garbled = signed_call(std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), now);
  for (auto& [name, value] : garbled.headers) {
    if (name == "Authorization") value = "AWS4-HMAC-SHA256 Credential=garbage";
  }
  auto status = check(garbled);
  EXPECT_EQ(status.error().code, "IncompleteSignature");
  EXPECT_EQ(status.error().http_status, 400);
}

TEST_F(Auth, TimestampMoreThanFifteenMinutesOffIsRequestExpired) {
  auto old = check(signed_call(std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), now - std::chrono::minutes(16)));
  EXPECT_EQ(old.error().code, "RequestExpired");
  auto future = check(signed_call(std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), now + std::chrono::minutes(16)));
  EXPECT_EQ(future.error().code, "RequestExpired");
  EXPECT_TRUE(check(signed_call(std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), now - std::chrono::minutes(14))).ok());
}

TEST_F(Auth, TamperedBodyFailsVerification) {
  HttpCall http = signed_call(std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), now);
  http.body += "&DryRun=true";
  EXPECT_EQ(check(http).error().code, "SignatureDoesNotMatch");
}

TEST_F(Auth, UnservedRegionInScopeIsRejected) {
  auto status = check(signed_call(std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), now, "xx-nowhere-1"));
  EXPECT_EQ(status.error().code, "AuthFailure");
}

TEST(CredentialStore, ParsesFileAndSpecs) {
  std::string path = ::testing::TempDir() + "/credentials";
  {
    std::ofstream out(path);
    out << "# test keys\nAKIAFILEKEY000000001 secret-one\nAKIAFILEKEY000000002 secret-two read-only  # comment\n";
  }
  CredentialStore store;
  ASSERT_TRUE(store.load_file(path).ok());
  ASSERT_TRUE(store.add_spec("AKIAFLAG:flag-secret").ok());
  EXPECT_EQ(store.size(), 3u);
  EXPECT_TRUE(store.find("AKIAFILEKEY000000002")->read_only);
  EXPECT_EQ(store.find("AKIAFLAG")->secret_access_key, "flag-secret");
  EXPECT_FALSE(store.add_spec("nocolon").ok());
}

TEST(ReadOnlyKey, MutationsAreUnauthorizedOperation) {
  auto clock = std::make_shared<testing::ManualClock>();
  EmulatorOptions options = testing::quiet_options(clock);
  options.authenticate = true;
  options.credentials.add_defaults();
  Emulator emulator(options);
  ASSERT_TRUE(emulator.start().ok());
  HttpRequest request;
  request.url = "http://127.0.0.1/";
  request.body = "Action=CreateKeyPair&Version=2016-11-15&KeyName=k&DryRun=true";
  SigningParams params;
  params.credentials.access_key_id = std::string(kReadOnlyAccessKey);
  params.credentials.secret_access_key = std::string(kReadOnlySecretKey);
  params.region = "us-east-1";
  params.time = clock->now();
  ASSERT_TRUE(sign_request(request, params).ok());
  HttpCall http;
  http.headers = request.headers;
  http.body = request.body;
  HttpReply reply = emulator.handle(http);
  EXPECT_EQ(reply.status, 403);
  EXPECT_NE(reply.body.find("UnauthorizedOperation"), std::string::npos);
}

}  // namespace
}  // namespace ec2::emu
