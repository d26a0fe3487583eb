#include "options.h"

#include <gtest/gtest.h>

namespace ec2::cli {
namespace {

ParseOutcome parse(std::vector<std::string> args) {
  std::vector<const char*> argv{"ec2"};
  for (auto& a : args) argv.push_back(a.c_str());
  return parse_options(static_cast<int>(argv.size()), argv.data());
}

TEST(Options, DefaultsMatchEc2Py) {
  auto r = parse({});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->command, Command::Ensure);
  EXPECT_EQ(r.options->key, "ec2.py");
  EXPECT_EQ(r.options->instance_type, "t2.nano");
  EXPECT_EQ(r.options->ami, kDefaultAmi);
  EXPECT_EQ(r.options->key_type, KeyType::Ed25519);
  EXPECT_EQ(r.options->timeout.count(), 900);
}

TEST(Options, ShortAndLongFormsOfEveryEc2PyFlag) {
  auto r = parse({"-s", "-v", "-p", "prof", "-k", "mykey", "-t", "t3.micro", "-d"});
  ASSERT_TRUE(r.options) << r.err;
  EXPECT_EQ(r.options->command, Command::Stop);
  EXPECT_TRUE(r.options->verbose);
  EXPECT_EQ(r.options->profile, "prof");
  EXPECT_EQ(r.options->key, "mykey");  // -t does not overwrite the key name
  EXPECT_EQ(r.options->instance_type, "t3.micro");
  EXPECT_TRUE(r.options->dry_run);
  auto l = parse({"--remove", "--verbose", "--profile", "p", "--key", "k", "--type", "m5.large",
                  "--dry-run"});
  ASSERT_TRUE(l.options) << l.err;
  EXPECT_EQ(l.options->command, Command::Remove);
  EXPECT_EQ(l.options->key, "k");
  EXPECT_EQ(parse({"-i"}).options->command, Command::Info);
  EXPECT_EQ(parse({"--info"}).options->command, Command::Info);
}

TEST(Options, NewFlags) {
  auto r = parse({"--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:1", "--ami", "al2023",
                  "--key-dir", "/k", "--ssh-cidr", "10.0.0.0/8", "--user-data", "u.sh", "--no-wait",
                  "--timeout", "10m", "--debug", "--key-type", "rsa"});
  ASSERT_TRUE(r.options) << r.err;
  EXPECT_EQ(r.options->region, "eu-west-1");
  EXPECT_EQ(r.options->endpoint_url, "http://127.0.0.1:1");
  EXPECT_EQ(r.options->ami, "al2023");
  EXPECT_EQ(r.options->key_dir, "/k");
  EXPECT_EQ(r.options->ssh_cidr, "10.0.0.0/8");
  EXPECT_EQ(r.options->user_data_file, "u.sh");
  EXPECT_TRUE(r.options->no_wait);
  EXPECT_EQ(r.options->timeout.count(), 600);
  EXPECT_TRUE(r.options->debug);
  EXPECT_EQ(r.options->key_type, KeyType::Rsa);
  auto j = parse({"-i", "--json"});
  ASSERT_TRUE(j.options);
  EXPECT_TRUE(j.options->json);
}

TEST(Options, SshTakesARemoteCommandAfterDoubleDash) {
  auto r = parse({"--ssh", "--", "uname", "-a"});
  ASSERT_TRUE(r.options) << r.err;
  EXPECT_EQ(r.options->command, Command::Ssh);
  EXPECT_EQ(r.options->ssh_command, (std::vector<std::string>{"uname", "-a"}));
  EXPECT_EQ(parse({"--", "uname"}).exit_code, kExitUsage);
}

TEST(Options, HelpAndVersionExitZeroOnStdout) {
  auto h = parse({"--help"});
  EXPECT_FALSE(h.options);
  EXPECT_EQ(h.exit_code, kExitOk);
  EXPECT_NE(h.out.find("--ssh-cidr"), std::string::npos);
  EXPECT_NE(h.out.find("Exit codes"), std::string::npos);
  auto v = parse({"--version"});
  EXPECT_EQ(v.exit_code, kExitOk);
  EXPECT_EQ(v.out, "ec2 0.1.0\n");
}

TEST(Options, UsageErrorsExitTwoWithOneClearLine) {
  for (auto args : std::vector<std::vector<std::string>>{
           {"-s", "-r"}, {"-i", "--ssh"}, {"--bogus"}, {"-t", "nano"}, {"-t", "T2.NANO"},
           {"--ssh-cidr", "1.2.3.4"}, {"--ssh-cidr", "1.2.3.4/33"}, {"--timeout", "soon"},
           {"--timeout", "0"}, {"--json"}, {"--key-type", "dsa"}, {"-k"}}) {
    auto r = parse(args);
    EXPECT_FALSE(r.options) << args[0];
    EXPECT_EQ(r.exit_code, kExitUsage) << args[0];
    EXPECT_TRUE(r.err.starts_with("ec2: ")) << r.err;
  }
  EXPECT_NE(parse({"-t", "nano"}).err.find("invalid instance type 'nano'"), std::string::npos);
}

TEST(Validators, InstanceTypeCidrDuration) {
  EXPECT_EQ(validate_instance_type("t2.nano"), "");
  EXPECT_EQ(validate_instance_type("u-6tb1.metal"), "");
  EXPECT_NE(validate_instance_type("t2."), "");
  EXPECT_NE(validate_instance_type("t2.nano.x"), "");
  EXPECT_EQ(validate_cidr("0.0.0.0/0"), "");
  EXPECT_NE(validate_cidr("300.1.1.1/32"), "");
  EXPECT_EQ(parse_duration("90")->count(), 90);
  EXPECT_EQ(parse_duration("2h")->count(), 7200);
  EXPECT_FALSE(parse_duration("5d"));
  EXPECT_FALSE(parse_duration(""));
}

}  // namespace
}  // namespace ec2::cli
