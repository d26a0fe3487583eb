#include "key_match.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include "ssh_wire.h"

namespace ec2::cli {
namespace {

std::string hex(std::string_view bytes, std::string_view separator) {
  std::string out;
  for (unsigned char c : bytes) out += (out.empty() ? "" : std::string(separator)) + fmt::format("{:02x}", c);
  return out;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

/// MD5 of the OpenSSH public-key blob (what `ssh-keygen -l -E md5` shows): no EC2 form.
std::string openssh_md5(const KeyMaterial& key) {
  std::string b64 = key.public_key_line.substr(key.public_key_line.find(' ') + 1);
  auto blob = base64_decode(b64.substr(0, b64.find(' ')));
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(blob->data(), blob->size(), out, &len, EVP_md5(), nullptr);
  return hex(std::string_view(reinterpret_cast<char*>(out), len), ":");
}

class KeyMatch : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = generate_key(KeyType::Ed25519, "k");
    auto b = generate_key(KeyType::Ed25519, "k");
    auto r = generate_key(KeyType::Rsa, "k", 2048);
    ASSERT_TRUE(a && b && r);
    ed_ = *a;
    other_ = *b;
    rsa_ = *r;
  }
  KeyMaterial ed_, other_, rsa_;
};

TEST_F(KeyMatch, Ed25519FingerprintInEveryFormMatches) {
  const std::string& digest = ed_.fingerprint_digests.at(0);
  std::string b64 = base64_encode(digest);
  for (const std::string& form : {b64, b64.substr(0, b64.find('=')), "SHA256:" + b64.substr(0, b64.find('=')),
                                  hex(digest, ":"), upper(hex(digest, ":")), hex(digest, ""),
                                  " " + b64 + "\n"}) {
    EXPECT_TRUE(fingerprint_matches(form, ed_)) << form;
    EXPECT_FALSE(fingerprint_matches(form, other_)) << form;
  }
}

TEST_F(KeyMatch, RsaImportedAndCreatedFingerprintsMatchAsHex) {
  ASSERT_EQ(rsa_.fingerprint_digests.size(), 2u);
  EXPECT_TRUE(fingerprint_matches(rsa_.fingerprint, rsa_));
  for (const std::string& digest : rsa_.fingerprint_digests) {
    for (const std::string& form : {hex(digest, ":"), upper(hex(digest, ":")), hex(digest, "")}) {
      EXPECT_TRUE(fingerprint_matches(form, rsa_)) << form;
      EXPECT_FALSE(fingerprint_matches(form, ed_)) << form;
    }
  }
}

TEST_F(KeyMatch, OtherFingerprintsAndGarbageDoNotMatch) {
  EXPECT_FALSE(fingerprint_matches(openssh_md5(ed_), ed_)) << "MD5 of the blob is no form EC2 uses";
  EXPECT_FALSE(fingerprint_matches(other_.fingerprint, ed_));
  std::string colon = hex(ed_.fingerprint_digests.at(0), ":");
  for (const std::string& bad : {std::string(), std::string("?"), colon.substr(1), colon.substr(0, colon.size() - 1),
                                 colon.substr(0, 5) + colon.substr(6), std::string("zz") + colon.substr(2)})
    EXPECT_FALSE(fingerprint_matches(bad, ed_)) << bad;
}

TEST_F(KeyMatch, ThePublicKeyDecidesWhenGiven) {
  std::string line = ed_.public_key_line.substr(0, ed_.public_key_line.rfind(' ')) + " another-comment";
  EXPECT_TRUE(same_key(line, "not a fingerprint", ed_));
  EXPECT_TRUE(same_key(line, openssh_md5(ed_), ed_));
  EXPECT_FALSE(same_key(other_.public_key_line, ed_.fingerprint, ed_)) << "the key, not the fingerprint";
  EXPECT_FALSE(same_key(rsa_.public_key_line, rsa_.fingerprint, ed_));
  EXPECT_TRUE(same_key(rsa_.public_key_line, "", rsa_));
}

TEST_F(KeyMatch, WithoutPublicKeyTheFingerprintDecides) {
  EXPECT_TRUE(same_key("", ed_.fingerprint, ed_));
  EXPECT_TRUE(same_key("", hex(ed_.fingerprint_digests.at(0), ":"), ed_));
  EXPECT_TRUE(same_key("unreadable", ed_.fingerprint, ed_));
  EXPECT_FALSE(same_key("", other_.fingerprint, ed_));
  EXPECT_FALSE(same_key("", openssh_md5(ed_), ed_));
  EXPECT_FALSE(same_key("", "", ed_));
}

}  // namespace
}  // namespace ec2::cli
