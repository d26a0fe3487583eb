#include "jwt.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <memory>

namespace ec2::emu {
namespace {

Error invalid_token(const std::string& message) {
  return make_error(ErrorCategory::Auth, "InvalidIdentityToken", message);
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), digest, &length);
  return std::string(reinterpret_cast<char*>(digest), length);
}

/// base64url_decode as a JWT error.
Result<std::string> decode_part(std::string_view text) {
  auto decoded = base64url_decode(text);
  if (!decoded) return invalid_token("The token is not base64url encoded");
  return std::move(*decoded);
}

}  // namespace

Result<Jwt> parse_jwt(std::string_view token) {
  size_t first = token.find('.');
  size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return invalid_token("The web identity token is not a JWT (header.payload.signature)");
  }
  auto header = decode_part(token.substr(0, first));
  auto claims = decode_part(token.substr(first + 1, second - first - 1));
  auto signature = decode_part(token.substr(second + 1));
  if (!header || !claims || !signature) return invalid_token("The web identity token is not base64url encoded");
  Jwt jwt;
  jwt.header = nlohmann::json::parse(*header, nullptr, false);
  jwt.claims = nlohmann::json::parse(*claims, nullptr, false);
  if (!jwt.header.is_object() || !jwt.claims.is_object()) return invalid_token("The web identity token is not JSON");
  jwt.signing_input = std::string(token.substr(0, second));
  jwt.signature = std::move(*signature);
  return jwt;
}

bool verify_hs256(const Jwt& jwt, std::string_view secret) {
  if (jwt.header.value("alg", "") != "HS256") return false;
  std::string expected = hmac_sha256(secret, jwt.signing_input);
  if (expected.size() != jwt.signature.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < expected.size(); ++i) diff |= static_cast<unsigned char>(expected[i] ^ jwt.signature[i]);
  return diff == 0;
}

bool verify_rs256(const Jwt& jwt, const std::string& pem) {
  if (jwt.header.value("alg", "") != "RS256") return false;
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr),
                                                          EVP_PKEY_free);
  if (!key) return false;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1) return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(jwt.signature.data()), jwt.signature.size(),
                          reinterpret_cast<const unsigned char*>(jwt.signing_input.data()),
                          jwt.signing_input.size()) == 1;
}

std::string mint_hs256(const nlohmann::json& claims, std::string_view secret) {
  std::string input = base64url_encode(nlohmann::json{{"alg", "HS256"}, {"typ", "JWT"}}.dump()) + "." +
                      base64url_encode(claims.dump());
  return input + "." + base64url_encode(hmac_sha256(secret, input));
}

}  // namespace ec2::emu
