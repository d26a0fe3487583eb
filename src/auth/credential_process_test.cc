// credential_process: real child processes (small shell scripts in a temp folder).
#include "auth/credential_process.h"

#include <gtest/gtest.h>

#include "auth/temp_dir_test_util.h"
#include "ec2/config.h"
#include "retry/fake_clock.h"

namespace ec2::auth {
namespace {

using std::chrono::system_clock;

class CredentialProcessTest : public ::testing::Test {
 protected:
  /// A script that prints `stdout_text`, prints `stderr_text` to stderr and exits with `code`.
  std::string script(const std::string& stdout_text, int code = 0, const std::string& stderr_text = "",
                     const std::string& name = "creds.sh") {
    return dir_.write(name,
                      "#!/bin/sh\ncat <<'EOF'\n" + stdout_text + "\nEOF\n" +
                          (stderr_text.empty() ? "" : "echo '" + stderr_text + "' >&2\n") + "exit " +
                          std::to_string(code) + "\n",
                      true);
  }
  Result<Credentials> run(const std::string& command) {
    return run_credential_process(command, "test", system_clock::now());
  }
  Error fails(const std::string& command) {
    auto r = run(command);
    EXPECT_FALSE(r.ok());
    if (r.ok()) return Error{};
    EXPECT_EQ(r.error().code, "CredentialProcessError");
    EXPECT_EQ(r.error().category, ErrorCategory::Config);
    return r.error();
  }

