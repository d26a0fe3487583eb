// Recognising the key: on endpoints that fingerprint keys otherwise than AWS, or return no public
// key, `ec2` still knows its own key pair (by the public key, else by every fingerprint form EC2
// has used) and still refuses another key.
#include <filesystem>
#include <fstream>
#include <ostream>

#include "ec2/ops/keypairs.h"
#include "fixture.h"

namespace ec2::test {
namespace {

/// An emulator imitating one kind of endpoint.
struct Endpoint {
  std::string name;
  std::vector<std::string> args;
};

void PrintTo(const Endpoint& endpoint, std::ostream* os) { *os << endpoint.name; }

const std::vector<Endpoint> kEndpoints = {
    {"aws", {}},
    {"hex_fingerprints", {"--key-fingerprints", "hex"}},
    {"md5_fingerprints", {"--key-fingerprints", "md5"}},
    {"no_public_key", {"--no-public-key"}},
    {"hex_fingerprints_no_public_key", {"--key-fingerprints", "hex", "--no-public-key"}},
};

class OnEndpoint : public Ec2Test, public ::testing::WithParamInterface<Endpoint> {
 protected:
  OnEndpoint() : Ec2Test(GetParam().args) {}

  /// Imports `key` by hand (no ownership tag) as the key pair, as someone else would.
  void import_by_hand(const cli::KeyMaterial& key) {
    ImportKeyPairRequest request;
    request.key_name = key_;
    request.public_key_material = key.public_key_line;
    auto imported = import_key_pair(ec2_.aws(), request);
    ASSERT_TRUE(imported) << to_string(imported.error());
  }
  /// Writes `key` as the local key file.
  void write_local(const cli::KeyMaterial& key) {
    std::filesystem::create_directories(ec2_.key_dir());
    std::ofstream(ec2_.key_file(key_)) << key.private_key_file;
  }
  bool public_key_returned() const { return GetParam().name.find("no_public_key") == std::string::npos; }
};

TEST_P(OnEndpoint, TheSecondRunRecognisesItsKey) {
  auto first = ec2({});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::string id = *the_instance().instance_id;
  auto pair = key_pair(ec2_.aws(), key_);
  ASSERT_TRUE(pair);
  EXPECT_EQ(pair->public_key.has_value(), public_key_returned());
  auto second = ec2({});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(*the_instance().instance_id, id);
  ec2_.env()["EC2_SSH"] = "/bin/echo";
  auto ssh = ec2({"--ssh", "--", "true"});
  EXPECT_EQ(ssh.exit_code, 0) << ssh.err;
  EXPECT_NE(ssh.out.find("-i " + ec2_.key_file(key_)), std::string::npos) << ssh.out;
  expect_one_instance_and_matching_key();
}

TEST_P(OnEndpoint, AnRsaKeyIsRecognisedToo) {
  auto first = ec2({"--key-type", "rsa"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto second = ec2({});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  expect_one_instance_and_matching_key();
}

TEST_P(OnEndpoint, AnotherKeyIsRefusedAndLeftAlone) {
  auto other = cli::generate_key(cli::KeyType::Ed25519, "other");
  auto local = cli::generate_key(cli::KeyType::Ed25519, key_);
  ASSERT_TRUE(other && local);
  ASSERT_NO_FATAL_FAILURE(import_by_hand(*other));
  write_local(*local);
  auto r = ec2({});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("is not the key in " + ec2_.key_file(key_)), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ec2 -r -k " + key_), std::string::npos) << r.err;
  EXPECT_TRUE(owned_instances(ec2_.aws(), key_).empty());
  auto removed = ec2({"-r"});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_NE(removed.err.find("was not created by ec2 and does not match"), std::string::npos) << removed.err;
  EXPECT_TRUE(key_pair(ec2_.aws(), key_)) << "another's key pair stays";
  EXPECT_EQ(read_file(ec2_.key_file(key_)), local->private_key_file) << "and so does the local file";
}

TEST_P(OnEndpoint, RemoveDeletesAnUntaggedKeyPairOfTheLocalKeyAndTheFile) {
  for (cli::KeyType type : {cli::KeyType::Ed25519, cli::KeyType::Rsa}) {
    SCOPED_TRACE(std::string(cli::to_string(type)));
    auto local = cli::generate_key(type, key_, 2048);
    ASSERT_TRUE(local);
    ASSERT_NO_FATAL_FAILURE(import_by_hand(*local));
    write_local(*local);
    auto removed = ec2({"-r"});
    EXPECT_EQ(removed.exit_code, 0) << removed.err;
    EXPECT_EQ(removed.out, "Removed key pair " + key_ + " and key file " + ec2_.key_file(key_) + ".\n");
    expect_nothing_left();
  }
}

TEST_P(OnEndpoint, AKeyFileSavedFromCreateKeyPairIsRecognised) {
  for (std::string type : {"rsa", "ed25519"}) {
    SCOPED_TRACE(type);
    CreateKeyPairRequest request;
    request.key_name = key_;
    request.key_type = type;
    auto created = create_key_pair(ec2_.aws(), request);
    ASSERT_TRUE(created && created->key_material) << (created ? "no key material" : to_string(created.error()));
    std::filesystem::create_directories(ec2_.key_dir());
    std::ofstream(ec2_.key_file(key_)) << *created->key_material << "\n";
    auto removed = ec2({"-r"});
    EXPECT_EQ(removed.exit_code, 0) << removed.err;
    EXPECT_EQ(removed.out, "Removed key pair " + key_ + " and key file " + ec2_.key_file(key_) + ".\n");
    expect_nothing_left();
  }
}

INSTANTIATE_TEST_SUITE_P(Endpoints, OnEndpoint, ::testing::ValuesIn(kEndpoints),
                         [](const auto& info) { return info.param.name; });

/// An endpoint without public keys whose fingerprints are in no form EC2 uses: the key cannot be
/// recognised, so even the right key is refused (never an instance with a key we may not hold).
class UnrecognisableFingerprints : public Ec2Test {
 protected:
  UnrecognisableFingerprints() : Ec2Test({"--key-fingerprints", "md5", "--no-public-key"}) {}
};

TEST_F(UnrecognisableFingerprints, TheKeyIsRefusedWithTheFingerprintsShown) {
  auto first = ec2({});
  ASSERT_EQ(first.exit_code, 0) << first.err << "the first run imports the key and needs no match";
  auto pair = key_pair(ec2_.aws(), key_);
  auto local = local_key(ec2_.key_file(key_));
  ASSERT_TRUE(pair && pair->key_fingerprint && local);
  auto second = ec2({});
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_NE(second.err.find("Key pair '" + key_ + "' in region us-east-1 (fingerprint " + *pair->key_fingerprint +
                            ") is not the key in " + ec2_.key_file(key_) + " (fingerprint " + local->fingerprint + ")"),
            std::string::npos)
      << second.err;
}

}  // namespace
}  // namespace ec2::test
