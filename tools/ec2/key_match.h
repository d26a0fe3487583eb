#pragma once
/// Deciding whether a key pair that EC2 (or an EC2-compatible endpoint) describes is a local key.
/// The public key decides when the endpoint returns it (DescribeKeyPairs with IncludePublicKey):
/// exact, and independent of how the endpoint writes fingerprints. Without it the fingerprint
/// decides, read in every form EC2 has used; anything else is a mismatch.

#include <string>
#include <string_view>
#include <vector>

#include "key_material.h"

namespace ec2::cli {

/// The byte strings a fingerprint text can stand for: hex (case-insensitive, with `:` between
/// every byte pair or without separators) and base64 (with or without `=` padding, optionally
/// after `SHA256:`). Empty when it is neither.
std::vector<std::string> fingerprint_readings(std::string_view fingerprint);

/// True when `fingerprint` is one of `local`'s fingerprint digests in any form
/// `fingerprint_readings` knows.
bool fingerprint_matches(std::string_view fingerprint, const KeyMaterial& local);

/// True when the key pair described by `public_key` (the OpenSSH line DescribeKeyPairs returns
/// with IncludePublicKey; empty when the endpoint sent none) and `fingerprint` is `local`: by the
/// key itself (type and key numbers, comment ignored) when `public_key` is a readable public
/// key, else by `fingerprint_matches`.
bool same_key(std::string_view public_key, std::string_view fingerprint, const KeyMaterial& local);

}  // namespace ec2::cli
