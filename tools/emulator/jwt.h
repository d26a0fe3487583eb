#pragma once
/// JSON Web Tokens (RFC 7519) as AssumeRoleWithWebIdentity receives them: compact JWS with HS256
/// (shared secret) or RS256 (RSA public key, PEM). Only what the emulator needs: verify and, for
/// tests, mint HS256 tokens.

#include <chrono>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base64url.h"
#include "ec2/result.h"

namespace ec2::emu {

/// The decoded parts of a token (signature not yet checked).
struct Jwt {
  nlohmann::json header;
  nlohmann::json claims;
  std::string signing_input;  ///< `header.payload` as received.
  std::string signature;      ///< Raw bytes.
};

/// Splits and decodes `token`; error (code InvalidIdentityToken) when it is not a JWT.
Result<Jwt> parse_jwt(std::string_view token);

/// True when `jwt` is signed with `alg` HS256 under `secret`.
bool verify_hs256(const Jwt& jwt, std::string_view secret);
/// True when `jwt` is signed with `alg` RS256 under the RSA public key `pem`.
bool verify_rs256(const Jwt& jwt, const std::string& pem);

/// A compact HS256 token with `claims`.
std::string mint_hs256(const nlohmann::json& claims, std::string_view secret);

}  // namespace ec2::emu
