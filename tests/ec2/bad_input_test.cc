// Each bad input gets its own one-line message and exit code, and changes nothing.
#include <fstream>

#include "ec2/ops/keypairs.h"
#include "fixture.h"

namespace ec2::test {
namespace {

using BadInput = Ec2Test;

/// The last non-empty line of `text`.
std::string last_line(const std::string& text) {
  auto end = text.find_last_not_of('\n');
  if (end == std::string::npos) return "";
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

void expect_error(const RunResult& r, int code, const std::string& fragment) {
  EXPECT_EQ(r.exit_code, code) << r.err;
  EXPECT_NE(r.err.find(fragment), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(BadInput, NoRegion) {
  ec2_.env().erase("AWS_REGION");
  auto r = ec2({});
  expect_error(r, 1, "region");
  EXPECT_TRUE(last_line(r.err).starts_with("ec2: ")) << r.err;
}

TEST_F(BadInput, NoCredentials) {
  ec2_.env().erase("AWS_ACCESS_KEY_ID");
  ec2_.env().erase("AWS_SECRET_ACCESS_KEY");
  expect_error(ec2({}), 1, "Unable to locate credentials");
}

TEST_F(BadInput, DebugNamesTheCredentialProviderButNoSecret) {
  auto r = ec2({"--debug", "-i"});
  EXPECT_NE(r.err.find("credentials from env: AWS_ACCESS_KEY_ID"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(ec2_.env()["AWS_SECRET_ACCESS_KEY"]), std::string::npos) << r.err;
  for (size_t at = r.err.find("Signature="); at != std::string::npos; at = r.err.find("Signature=", at + 1)) {
    EXPECT_EQ(r.err.substr(at, 20), "Signature=<redacted>") << r.err;
  }
}

TEST_F(BadInput, UnknownProfile) {
  auto r = ec2({"-p", "no-such-profile"});
  expect_error(r, 1, "no-such-profile");
  EXPECT_FALSE(read_file(ec2_.key_file(key_)));
}

TEST_F(BadInput, UnknownAmiName) {
  auto r = ec2({"--ami", "no-such-image-name"});
  expect_error(r, 1, "No image named 'no-such-image-name' (owner amazon) in region us-east-1");
  EXPECT_TRUE(owned_instances(ec2_.aws(), key_).empty());
  EXPECT_FALSE(key_pair(ec2_.aws(), key_));
  auto pattern = ec2({"--ami", "nothing-like-this-*"});
  expect_error(pattern, 1, "No image matching 'nothing-like-this-*'");
}

TEST_F(BadInput, InvalidInstanceType) {
  auto r = ec2({"-t", "t2.enormous"});
  expect_error(r, 1, "instance type 't2.enormous' is not available in region us-east-1");
  EXPECT_NE(r.err.find("InvalidParameterValue"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(request "), std::string::npos) << r.err;
  EXPECT_TRUE(owned_instances(ec2_.aws(), key_).empty());
  EXPECT_FALSE(key_pair(ec2_.aws(), key_)) << "checked before anything is created";
  EXPECT_FALSE(security_group(ec2_.aws(), key_));
  expect_error(ec2({"-t", "enormous"}), 2, "invalid instance type 'enormous'");
}

TEST_F(BadInput, UnwritableKeyDirectory) {
  std::ofstream(ec2_.key_dir() + ".file") << "not a directory";
  ec2_.env()["EC2_KEY_DIR"] = ec2_.key_dir() + ".file/keys";
  expect_error(ec2({}), 1, "Key directory " + ec2_.key_dir() + ".file/keys is not usable");
  EXPECT_FALSE(key_pair(ec2_.aws(), key_));
}

TEST_F(BadInput, Timeout) {
  auto r = ec2({"--timeout", "1"}, /*fast_forward=*/false);
  expect_error(r, 1, "Timed out");
  EXPECT_NE(r.err.find("--timeout"), std::string::npos);
  // The instance was made; a later run picks it up instead of making another.
  auto again = ec2({});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(instances_with_key(ec2_.aws(), key_).size(), 1u);
}

TEST_F(BadInput, UsageErrorsExitTwo) {
  expect_error(ec2({"-s", "-r"}), 2, "ec2: ");
  expect_error(ec2({"--bogus"}), 2, "ec2: ");
  expect_error(ec2({"--ssh-cidr", "1.2.3.4"}), 2, "invalid --ssh-cidr");
  expect_error(ec2_.run({"-k", "../escape"}, false), 2, "invalid key name");
}

TEST_F(BadInput, KeyPairWithoutLocalFileStopsWithAdvice) {
  ASSERT_EQ(ec2({}).exit_code, 0);
  ASSERT_EQ(std::remove(ec2_.key_file(key_).c_str()), 0);
  auto r = ec2({});
  expect_error(r, 1, "its private key " + ec2_.key_file(key_) + " is missing");
  EXPECT_NE(r.err.find("ec2 -r -k " + key_), std::string::npos);
  // -r still cleans up, and then all is fresh again.
  EXPECT_EQ(ec2({"-r"}).exit_code, 0);
  EXPECT_EQ(ec2({}).exit_code, 0);
  expect_one_instance_and_matching_key();
}

TEST_F(BadInput, KeyPairWithDifferentLocalKeyStopsWithAdvice) {
  auto other = cli::generate_key(cli::KeyType::Ed25519, "other");
  ASSERT_TRUE(other);
  ImportKeyPairRequest request;
  request.key_name = key_;
  request.public_key_material = other->public_key_line;
  ASSERT_TRUE(import_key_pair(ec2_.aws(), request));
  auto local = cli::generate_key(cli::KeyType::Ed25519, key_);
  std::filesystem::create_directories(ec2_.key_dir());
  std::ofstream(ec2_.key_file(key_)) << local->private_key_file;
  auto r = ec2({});
  expect_error(r, 1, "is not the key in " + ec2_.key_file(key_));
  EXPECT_TRUE(owned_instances(ec2_.aws(), key_).empty());
  // -r leaves a key pair it did not make alone.
  auto removed = ec2({"-r"});
  EXPECT_EQ(removed.exit_code, 0);
  EXPECT_TRUE(key_pair(ec2_.aws(), key_));
}

TEST_F(BadInput, HelpAndVersion) {
  auto help = ec2({"--help"}, false);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--remove"), std::string::npos);
  auto version = ec2({"--version"}, false);
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "ec2 0.1.0\n");
}

}  // namespace
}  // namespace ec2::test
