// resolve_config against a fake environment and temporary shared files: every variable, every
// setting, the precedence between them, and the errors.
#include <gtest/gtest.h>

#include "auth/temp_dir_test_util.h"
#include "ec2/config.h"

namespace ec2 {
namespace {

using Vars = std::map<std::string, std::string>;

class ConfigTest : public ::testing::Test {
 protected:
  /// Writes ~/.aws/config (home is the temp dir).
  void config(const std::string& text) { dir_.write(".aws/config", text); }
  void credentials(const std::string& text) { dir_.write(".aws/credentials", text); }

  Result<ResolvedConfig> resolve(Vars vars, const ConfigOverrides& o = {}) {
    MapEnvironment env(std::move(vars), dir_.path());
    return resolve_config(o, env);
  }
  ResolvedConfig ok(Vars vars, const ConfigOverrides& o = {}) {
    auto r = resolve(std::move(vars), o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : to_string(r.error()));
    return r.ok() ? *r : ResolvedConfig{};
  }
  Error fails(Vars vars, const ConfigOverrides& o = {}) {
    auto r = resolve(std::move(vars), o);
    EXPECT_FALSE(r.ok());
    return r.ok() ? Error{} : r.error();
  }

  static Vars env_keys() {
    return {{"AWS_ACCESS_KEY_ID", "AKENV"}, {"AWS_SECRET_ACCESS_KEY", "SKENV"}, {"AWS_REGION", "us-east-1"}};
  }

