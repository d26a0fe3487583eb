#pragma once
/// SSH key material for the `ec2` tool: generating key pairs locally, writing the private key in a
/// format ssh accepts, the OpenSSH public-key line that ImportKeyPair takes, and the fingerprint
/// exactly as EC2 reports it for an imported key (so a local file can be matched with
/// DescribeKeyPairs).

#include <string>
#include <string_view>

#include "ec2/result.h"

namespace ec2::cli {

enum class KeyType { Ed25519, Rsa };

/// "ed25519" / "rsa", as EC2's KeyType field spells them.
std::string_view to_string(KeyType type);

/// A key pair as the tool handles it.
struct KeyMaterial {
  KeyType type = KeyType::Ed25519;
  /// The private-key file contents: OpenSSH format (`-----BEGIN OPENSSH PRIVATE KEY-----`) for
  /// ed25519, PEM (`-----BEGIN RSA PRIVATE KEY-----`) for RSA. Ends with a newline.
  std::string private_key_file;
  /// `ssh-ed25519 AAAA… comment` / `ssh-rsa AAAA… comment`, no trailing newline.
  std::string public_key_line;
  /// As EC2 reports it for an imported key: base64 SHA-256 of the public-key blob (with `=`
  /// padding) for ed25519, colon-separated MD5 of the DER SubjectPublicKeyInfo for RSA.
  std::string fingerprint;
  /// For RSA keys whose private part is known: the fingerprint EC2 shows when it generated the
  /// key itself (CreateKeyPair: colon-separated SHA-1 of the PKCS#8 DER private key), so key
  /// files saved from CreateKeyPair (as ec2.py did) are recognised too. Empty otherwise.
  std::string created_fingerprint;
};

/// Generates a fresh key pair. `comment` ends the public-key line and is stored in OpenSSH files.
/// `rsa_bits` is used for RSA only.
Result<KeyMaterial> generate_key(KeyType type, std::string_view comment, int rsa_bits = 4096);

/// Reads a private-key file written by `generate_key` (or by ssh-keygen/openssl: unencrypted
/// OpenSSH ed25519/RSA keys and PEM RSA keys) and derives the public line and fingerprint.
/// `private_key_file` of the result is the input text.
Result<KeyMaterial> parse_private_key(std::string_view file_text, std::string_view comment = {});

/// True when two fingerprints denote the same key: compares case-insensitively for MD5 hex and
/// ignores a `SHA256:` prefix and `=` padding for base64 ones.
bool same_fingerprint(std::string_view a, std::string_view b);

}  // namespace ec2::cli
