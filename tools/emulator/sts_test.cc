// STS: identities, role trust, MFA, durations, web identity, and temporary credentials on EC2.
#include "sts.h"

#include <gtest/gtest.h>

#include "creds_test_util.h"
#include "jwt.h"
#include "totp.h"

namespace ec2::emu {
namespace {

using testing::Answer;
using testing::Keys;
using testing::kAlice;
using testing::kBob;
using testing::kBuiltin;
using testing::ManualClock;
using testing::sts_code;

class StsTest : public ::testing::Test {
 protected:
  Answer sts(const std::string& form, const Keys& keys, const std::string& region = "us-east-1") {
    return testing::signed_call(*emulator, *clock, "sts", form, keys, region);
  }
  Answer ec2(const std::string& form, const Keys& keys) {
    return testing::signed_call(*emulator, *clock, "ec2", form, keys);
  }
  /// An unsigned AssumeRoleWithWebIdentity for `role` with `token`.
  Answer web_identity(const std::string& role, const std::string& token, const std::string& extra = "") {
    HttpCall http;
    http.body = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=gha&RoleArn=" + role +
                "&WebIdentityToken=" + token + extra;
    HttpReply reply = emulator->handle(http);
    Answer answer;
    answer.status = reply.status;
    answer.body = reply.body;
    answer.doc.load_string(answer.body.c_str());
    return answer;
  }
  std::string token(int64_t lifetime, std::string secret = "issuer-secret", std::string aud = "sts.amazonaws.com") {
    auto now = std::chrono::duration_cast<std::chrono::seconds>(clock->now().time_since_epoch()).count();
    return mint_hs256({{"iss", "https://issuer.test"}, {"sub", "repo:org/app"}, {"aud", aud}, {"exp", now + lifetime}},
                      secret);
  }
  std::string alice_code() { return totp("JBSWY3DPEHPK3PXP", clock->now()); }

