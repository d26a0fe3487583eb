#pragma once
/// SSH key material for the `ec2` tool: generating key pairs locally, writing the private key in a
/// format ssh accepts, the OpenSSH public-key line that ImportKeyPair takes, and the fingerprint
/// as EC2 reports it for an imported key, with every digest EC2 has used as a fingerprint (so a
/// local file can be matched with DescribeKeyPairs; see key_match.h).

#include <string>
#include <string_view>
#include <vector>

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
  /// The raw digests EC2 has reported as this key's fingerprint: for ed25519 the SHA-256 of the
  /// public-key blob; for RSA the MD5 of the DER SubjectPublicKeyInfo (ImportKeyPair) and, when
  /// the private part is known, the SHA-1 of the PKCS#8 DER private key (CreateKeyPair, so key
  /// files saved from CreateKeyPair, as ec2.py did, are recognised too).
  std::vector<std::string> fingerprint_digests;
};

/// Generates a fresh key pair. `comment` ends the public-key line and is stored in OpenSSH files.
/// `rsa_bits` is used for RSA only.
Result<KeyMaterial> generate_key(KeyType type, std::string_view comment, int rsa_bits = 4096);

/// Reads a private-key file written by `generate_key` (or by ssh-keygen/openssl: unencrypted
/// OpenSSH ed25519/RSA keys and PEM RSA keys) and derives the public line and fingerprint.
/// `private_key_file` of the result is the input text.
Result<KeyMaterial> parse_private_key(std::string_view file_text, std::string_view comment = {});

/// The key of an OpenSSH public-key line (`ssh-ed25519 AAAA… comment`, as ImportKeyPair takes
/// and DescribeKeyPairs returns it) as a canonical public-key blob: key type and key numbers
/// only, the comment dropped, RSA numbers without redundant leading zeros. Two lines denote the
/// same key exactly when their blobs are equal. InvalidKeyFile when the line is not an ed25519
/// or RSA public key.
Result<std::string> canonical_public_blob(std::string_view line);

}  // namespace ec2::cli
