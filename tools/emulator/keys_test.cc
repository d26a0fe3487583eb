#include "keys.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>

namespace ec2::emu {
namespace {

constexpr const char* kRsaPublic =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDw+xYK/4/af5iwb053gaZScpijIMrgJcl06R+RGsRUO641rNnyRYO1zYIkVBJ7YDrUPJ85lla"
    "OZ9uSRPBdvB/i6SvBP7oH1jkw0qqrOu5m0qjZfJdu0LtcTwAYEVvTnlZW6avjxpUwDZrDa6vGyGqN/UHbRZe7meWCM8ohKXQ15Q== user@host";
constexpr const char* kEd25519Public =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBNUcoLHsR6upp+TthbBKZgQq93cOGdgTNZhidNwPDSw test";

/// Runs a shell command and returns its standard output.
std::string run(const std::string& command) {
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char buffer[256];
  while (pipe && fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
  return out;
}

std::string temp_file(const std::string& name, const std::string& content) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << content << '\n';
  std::system(("chmod 600 " + path).c_str());
  return path;
}

TEST(Fingerprint, ImportedRsaIsMd5OfDerPublicKey) {
  // Expected value from: openssl pkey -pubout -outform DER | openssl md5 -c
  auto key = import_public_key(kRsaPublic);
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_EQ(key->type, "rsa");
  EXPECT_EQ(key->fingerprint, "c9:b0:e5:93:48:c2:e1:8c:15:5d:e8:66:78:a4:58:2b");
}

TEST(Fingerprint, Ed25519IsPaddedBase64Sha256OfBlob) {
  // ssh-keygen -lf prints SHA256:dQ+9DMv8YJ4wEk7ED7+SwokVyrdjQmdv7aJ4oFil9SA (unpadded).
  auto key = import_public_key(kEd25519Public);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->type, "ed25519");
  EXPECT_EQ(key->fingerprint, "dQ+9DMv8YJ4wEk7ED7+SwokVyrdjQmdv7aJ4oFil9SA=");
}

TEST(Fingerprint, RejectsGarbage) {
  EXPECT_EQ(import_public_key("ssh-rsa not-base64!").error().code, "InvalidKey.Format");
  EXPECT_EQ(import_public_key("hello").error().code, "InvalidKey.Format");
  EXPECT_EQ(import_public_key("ssh-dss AAAAB3NzaC1kc3MAAAA=").error().code, "InvalidKey.Format");
}

TEST(Fingerprint, CreatedRsaIsSha1OfPkcs8PrivateKey) {
  auto key = generate_key("rsa");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->private_key.rfind("-----BEGIN RSA PRIVATE KEY-----", 0), 0u);
  std::string path = temp_file("created_rsa.pem", key->private_key);
  std::string sha1 = run("openssl pkcs8 -topk8 -nocrypt -in " + path + " -outform DER | openssl sha1 -c");
  EXPECT_NE(sha1.find(key->fingerprint), std::string::npos) << sha1;
  std::string pub = run("ssh-keygen -y -f " + path);
  EXPECT_EQ(pub.substr(0, pub.find_last_not_of("\n") + 1), key->public_key);
}

TEST(Fingerprint, CreatedEd25519IsAValidOpenSshKey) {
  auto key = generate_key("ed25519");
  ASSERT_TRUE(key.ok());
  std::string path = temp_file("created_ed25519", key->private_key);
  std::string pub = run("ssh-keygen -y -f " + path);
  EXPECT_EQ(pub.substr(0, key->public_key.size()), key->public_key);
  std::string listed = run("ssh-keygen -lf " + path);
  std::string unpadded = key->fingerprint.substr(0, key->fingerprint.find('='));
  EXPECT_NE(listed.find("SHA256:" + unpadded), std::string::npos) << listed;
}

TEST(Fingerprint, SeededEd25519IsDeterministic) {
  std::string seed(32, 'x');
  auto a = ed25519_from_seed(seed);
  auto b = ed25519_from_seed(seed);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->fingerprint, b->fingerprint);
  EXPECT_EQ(import_public_key(a->public_key)->fingerprint, a->fingerprint);
}

TEST(Fingerprint, OtherFormatsImitateOtherEndpoints) {
  auto ed = import_public_key(kEd25519Public);
  auto rsa = import_public_key(kRsaPublic);
  ASSERT_TRUE(ed.ok() && rsa.ok());
  EXPECT_EQ(fingerprint_in(FingerprintFormat::Aws, ed->fingerprint, ed->public_key), ed->fingerprint);
  // base64 -d <<< AAAAC3… | sha256sum, in pairs.
  EXPECT_EQ(fingerprint_in(FingerprintFormat::Hex, ed->fingerprint, ed->public_key),
            "75:0f:bd:0c:cb:fc:60:9e:30:12:4e:c4:0f:bf:92:c2:89:15:ca:b7:63:42:67:6f:ed:a2:78:a0:58:a5:f5:20");
  EXPECT_EQ(fingerprint_in(FingerprintFormat::Hex, rsa->fingerprint, rsa->public_key), rsa->fingerprint);
  // ssh-keygen -l -E md5 prints MD5:2c:b5:…
  EXPECT_EQ(fingerprint_in(FingerprintFormat::Md5, ed->fingerprint, ed->public_key),
            "2c:b5:db:03:df:0d:d2:46:3b:2c:8e:42:de:9d:f4:81");
  EXPECT_EQ(fingerprint_format("hex"), FingerprintFormat::Hex);
  EXPECT_FALSE(fingerprint_format("sha1"));
}

TEST(Base64, RoundTrip) {
  std::string decoded;
  ASSERT_TRUE(base64_decode(base64_encode("hello, world"), decoded));
  EXPECT_EQ(decoded, "hello, world");
  EXPECT_FALSE(base64_decode("abc", decoded));
}

}  // namespace
}  // namespace ec2::emu