  testing::TempDir dir_;
};

TEST_F(CredentialProcessTest, ReadsEveryField) {
  auto r = run(script(R"({"Version": 1, "AccessKeyId": "AKP", "SecretAccessKey": "SKP",
                          "SessionToken": "TP", "Expiration": "2099-05-06T07:08:09Z"})"));
  ASSERT_TRUE(r.ok()) << to_string(r.error());
  EXPECT_EQ(r->access_key_id, "AKP");
  EXPECT_EQ(r->secret_access_key, "SKP");
  EXPECT_EQ(r->session_token, "TP");
  EXPECT_EQ(r->source, "custom-process");
  ASSERT_TRUE(r->expiration.has_value());
  EXPECT_EQ(*r->expiration, *parse_iso8601("2099-05-06T07:08:09Z"));
}

TEST_F(CredentialProcessTest, ArgumentsAndQuotedPathWithSpaces) {
  std::string path = dir_.write("my dir/echo-args.sh",
                                "#!/bin/sh\nprintf '{\"Version\":1,\"AccessKeyId\":\"%s\",\"SecretAccessKey\":\"%s\"}' "
                                "\"$1\" \"$2\"\n",
                                true);
  auto r = run("'" + path + "' \"first arg\" second");
  ASSERT_TRUE(r.ok()) << to_string(r.error());
  EXPECT_EQ(r->access_key_id, "first arg");
  EXPECT_EQ(r->secret_access_key, "second");
  EXPECT_TRUE(r->session_token.empty());
  EXPECT_FALSE(r->expiration.has_value());
}

TEST_F(CredentialProcessTest, NonZeroExitIncludesStatusAndStderr) {
  Error e = fails(script("", 3, "token expired, run sso login"));
  EXPECT_NE(e.message.find("exited with status 3"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("token expired, run sso login"), std::string::npos) << e.message;
}

TEST_F(CredentialProcessTest, BadJson) {
  EXPECT_NE(fails(script("not json")).message.find("JSON"), std::string::npos);
  EXPECT_NE(fails(script("[1, 2]")).message.find("JSON object"), std::string::npos);
}

TEST_F(CredentialProcessTest, WrongOrMissingVersion) {
  Error e = fails(script(R"({"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "S"})"));
  EXPECT_NE(e.message.find("Unsupported version '2'"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("supported versions: 1"), std::string::npos);
  EXPECT_NE(fails(script(R"({"AccessKeyId": "A", "SecretAccessKey": "S"})")).message.find("Version key not provided"),
            std::string::npos);
}

TEST_F(CredentialProcessTest, MissingKeys) {
  Error e = fails(script(R"({"Version": 1, "AccessKeyId": "A"})"));
  EXPECT_NE(e.message.find("SecretAccessKey"), std::string::npos) << e.message;
  EXPECT_NE(fails(script(R"({"Version": 1, "SecretAccessKey": "S"})")).message.find("AccessKeyId"),
            std::string::npos);
}

TEST_F(CredentialProcessTest, ExpirationChecks) {
  EXPECT_NE(fails(script(R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S",
                             "Expiration": "2001-01-01T00:00:00Z"})"))
                .message.find("expired"),
            std::string::npos);
  EXPECT_NE(fails(script(R"({"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "S",
                             "Expiration": "tomorrow"})"))
                .message.find("ISO 8601"),
            std::string::npos);
}

TEST_F(CredentialProcessTest, CommandNotFoundAndEmptyCommand) {
  EXPECT_NE(fails(dir_.path() + "/does-not-exist").message.find("cannot run"), std::string::npos);
  EXPECT_NE(fails("   ").message.find("empty"), std::string::npos);
  EXPECT_FALSE(run("'unclosed").ok());
}

TEST_F(CredentialProcessTest, LargeOutputOnBothStreamsDoesNotDeadlock) {
  std::string path = dir_.write("big.sh",
                                "#!/bin/sh\nhead -c 300000 /dev/zero | tr '\\0' x >&2\n"
                                "printf '{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"S\",\"Pad\":\"'\n"
                                "head -c 300000 /dev/zero | tr '\\0' y\nprintf '\"}'\n",
                                true);
  auto r = run(path);
  ASSERT_TRUE(r.ok()) << to_string(r.error());
  EXPECT_EQ(r->access_key_id, "A");
}

TEST(Iso8601, Forms) {
  auto base = parse_iso8601("2030-01-01T00:00:00Z");
  ASSERT_TRUE(base.has_value());
  EXPECT_EQ(parse_iso8601("2030-01-01T00:00:00.123Z"), base);
  EXPECT_EQ(parse_iso8601("2030-01-01T02:00:00+02:00"), base);
  EXPECT_EQ(parse_iso8601("2029-12-31T23:00:00-01:00"), base);
  EXPECT_EQ(parse_iso8601("2030-01-01T00:00:00"), base);
  EXPECT_FALSE(parse_iso8601("2030-13-01T00:00:00Z").has_value());
  EXPECT_FALSE(parse_iso8601("2030-01-01").has_value());
  EXPECT_FALSE(parse_iso8601("2030-01-01T00:00:00 UTC").has_value());
}

}  // namespace
}  // namespace ec2::auth

namespace ec2::auth {
namespace {

TEST(CredentialProcessRefresh, RunsTheCommandAgainBeforeItsCredentialsExpire) {
  testing::TempDir home;
  std::string counter = home.path() + "/runs";
  std::string command = home.write(
      "creds.sh",
      "#!/bin/sh\nn=$(cat '" + counter + "' 2>/dev/null || echo 0)\nn=$((n+1))\necho $n > '" + counter +
          "'\nprintf '{\"Version\": 1, \"AccessKeyId\": \"AKP%s\", \"SecretAccessKey\": \"S\", "
          "\"SessionToken\": \"T\", \"Expiration\": \"2024-01-01T01:00:00Z\"}' $n\n",
      true);
  home.write(".aws/config", "[default]\nregion = eu-west-1\ncredential_process = " + command + "\n");
  auto clock = std::make_shared<testing::FakeClock>();  // 2024-01-01T00:00:00Z
  CredentialServices services;
  services.clock = clock;
  MapEnvironment env({}, home.path());
  auto config = resolve_config({}, env, services);
  ASSERT_TRUE(config.ok()) << to_string(config.error());
  EXPECT_EQ(config->credentials.access_key_id, "AKP1");
  EXPECT_EQ(config->credentials.identity, "custom-process: profile default");
  clock->advance(std::chrono::minutes(30));
  EXPECT_EQ(config->credentials_provider->get()->access_key_id, "AKP1");
  clock->advance(std::chrono::minutes(16));  // 14 minutes left
  EXPECT_EQ(config->credentials_provider->get()->access_key_id, "AKP2");
}

}  // namespace
}  // namespace ec2::auth
