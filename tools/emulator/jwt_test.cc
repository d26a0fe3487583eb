// JWT decoding and HS256 / RS256 verification.
#include "jwt.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

namespace ec2::emu {
namespace {

TEST(Jwt, Base64UrlRoundTrips) {
  for (std::string text : {"", "f", "fo", "foo", "foob", "\xff\xfe\x00?>"}) {
    auto decoded = base64url_decode(base64url_encode(text));
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(*decoded, text);
  }
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_FALSE(base64url_decode("a+b").has_value());
}

TEST(Jwt, MintedHs256TokensVerifyAndTamperingIsDetected) {
  std::string token = mint_hs256({{"iss", "https://i"}, {"sub", "repo:x"}}, "secret");
  auto jwt = parse_jwt(token);
  ASSERT_TRUE(jwt.ok());
  EXPECT_EQ(jwt->claims["sub"], "repo:x");
  EXPECT_TRUE(verify_hs256(*jwt, "secret"));
  EXPECT_FALSE(verify_hs256(*jwt, "other"));
  EXPECT_FALSE(verify_rs256(*jwt, "not a key"));
  std::string forged = mint_hs256({{"iss", "https://i"}, {"sub", "repo:y"}}, "guess");
  size_t dot = token.rfind('.');
  auto mixed = parse_jwt(forged.substr(0, forged.rfind('.')) + token.substr(dot));
  ASSERT_TRUE(mixed.ok());
  EXPECT_FALSE(verify_hs256(*mixed, "secret"));
}

TEST(Jwt, MalformedTokensAreInvalidIdentityToken) {
  for (std::string token : {"", "a.b", "a.b.c.d", "e30.bm90IGpzb24.c2ln"}) {
    auto jwt = parse_jwt(token);
    ASSERT_FALSE(jwt.ok()) << token;
    EXPECT_EQ(jwt.error().code, "InvalidIdentityToken");
  }
}

/// Signs `input` with RS256 under `key`.
std::string rs256(EVP_PKEY* key, const std::string& input) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key);
  size_t length = 0;
  EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  std::string signature(length, '\0');
  EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                 reinterpret_cast<const unsigned char*>(input.data()), input.size());
  signature.resize(length);
  return signature;
}

TEST(Jwt, Rs256TokensVerifyWithThePublicKeyOnly) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
  ASSERT_TRUE(key);
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  PEM_write_bio_PUBKEY(bio.get(), key.get());
  char* data = nullptr;
  long size = BIO_get_mem_data(bio.get(), &data);
  std::string pem(data, static_cast<size_t>(size));
  std::string input = base64url_encode(R"({"alg":"RS256","typ":"JWT"})") + "." + base64url_encode(R"({"iss":"x"})");
  auto jwt = parse_jwt(input + "." + base64url_encode(rs256(key.get(), input)));
  ASSERT_TRUE(jwt.ok());
  EXPECT_TRUE(verify_rs256(*jwt, pem));
  EXPECT_FALSE(verify_hs256(*jwt, pem));
  auto other = parse_jwt(input + "." + base64url_encode(rs256(key.get(), input + "x")));
  ASSERT_TRUE(other.ok());
  EXPECT_FALSE(verify_rs256(*other, pem));
}

}  // namespace
}  // namespace ec2::emu
