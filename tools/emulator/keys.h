#pragma once
/// SSH key material for key pairs, with fingerprints computed the way EC2 does:
///   created RSA    → SHA-1 of the PKCS#8 DER private key, hex pairs joined by ':'
///   imported RSA   → MD5 of the DER SubjectPublicKeyInfo public key, hex pairs joined by ':'
///   ed25519 (both) → base64 (with padding) of SHA-256 of the OpenSSH public key blob

#include <string>
#include <string_view>

#include "ec2/result.h"

namespace ec2::emu {

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
