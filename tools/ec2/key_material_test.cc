#include "key_material.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "ssh_wire.h"

namespace ec2::cli {
namespace {

namespace fs = std::filesystem;

/// Runs a shell command and returns its standard output with the trailing newline removed.
std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ec2-key-test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    auto path = (dir_ / name).string();
    std::ofstream(path) << text;
    chmod(path.c_str(), 0600);
    return path;
  }

  fs::path dir_;
};

TEST(Base64, RoundTripsAllPaddings) {
  for (std::string s : std::vector<std::string>{"", "f", "fo", "foo", "foob", std::string("\0\xff\x10", 3)}) {
    auto decoded = base64_decode(base64_encode(s));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, s);
  }
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_FALSE(base64_decode("abc"));
}

TEST(SshWire, MpintGetsLeadingZeroWhenTopBitSet) {
  SshWriter w;
  w.put_mpint(std::string("\x80\x01", 2));
  EXPECT_EQ(w.bytes(), std::string("\0\0\0\3\0\x80\x01", 7));
  SshReader r(w.bytes());
  EXPECT_EQ(r.get_string(), std::optional<std::string_view>(std::string_view("\0\x80\x01", 3)));
  EXPECT_FALSE(r.get_u32());
}

TEST_F(KeyFileTest, Ed25519FileIsOpenSshFormatThatSshKeygenReads) {
  auto key = generate_key(KeyType::Ed25519, "ec2.py");
  ASSERT_TRUE(key) << to_string(key.error());
  EXPECT_TRUE(key->private_key_file.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----\n"));
  EXPECT_TRUE(key->private_key_file.ends_with("-----END OPENSSH PRIVATE KEY-----\n"));
  EXPECT_TRUE(key->public_key_line.starts_with("ssh-ed25519 AAAA"));
  EXPECT_TRUE(key->public_key_line.ends_with(" ec2.py"));
  auto path = write("ed", key->private_key_file);
  EXPECT_EQ(run("ssh-keygen -y -f " + path), key->public_key_line);
}

TEST_F(KeyFileTest, Ed25519FingerprintIsBase64Sha256OfBlob) {
  auto key = generate_key(KeyType::Ed25519, "x");
  ASSERT_TRUE(key);
  EXPECT_EQ(key->fingerprint.size(), 44u);
  EXPECT_TRUE(key->fingerprint.ends_with("="));
  auto path = write("ed", key->private_key_file);
  std::string listed = run("ssh-keygen -l -E sha256 -f " + path);  // "256 SHA256:xxx x (ED25519)"
  auto start = listed.find("SHA256:");
  ASSERT_NE(start, std::string::npos) << listed;
  std::string ssh_fp = listed.substr(start + 7, listed.find(' ', start) - start - 7);
  EXPECT_EQ(ssh_fp + "=", key->fingerprint);
  ASSERT_EQ(key->fingerprint_digests.size(), 1u);
  EXPECT_EQ(base64_encode(key->fingerprint_digests[0]), key->fingerprint);
}

TEST_F(KeyFileTest, RsaFileIsPemAndFingerprintIsMd5OfDerPublicKey) {
  auto key = generate_key(KeyType::Rsa, "rsa-key", 2048);
  ASSERT_TRUE(key) << to_string(key.error());
  EXPECT_TRUE(key->private_key_file.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
  EXPECT_TRUE(key->public_key_line.starts_with("ssh-rsa AAAA"));
  auto path = write("rsa", key->private_key_file);
  EXPECT_EQ(run("ssh-keygen -y -f " + path) + " rsa-key", key->public_key_line);
  std::string md5 = run("openssl pkey -in " + path + " -pubout -outform DER | openssl md5 -c");
  EXPECT_TRUE(md5.ends_with(key->fingerprint)) << md5 << " vs " << key->fingerprint;
  EXPECT_EQ(key->fingerprint.size(), 47u);
  std::string sha1 = run("openssl pkcs8 -topk8 -nocrypt -in " + path + " -outform DER | openssl sha1 -c");
  ASSERT_EQ(key->fingerprint_digests.size(), 2u) << "MD5 of the public key, SHA-1 of the private key";
  EXPECT_EQ(key->fingerprint_digests[0].size(), 16u);
  EXPECT_EQ(key->fingerprint_digests[1].size(), 20u);
  std::string sha1_hex;
  for (unsigned char c : key->fingerprint_digests[1]) sha1_hex += (sha1_hex.empty() ? "" : ":") + fmt::format("{:02x}", c);
  EXPECT_TRUE(sha1.ends_with(sha1_hex)) << sha1 << " vs " << sha1_hex;
}

TEST(KeyMaterial, ParsingOwnFilesGivesSamePublicKeyAndFingerprint) {
  for (KeyType type : {KeyType::Ed25519, KeyType::Rsa}) {
    auto key = generate_key(type, "c", 2048);
    ASSERT_TRUE(key);
    auto parsed = parse_private_key(key->private_key_file, "c");
    ASSERT_TRUE(parsed) << to_string(parsed.error());
    EXPECT_EQ(parsed->type, type);
    EXPECT_EQ(parsed->public_key_line, key->public_key_line);
    EXPECT_EQ(parsed->fingerprint, key->fingerprint);
    EXPECT_EQ(parsed->fingerprint_digests, key->fingerprint_digests);
  }
}

TEST_F(KeyFileTest, ParsesKeysMadeBySshKeygen) {
  for (std::string type : std::vector<std::string>{"ed25519", "rsa"}) {
    auto path = (dir_ / ("gen-" + type)).string();
    run("ssh-keygen -q -t " + type + " -b 2048 -N '' -C c -f " + path);
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    auto parsed = parse_private_key(text, "c");
    ASSERT_TRUE(parsed) << type << ": " << to_string(parsed.error());
    std::ifstream pub(path + ".pub");
    std::string line;
    std::getline(pub, line);
    EXPECT_EQ(parsed->public_key_line, line);
  }
}

TEST(KeyMaterial, RejectsGarbageAndTamperedKeys) {
  EXPECT_FALSE(parse_private_key("hello"));
  auto key = generate_key(KeyType::Ed25519, "c");
  ASSERT_TRUE(key);
  std::string body;
  std::istringstream lines(key->private_key_file);
  for (std::string line; std::getline(lines, line);)
    if (!line.starts_with("-----")) body += line;
  auto raw = base64_decode(body);
  ASSERT_TRUE(raw);
  // Header (magic, "none", "none", "", count, 51-byte blob, length) is 98 bytes; the seed follows
  // the check words, key type and public key of the private section.
  (*raw)[98 + 8 + 15 + 36 + 4] ^= 1;
  std::string tampered = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + base64_encode(*raw) +
                         "\n-----END OPENSSH PRIVATE KEY-----\n";
  auto parsed = parse_private_key(tampered);
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().message.find("does not match"), std::string::npos);
}

TEST(KeyMaterial, FreshKeysDiffer) {
  auto a = generate_key(KeyType::Ed25519, "c");
  auto b = generate_key(KeyType::Ed25519, "c");
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->fingerprint, b->fingerprint);
}