  std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
  std::unique_ptr<Emulator> emulator = testing::accounts_emulator(clock);
};

constexpr const char* kDeploy = "Action=AssumeRole&RoleArn=arn:aws:iam::222222222222:role/deploy&RoleSessionName=s1";
constexpr const char* kAdmin = "Action=AssumeRole&RoleArn=arn:aws:iam::111111111111:role/admin&RoleSessionName=ops";

TEST_F(StsTest, GetCallerIdentityNamesUsersAndTheBuiltinKey) {
  auto alice = sts("Action=GetCallerIdentity", kAlice);
  ASSERT_EQ(alice.status, 200) << alice.body;
  EXPECT_EQ(alice.text("/GetCallerIdentityResponse/GetCallerIdentityResult/Arn"), "arn:aws:iam::111111111111:user/alice");
  EXPECT_EQ(alice.text("//Account"), "111111111111");
  EXPECT_EQ(alice.text("//UserId").substr(0, 4), "AIDA");
  EXPECT_FALSE(alice.text("//ResponseMetadata/RequestId").empty());
  auto builtin = sts("Action=GetCallerIdentity", kBuiltin);
  EXPECT_EQ(builtin.text("//Arn"), "arn:aws:iam::123456789012:user/emulator");
}

TEST_F(StsTest, AssumeRoleFollowsTrustAndExternalId) {
  auto untrusted = sts(kDeploy, kBob);
  EXPECT_EQ(untrusted.status, 403);
  EXPECT_EQ(sts_code(untrusted), "AccessDenied");
  EXPECT_EQ(untrusted.text("//Error/Type"), "Sender");
  EXPECT_EQ(sts_code(sts(kDeploy, kAlice)), "AccessDenied");  // no ExternalId
  EXPECT_EQ(sts_code(sts(std::string(kDeploy) + "&ExternalId=wrong", kAlice)), "AccessDenied");
  auto assumed = sts(std::string(kDeploy) + "&ExternalId=ext-1", kAlice);
  ASSERT_EQ(assumed.status, 200) << assumed.body;
  EXPECT_EQ(assumed.text("//AssumedRoleUser/Arn"), "arn:aws:sts::222222222222:assumed-role/deploy/s1");
  EXPECT_EQ(assumed.text("//AssumedRoleUser/AssumedRoleId").substr(0, 4), "AROA");
  Keys keys = testing::credentials_of(assumed);
  EXPECT_EQ(keys.id.substr(0, 4), "ASIA");
  EXPECT_EQ(sts("Action=GetCallerIdentity", keys).text("//Arn"), "arn:aws:sts::222222222222:assumed-role/deploy/s1");
  auto vpcs = ec2("Action=DescribeVpcs", keys);
  ASSERT_EQ(vpcs.status, 200) << vpcs.body;
  EXPECT_EQ(vpcs.text("//vpcSet/item/ownerId"), "222222222222");
}

TEST_F(StsTest, RoleRequiringMfaNeedsAValidCode) {
  EXPECT_EQ(sts_code(sts(kAdmin, kAlice)), "AccessDenied");
  std::string mfa = "&SerialNumber=arn:aws:iam::111111111111:mfa/alice&TokenCode=";
  std::string wrong = alice_code() == "000000" ? "111111" : "000000";
  EXPECT_EQ(sts_code(sts(kAdmin + mfa + wrong, kAlice)), "AccessDenied");
  EXPECT_EQ(sts_code(sts(kAdmin + mfa + "12ab56", kAlice)), "ValidationError");
  auto too_long = sts(kAdmin + mfa + alice_code() + "&DurationSeconds=7201", kAlice);
  EXPECT_EQ(too_long.status, 400);
  EXPECT_EQ(sts_code(too_long), "ValidationError");
  auto admin = sts(kAdmin + mfa + alice_code() + "&DurationSeconds=7200", kAlice);
  ASSERT_EQ(admin.status, 200) << admin.body;
  EXPECT_EQ(admin.text("//Credentials/Expiration"), expiration_text(clock->now() + std::chrono::hours(2)));
  // Role chaining: the admin session may assume deploy, for at most an hour.
  Keys chained = testing::credentials_of(admin);
  EXPECT_EQ(sts_code(sts(std::string(kDeploy) + "&ExternalId=ext-1&DurationSeconds=3601", chained)), "ValidationError");
  EXPECT_EQ(sts(std::string(kDeploy) + "&ExternalId=ext-1&DurationSeconds=3600", chained).status, 200);
}

TEST_F(StsTest, GetSessionTokenWithMfaCarriesTheDeviceIntoAssumeRole) {
  std::string mfa = "&SerialNumber=arn:aws:iam::111111111111:mfa/alice&TokenCode=" + alice_code();
  auto session = sts("Action=GetSessionToken&DurationSeconds=900" + mfa, kAlice);
  ASSERT_EQ(session.status, 200) << session.body;
  Keys keys = testing::credentials_of(session);
  EXPECT_EQ(sts("Action=GetCallerIdentity", keys).text("//Arn"), "arn:aws:iam::111111111111:user/alice");
  EXPECT_EQ(sts(kAdmin, keys).status, 200);
  EXPECT_EQ(sts_code(sts("Action=GetSessionToken", keys)), "AccessDenied");
  EXPECT_EQ(sts_code(sts("Action=GetSessionToken&DurationSeconds=60", kAlice)), "ValidationError");
}

TEST_F(StsTest, TemporaryCredentialsExpireByEmulatedTime) {
  auto assumed = sts(std::string(kDeploy) + "&ExternalId=ext-1&DurationSeconds=900", kAlice);
  Keys keys = testing::credentials_of(assumed);
  EXPECT_EQ(ec2("Action=DescribeVpcs", keys).status, 200);
  testing::control(*emulator, "POST", "/_emulator/advance", "seconds=901");
  auto expired = ec2("Action=DescribeVpcs", keys);
  EXPECT_EQ(expired.status, 400);
  EXPECT_EQ(expired.code(), "RequestExpired");
  auto sts_expired = sts("Action=GetCallerIdentity", keys);
  EXPECT_EQ(sts_expired.status, 403);
  EXPECT_EQ(sts_code(sts_expired), "ExpiredToken");
}

TEST_F(StsTest, MissingOrWrongSessionTokenIsRefused) {
  Keys keys = testing::credentials_of(sts(std::string(kDeploy) + "&ExternalId=ext-1", kAlice));
  Keys missing{keys.id, keys.secret, ""};
  Keys wrong{keys.id, keys.secret, keys.token + "x"};
  auto answer = ec2("Action=DescribeVpcs", missing);
  EXPECT_EQ(answer.status, 401);
  EXPECT_EQ(answer.code(), "AuthFailure");
  EXPECT_EQ(ec2("Action=DescribeVpcs", wrong).code(), "AuthFailure");
  auto sts_wrong = sts("Action=GetCallerIdentity", wrong);
  EXPECT_EQ(sts_wrong.status, 403);
  EXPECT_EQ(sts_code(sts_wrong), "InvalidClientTokenId");
  Keys bad_secret{keys.id, "not-the-secret", keys.token};
  EXPECT_EQ(ec2("Action=DescribeVpcs", bad_secret).code(), "SignatureDoesNotMatch");
}

TEST_F(StsTest, ReadOnlyRoleSessionsCannotMutate) {
  auto auditor = sts("Action=AssumeRole&RoleArn=arn:aws:iam::222222222222:role/auditor&RoleSessionName=audit", kAlice);
  ASSERT_EQ(auditor.status, 200) << auditor.body;
  Keys keys = testing::credentials_of(auditor);
  EXPECT_EQ(ec2("Action=DescribeVpcs", keys).status, 200);
  EXPECT_EQ(ec2("Action=CreateKeyPair&KeyName=k", keys).code(), "UnauthorizedOperation");
}

TEST_F(StsTest, WebIdentityTokensAreVerified) {
  const std::string ci = "arn:aws:iam::111111111111:role/ci";
  auto ok = web_identity(ci, token(600));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.text("//SubjectFromWebIdentityToken"), "repo:org/app");
  EXPECT_EQ(ok.text("//Provider"), "https://issuer.test");
  EXPECT_EQ(ok.text("//AssumedRoleUser/Arn"), "arn:aws:sts::111111111111:assumed-role/ci/gha");
  EXPECT_EQ(sts("Action=GetCallerIdentity", testing::credentials_of(ok)).text("//Account"), "111111111111");
  EXPECT_EQ(sts_code(web_identity(ci, token(-1))), "ExpiredTokenException");
  EXPECT_EQ(sts_code(web_identity(ci, token(600, "wrong-secret"))), "InvalidIdentityToken");
  EXPECT_EQ(sts_code(web_identity(ci, token(600, "issuer-secret", "other"))), "InvalidIdentityToken");
  EXPECT_EQ(sts_code(web_identity(ci, "garbage")), "InvalidIdentityToken");
  auto untrusted = web_identity("arn:aws:iam::111111111111:role/web", token(600));
  EXPECT_EQ(untrusted.status, 403);
  EXPECT_EQ(sts_code(untrusted), "AccessDenied");
  EXPECT_EQ(sts_code(web_identity(ci, token(600), "&DurationSeconds=10")), "ValidationError");
}

TEST_F(StsTest, OptInRegionsAreDisabledAndUnknownActionsInvalid) {
  auto disabled = sts("Action=GetCallerIdentity", kAlice, "af-south-1");
  EXPECT_EQ(disabled.status, 403);
  EXPECT_EQ(sts_code(disabled), "RegionDisabledException");
  EXPECT_EQ(sts_code(sts("Action=GetFederationToken", kAlice)), "InvalidAction");
  EXPECT_EQ(sts_code(sts("Action=AssumeRole&RoleSessionName=x!", kAlice)), "MissingParameter");
  EXPECT_EQ(sts_code(sts("Action=AssumeRole&RoleArn=arn:aws:iam::111111111111:role/admin&RoleSessionName=a b", kAlice)),
            "ValidationError");
}

}  // namespace
}  // namespace ec2::emu
