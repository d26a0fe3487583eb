#pragma once
/// SSH key material for key pairs, with fingerprints computed the way EC2 does:
///   created RSA    → SHA-1 of the PKCS#8 DER private key, hex pairs joined by ':'
///   imported RSA   → MD5 of the DER SubjectPublicKeyInfo public key, hex pairs joined by ':'
///   ed25519 (both) → base64 (with padding) of SHA-256 of the OpenSSH public key blob

#include <optional>
#include <string>
#include <string_view>

#include "ec2/result.h"

namespace ec2::emu {

/// How key pair fingerprints are written. `Aws` is EC2's way (above); the others imitate
/// EC2-compatible endpoints that compute fingerprints differently (test-only: --key-fingerprints).
enum class FingerprintFormat {
  Aws,
  Hex,  ///< EC2's digest as lower-case hex pairs joined by ':' (changes ed25519; RSA already is so)
  Md5,  ///< MD5 of the OpenSSH public-key blob, hex pairs joined by ':' (`ssh-keygen -E md5`; no EC2 form)
};

/// How key pairs look to clients; test-only switches that imitate other EC2-compatible endpoints.
struct KeyPairStyle {
  FingerprintFormat fingerprints = FingerprintFormat::Aws;
  bool public_key = true;  ///< false: DescribeKeyPairs ignores IncludePublicKey (--no-public-key)
};

/// "aws" | "hex" | "md5"; nullopt otherwise.
std::optional<FingerprintFormat> fingerprint_format(std::string_view name);

/// `fingerprint` (EC2's, of the key whose OpenSSH line is `public_key`) written in `format`.
std::string fingerprint_in(FingerprintFormat format, std::string_view fingerprint, std::string_view public_key);

/// A freshly created key pair.
struct GeneratedKey {
  std::string private_key;  ///< RSA: PEM `RSA PRIVATE KEY`; ed25519: `OPENSSH PRIVATE KEY`.
  std::string public_key;   ///< OpenSSH line `ssh-rsa AAAA…` / `ssh-ed25519 AAAA…`.
  std::string fingerprint;
};

/// An imported public key.
struct ImportedKey {
  std::string type;  ///< rsa | ed25519
  std::string public_key;
  std::string fingerprint;
};

/// Creates a 2048-bit RSA or an ed25519 key (`type` "rsa" or "ed25519").
Result<GeneratedKey> generate_key(std::string_view type);
/// Parses an OpenSSH public key line (`ssh-rsa AAAA… comment`); InvalidKey.Format otherwise.
Result<ImportedKey> import_public_key(std::string_view material);

/// The public half of the ed25519 key whose 32-byte private seed is `seed` (deterministic keys
/// for seeded fleets).
Result<ImportedKey> ed25519_from_seed(std::string_view seed);

/// Standard base64 with padding.
std::string base64_encode(std::string_view data);
/// Decodes standard base64 (whitespace ignored); false when malformed.
bool base64_decode(std::string_view text, std::string& out);

}  // namespace ec2::emu