TEST(CanonicalPublicBlob, IgnoresCommentAndSpacingButNotTheKey) {
  auto key = generate_key(KeyType::Ed25519, "laptop");
  ASSERT_TRUE(key);
  auto blob = canonical_public_blob(key->public_key_line);
  ASSERT_TRUE(blob) << to_string(blob.error());
  std::string bare = key->public_key_line.substr(0, key->public_key_line.rfind(' '));
  EXPECT_EQ(canonical_public_blob(bare).value_or(""), *blob);
  EXPECT_EQ(canonical_public_blob("  " + bare + " other comment\n").value_or(""), *blob);
  auto other = generate_key(KeyType::Ed25519, "laptop");
  ASSERT_TRUE(other);
  EXPECT_NE(canonical_public_blob(other->public_key_line).value_or(*blob), *blob);
}

TEST(CanonicalPublicBlob, RejectsWhatIsNotAPublicKey) {
  auto key = generate_key(KeyType::Ed25519, "c");
  ASSERT_TRUE(key);
  std::string b64 = key->public_key_line.substr(12, key->public_key_line.rfind(' ') - 12);
  EXPECT_FALSE(canonical_public_blob(""));
  EXPECT_FALSE(canonical_public_blob("ssh-ed25519"));
  EXPECT_FALSE(canonical_public_blob("ssh-ed25519 not-base64!"));
  EXPECT_FALSE(canonical_public_blob("ssh-rsa " + b64)) << "type word and blob disagree";
  EXPECT_FALSE(canonical_public_blob("-----BEGIN PUBLIC KEY-----"));
}

TEST(CanonicalPublicBlob, RsaNumbersAreCompared) {
  auto key = generate_key(KeyType::Rsa, "c", 2048);
  ASSERT_TRUE(key);
  auto blob = canonical_public_blob(key->public_key_line);
  ASSERT_TRUE(blob) << to_string(blob.error());
  // The same numbers with a redundant leading zero in the exponent are the same key.
  SshReader r(*blob);
  r.get_string();
  std::string e(*r.get_string()), n(*r.get_string());
  SshWriter padded;
  padded.put_string("ssh-rsa");
  padded.put_string(std::string(1, '\0') + e);
  padded.put_string(n);
  EXPECT_EQ(canonical_public_blob("ssh-rsa " + base64_encode(padded.bytes())).value_or(""), *blob);
  n.back() ^= 1;
  SshWriter changed;
  changed.put_string("ssh-rsa");
  changed.put_string(e);
  changed.put_string(n);
  EXPECT_NE(canonical_public_blob("ssh-rsa " + base64_encode(changed.bytes())).value_or(*blob), *blob);
}

}  // namespace
}  // namespace ec2::cli