  testing::TempDir dir_;
};

TEST_F(ConfigTest, EnvironmentCredentialsAndRegion) {
  Vars v = env_keys();
  v["AWS_SESSION_TOKEN"] = "TOKEN";
  auto c = ok(v);
  EXPECT_EQ(c.profile, "default");
  EXPECT_EQ(c.region, "us-east-1");
  EXPECT_EQ(c.endpoint_url, "https://ec2.us-east-1.amazonaws.com");
  EXPECT_EQ(c.credentials.access_key_id, "AKENV");
  EXPECT_EQ(c.credentials.secret_access_key, "SKENV");
  EXPECT_EQ(c.credentials.session_token, "TOKEN");
  EXPECT_EQ(c.credentials.source, "env");
  EXPECT_EQ(c.max_attempts, 3);
  EXPECT_EQ(c.retry_mode, RetryMode::Standard);
  EXPECT_EQ(c.ca_bundle, "");
}

TEST_F(ConfigTest, SecurityTokenVariableIsReadBeforeSessionToken) {
  Vars v = env_keys();
  v["AWS_SESSION_TOKEN"] = "new";
  v["AWS_SECURITY_TOKEN"] = "old";
  EXPECT_EQ(ok(v).credentials.session_token, "old");
}

TEST_F(ConfigTest, CredentialExpirationFromEnvironment) {
  Vars v = env_keys();
  v["AWS_CREDENTIAL_EXPIRATION"] = "2040-01-02T03:04:05Z";
  auto c = ok(v);
  ASSERT_TRUE(c.credentials.expiration.has_value());
  EXPECT_EQ(std::chrono::system_clock::to_time_t(*c.credentials.expiration), 2209086245);
}

TEST_F(ConfigTest, RegionPrecedence) {
  config("[default]\nregion = eu-west-3\n");
  Vars v = env_keys();
  v.erase("AWS_REGION");
  EXPECT_EQ(ok(v).region, "eu-west-3");
  v["AWS_DEFAULT_REGION"] = "eu-west-2";
  EXPECT_EQ(ok(v).region, "eu-west-2");
  v["AWS_REGION"] = "eu-west-1";
  EXPECT_EQ(ok(v).region, "eu-west-1");
  ConfigOverrides o;
  o.region = "ap-south-1";
  EXPECT_EQ(ok(v, o).region, "ap-south-1");
}

TEST_F(ConfigTest, NoRegionSaysHowToSetOne) {
  Vars v = env_keys();
  v.erase("AWS_REGION");
  Error e = fails(v);
  EXPECT_EQ(e.code, "NoRegion");
  EXPECT_EQ(e.category, ErrorCategory::Config);
  EXPECT_NE(e.message.find("AWS_REGION"), std::string::npos);
  EXPECT_NE(e.message.find("region = "), std::string::npos);
  EXPECT_NE(e.message.find("[default] in ~/.aws/config"), std::string::npos);
  EXPECT_NE(e.message.find("--region"), std::string::npos);
}

TEST_F(ConfigTest, InvalidRegionIsRejected) {
  Vars v = env_keys();
  v["AWS_REGION"] = "us-east-1/evil";
  EXPECT_EQ(fails(v).code, "InvalidRegion");
}

TEST_F(ConfigTest, EmptyVariablesCountAsUnset) {
  config("[default]\nregion = eu-north-1\n");
  Vars v = env_keys();
  v["AWS_REGION"] = "";
  v["AWS_PROFILE"] = "";
  auto c = ok(v);
  EXPECT_EQ(c.region, "eu-north-1");
  EXPECT_EQ(c.profile, "default");
}

TEST_F(ConfigTest, ProfileFromEnvironmentWithFileCredentials) {
  config("[profile dev]\nregion = eu-west-1\n");
  credentials("[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = SKDEV\naws_session_token = TDEV\n");
  auto c = ok({{"AWS_PROFILE", "dev"}});
  EXPECT_EQ(c.profile, "dev");
  EXPECT_EQ(c.region, "eu-west-1");
  EXPECT_EQ(c.credentials.access_key_id, "AKDEV");
  EXPECT_EQ(c.credentials.session_token, "TDEV");
  EXPECT_EQ(c.credentials.source, "shared-credentials-file");
}

TEST_F(ConfigTest, AwsProfileBeatsAwsDefaultProfile) {
  config("[profile a]\nregion = r-a-1\n[profile b]\nregion = r-b-1\n");
  credentials("[b]\naws_access_key_id = AKB\naws_secret_access_key = SKB\n");
  Vars v = env_keys();
  v.erase("AWS_REGION");
  v["AWS_DEFAULT_PROFILE"] = "b";
  EXPECT_EQ(ok(v).profile, "b");
  EXPECT_EQ(ok(v).region, "r-b-1");
  v["AWS_PROFILE"] = "a";
  EXPECT_EQ(ok(v).profile, "a");
  ConfigOverrides o;
  o.profile = "b";
  EXPECT_EQ(ok(v, o).profile, "b");
}

TEST_F(ConfigTest, EnvironmentKeysBeatProfileChosenByAwsProfile) {
  credentials("[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = SKDEV\n");
  Vars v = env_keys();
  v["AWS_PROFILE"] = "dev";
  EXPECT_EQ(ok(v).credentials.access_key_id, "AKENV");
}

TEST_F(ConfigTest, ExplicitProfileIgnoresEnvironmentKeys) {
  credentials("[dev]\naws_access_key_id = AKDEV\naws_secret_access_key = SKDEV\n");
  ConfigOverrides o;
  o.profile = "dev";
  auto c = ok(env_keys(), o);
  EXPECT_EQ(c.credentials.access_key_id, "AKDEV");
  EXPECT_EQ(c.credentials.source, "shared-credentials-file");
}

TEST_F(ConfigTest, ExplicitProfileWithoutKeysDoesNotFallBackToEnvironment) {
  config("[profile empty]\nregion = us-east-2\n");
  ConfigOverrides o;
  o.profile = "empty";
  Error e = fails(env_keys(), o);
  EXPECT_EQ(e.code, "NoCredentials");
  EXPECT_NE(e.message.find("profile 'empty'"), std::string::npos);
  EXPECT_NE(e.message.find("AWS_ACCESS_KEY_ID"), std::string::npos);
  EXPECT_NE(e.message.find("~/.aws/credentials"), std::string::npos);
  EXPECT_NE(e.message.find("[profile empty] in ~/.aws/config"), std::string::npos);
}

TEST_F(ConfigTest, OverrideCredentialsWinOverEverything) {
  credentials("[default]\naws_access_key_id = AKFILE\naws_secret_access_key = SKFILE\n");
  ConfigOverrides o;
  o.access_key_id = "AKX";
  o.secret_access_key = "SKX";
  o.session_token = "TX";
  auto c = ok(env_keys(), o);
  EXPECT_EQ(c.credentials.access_key_id, "AKX");
  EXPECT_EQ(c.credentials.session_token, "TX");
  EXPECT_EQ(c.credentials.source, "explicit");
}

TEST_F(ConfigTest, PartialCredentialsAreErrors) {
  ConfigOverrides o;
  o.access_key_id = "AKX";
  EXPECT_EQ(fails(env_keys(), o).code, "PartialCredentials");

  Error env = fails({{"AWS_ACCESS_KEY_ID", "AK"}, {"AWS_REGION", "us-east-1"}});
  EXPECT_EQ(env.code, "PartialCredentials");
  EXPECT_NE(env.message.find("AWS_SECRET_ACCESS_KEY"), std::string::npos);

  credentials("[default]\naws_access_key_id = AK\n");
  Error file = fails({{"AWS_REGION", "us-east-1"}});
  EXPECT_EQ(file.code, "PartialCredentials");
  EXPECT_NE(file.message.find("aws_secret_access_key"), std::string::npos);
}

TEST_F(ConfigTest, SecretAloneInEnvironmentIsIgnored) {
  credentials("[default]\naws_access_key_id = AKFILE\naws_secret_access_key = SKFILE\n");
  auto c = ok({{"AWS_SECRET_ACCESS_KEY", "SK"}, {"AWS_REGION", "us-east-1"}});
  EXPECT_EQ(c.credentials.access_key_id, "AKFILE");
}

TEST_F(ConfigTest, CredentialsFileBeatsCredentialProcessBeatsConfigFile) {
  std::string script = dir_.write("proc.sh",
                                  "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKPROC\", "
                                  "\"SecretAccessKey\": \"SKPROC\"}'\n",
                                  true);
  config("[default]\nregion = us-east-1\naws_access_key_id = AKCFG\naws_secret_access_key = SKCFG\n"
         "credential_process = " + script + "\n");
  credentials("[default]\naws_access_key_id = AKFILE\naws_secret_access_key = SKFILE\n");
  EXPECT_EQ(ok({}).credentials.source, "shared-credentials-file");

  credentials("");
  auto from_process = ok({});
  EXPECT_EQ(from_process.credentials.access_key_id, "AKPROC");
  EXPECT_EQ(from_process.credentials.source, "custom-process");

  config("[default]\nregion = us-east-1\naws_access_key_id = AKCFG\naws_secret_access_key = SKCFG\n"
         "aws_session_token = TCFG\n");
  auto from_config = ok({});
  EXPECT_EQ(from_config.credentials.access_key_id, "AKCFG");
  EXPECT_EQ(from_config.credentials.session_token, "TCFG");
  EXPECT_EQ(from_config.credentials.source, "config-file");
}

TEST_F(ConfigTest, CredentialProcessMayLiveInCredentialsFile) {
  std::string script = dir_.write("p.sh",
                                  "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"A\", "
                                  "\"SecretAccessKey\": \"S\"}'\n",
                                  true);
  credentials("[default]\ncredential_process = " + script + "\n");
  EXPECT_EQ(ok({{"AWS_REGION", "us-east-1"}}).credentials.source, "custom-process");
}

TEST_F(ConfigTest, CredentialsFileSettingsOverrideConfigFileSettings) {
  config("[profile p]\nregion = us-west-1\n");
  credentials("[p]\nregion = us-west-2\naws_access_key_id = A\naws_secret_access_key = S\n");
  EXPECT_EQ(ok({{"AWS_PROFILE", "p"}}).region, "us-west-2");
}

TEST_F(ConfigTest, UnknownProfileNamesProfileAndFiles) {
  config("[profile other]\n");
  Vars v = env_keys();
  v["AWS_PROFILE"] = "nope";
  Error e = fails(v);
  EXPECT_EQ(e.code, "ProfileNotFound");
  EXPECT_NE(e.message.find("(nope)"), std::string::npos);
  EXPECT_NE(e.message.find("~/.aws/config"), std::string::npos);
  EXPECT_NE(e.message.find("~/.aws/credentials"), std::string::npos);
  EXPECT_NE(e.message.find("[profile nope]"), std::string::npos);
}

TEST_F(ConfigTest, SectionWithoutProfilePrefixIsNotAProfileInConfigFile) {
  config("[dev]\nregion = us-east-1\n");
  Vars v = env_keys();
  v["AWS_PROFILE"] = "dev";
  EXPECT_EQ(fails(v).code, "ProfileNotFound");
}

TEST_F(ConfigTest, MissingDefaultProfileIsFine) {
  config("[profile other]\nregion = x-1\n");
  EXPECT_EQ(ok(env_keys()).profile, "default");
}

TEST_F(ConfigTest, QuotedProfileNameAndProfileDefault) {
  config("[profile \"my team\"]\nregion = ca-central-1\n[profile default]\nregion = sa-east-1\n");
  Vars v = env_keys();
  v.erase("AWS_REGION");
  EXPECT_EQ(ok(v).region, "sa-east-1");
  v["AWS_PROFILE"] = "my team";
  EXPECT_EQ(ok(v).region, "ca-central-1");
}

TEST_F(ConfigTest, FileLocationsFromEnvironmentWithExpansion) {
  dir_.write("elsewhere/cfg", "[profile x]\nregion = me-south-1\n");
  dir_.write("elsewhere/creds", "[x]\naws_access_key_id = AKX\naws_secret_access_key = SKX\n");
  auto c = ok({{"AWS_CONFIG_FILE", "~/elsewhere/cfg"},
               {"AWS_SHARED_CREDENTIALS_FILE", "${BASE}/elsewhere/creds"},
               {"BASE", dir_.path()},
               {"AWS_PROFILE", "x"}});
  EXPECT_EQ(c.region, "me-south-1");
  EXPECT_EQ(c.credentials.access_key_id, "AKX");
}

TEST_F(ConfigTest, MissingFilesAreEmpty) {
  auto c = ok({{"AWS_CONFIG_FILE", "/nonexistent/cfg"}, {"AWS_ACCESS_KEY_ID", "A"},
               {"AWS_SECRET_ACCESS_KEY", "S"}, {"AWS_REGION", "us-east-1"}});
  EXPECT_EQ(c.credentials.source, "env");
}

TEST_F(ConfigTest, MalformedConfigNamesFileAndLine) {
  config("[default]\nregion = us-east-1\n\n# comment\n[profile a]\noutput = json\nthis is wrong\n");
  Error e = fails(env_keys());
  EXPECT_EQ(e.code, "ConfigParseError");
  EXPECT_EQ(e.category, ErrorCategory::Config);
  EXPECT_EQ(e.message.rfind("~/.aws/config:7: ", 0), 0u) << e.message;
}

TEST_F(ConfigTest, MalformedFileFromVariableShowsPathAsGiven) {
  std::string path = dir_.write("custom-creds", "aws_access_key_id = x\n");
  Error e = fails({{"AWS_SHARED_CREDENTIALS_FILE", path}, {"AWS_REGION", "us-east-1"}});
  EXPECT_EQ(e.message.rfind(path + ":1: ", 0), 0u) << e.message;
}

TEST_F(ConfigTest, EndpointPrecedence) {
  config("[default]\nregion = us-east-1\nendpoint_url = http://profile:1\nservices = local\n"
         "[services local]\nec2 =\n  endpoint_url = http://services:2\n");
  Vars v = env_keys();
  EXPECT_EQ(ok(v).endpoint_url, "http://services:2");
  v["AWS_ENDPOINT_URL"] = "http://global:3";
  EXPECT_EQ(ok(v).endpoint_url, "http://global:3");
  v["AWS_ENDPOINT_URL_EC2"] = "http://ec2:4";
  EXPECT_EQ(ok(v).endpoint_url, "http://ec2:4");
  ConfigOverrides o;
  o.endpoint_url = "http://override:5";
  EXPECT_EQ(ok(v, o).endpoint_url, "http://override:5");
  v["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
  EXPECT_EQ(ok(v).endpoint_url, "https://ec2.us-east-1.amazonaws.com");
  EXPECT_EQ(ok(v, o).endpoint_url, "http://override:5");
}

TEST_F(ConfigTest, ProfileEndpointWithoutServicesSection) {
  config("[default]\nregion = us-east-1\nendpoint_url = http://127.0.0.1:4566\n");
  EXPECT_EQ(ok(env_keys()).endpoint_url, "http://127.0.0.1:4566");
}

TEST_F(ConfigTest, InvalidEndpointIsRejected) {
  Vars v = env_keys();
  v["AWS_ENDPOINT_URL"] = "localhost:5000";
  Error e = fails(v);
  EXPECT_EQ(e.code, "InvalidEndpoint");
  EXPECT_NE(e.message.find("localhost:5000"), std::string::npos);
}

TEST_F(ConfigTest, DefaultEndpoints) {
  EXPECT_EQ(default_endpoint("eu-central-1"), "https://ec2.eu-central-1.amazonaws.com");
  EXPECT_EQ(default_endpoint("cn-north-1"), "https://ec2.cn-north-1.amazonaws.com.cn");
  Vars v = env_keys();
  v["AWS_REGION"] = "cn-northwest-1";
  EXPECT_EQ(ok(v).endpoint_url, "https://ec2.cn-northwest-1.amazonaws.com.cn");
}

TEST_F(ConfigTest, CaBundlePrecedence) {
  config("[default]\nca_bundle = ~/corp.pem\n");
  Vars v = env_keys();
  EXPECT_EQ(ok(v).ca_bundle, dir_.path() + "/corp.pem");
  v["AWS_CA_BUNDLE"] = "/etc/env.pem";
  EXPECT_EQ(ok(v).ca_bundle, "/etc/env.pem");
  ConfigOverrides o;
  o.ca_bundle = "/etc/flag.pem";
  EXPECT_EQ(ok(v, o).ca_bundle, "/etc/flag.pem");
}

TEST_F(ConfigTest, RetrySettingsPrecedence) {
  config("[default]\nmax_attempts = 7\nretry_mode = adaptive\n");
  Vars v = env_keys();
  EXPECT_EQ(ok(v).max_attempts, 7);
  EXPECT_EQ(ok(v).retry_mode, RetryMode::Adaptive);
  v["AWS_MAX_ATTEMPTS"] = "2";
  v["AWS_RETRY_MODE"] = "legacy";
  EXPECT_EQ(ok(v).max_attempts, 2);
  EXPECT_EQ(ok(v).retry_mode, RetryMode::Legacy);
  ConfigOverrides o;
  o.max_attempts = 9;
  o.retry_mode = RetryMode::Standard;
  EXPECT_EQ(ok(v, o).max_attempts, 9);
  EXPECT_EQ(ok(v, o).retry_mode, RetryMode::Standard);
}

TEST_F(ConfigTest, LegacyModeDefaultsToFiveAttempts) {
  Vars v = env_keys();
  v["AWS_RETRY_MODE"] = "legacy";
  EXPECT_EQ(ok(v).max_attempts, 5);
}

TEST_F(ConfigTest, InvalidRetrySettings) {
  Vars v = env_keys();
  v["AWS_MAX_ATTEMPTS"] = "three";
  Error e = fails(v);
  EXPECT_EQ(e.code, "InvalidMaxAttempts");
  EXPECT_NE(e.message.find("AWS_MAX_ATTEMPTS"), std::string::npos);
  v["AWS_MAX_ATTEMPTS"] = "0";
  EXPECT_EQ(fails(v).code, "InvalidMaxAttempts");
  v.erase("AWS_MAX_ATTEMPTS");
  v["AWS_RETRY_MODE"] = "aggressive";
  EXPECT_EQ(fails(v).code, "InvalidRetryMode");
  ConfigOverrides o;
  o.max_attempts = 0;
  v.erase("AWS_RETRY_MODE");
  EXPECT_EQ(fails(v, o).code, "InvalidMaxAttempts");
}

TEST_F(ConfigTest, RoleArnComesBeforeTheProfilesOwnKeys) {
  // Like the CLI, the assume-role provider is asked before the credentials file; the role's
  // source profile is looked up (and here it does not exist).
  config("[profile admin]\nregion = us-east-1\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n");
  credentials("[admin]\naws_access_key_id = A\naws_secret_access_key = S\n");
  Error e = fails({{"AWS_PROFILE", "admin"}});
  EXPECT_EQ(e.code, "InvalidConfig");
  EXPECT_EQ(e.message, "The source_profile \"default\" referenced in the profile \"admin\" does not exist.");
}

TEST_F(ConfigTest, SsoProfileWithoutItsSessionSectionIsAnError) {
  config("[profile sso]\nregion = us-east-1\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n");
  Error e = fails({{"AWS_PROFILE", "sso"}});
  EXPECT_EQ(e.code, "InvalidConfig");
  EXPECT_EQ(e.message, "The specified sso-session does not exist: \"corp\"");
}

TEST_F(ConfigTest, NoCredentialsOverrideSkipsCredentialLookup) {
  ConfigOverrides o;
  o.no_credentials = true;
  auto c = ok({{"AWS_REGION", "us-east-1"}}, o);
  EXPECT_TRUE(c.credentials.access_key_id.empty());
  EXPECT_EQ(c.credentials.source, "none");
}

TEST_F(ConfigTest, NothingConfiguredAtAll) {
  Error e = fails({{"AWS_REGION", "us-east-1"}});
  EXPECT_EQ(e.code, "NoCredentials");
  EXPECT_NE(e.message.find("profile 'default'"), std::string::npos);
  for (const char* place : {"AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE", "role_arn", "sso_session",
                            "credential_process", "~/.aws/config", "~/.aws/credentials"}) {
    EXPECT_NE(e.message.find(place), std::string::npos) << place << " in " << e.message;
  }
}

TEST(MapEnvironment, GetAndHome) {
  MapEnvironment env({{"A", "1"}}, "/home/u");
  EXPECT_EQ(env.get("A"), "1");
  EXPECT_EQ(env.get("B"), std::nullopt);
  EXPECT_EQ(env.home(), "/home/u");
}

TEST(ProcessEnvironment, ReadsRealVariables) {
  ::setenv("EC2_AUTH_TEST_VAR", "value", 1);
  EXPECT_EQ(process_environment().get("EC2_AUTH_TEST_VAR"), "value");
  ::unsetenv("EC2_AUTH_TEST_VAR");
  EXPECT_EQ(process_environment().get("EC2_AUTH_TEST_VAR"), std::nullopt);
  EXPECT_FALSE(process_environment().home().empty());
}

}  // namespace
}  // namespace ec2
