#pragma once
/// SHA-256 and HMAC-SHA256 through OpenSSL 3 EVP (EVP_MD / EVP_MAC), with per-thread contexts so
/// repeated calls do not allocate.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ec2::crypto {

using Digest = std::array<std::uint8_t, 32>;

/// SHA-256 of `data`.
Digest sha256(std::string_view data);

/// HMAC-SHA256 of `data` under `key`.
Digest hmac_sha256(std::string_view key, std::string_view data);

/// HMAC-SHA256 under a 32-byte key; the keyed state of the last key per thread is kept, so a
/// repeated key (a cached SigV4 signing key) skips the key set-up.
Digest hmac_sha256(const Digest& key, std::string_view data);

/// Writes the 64 lowercase hex digits of `bytes` to `out`.
void write_hex(char* out, const Digest& bytes);

/// Appends the lowercase hex of `bytes` to `out`.
void append_hex(std::string& out, const Digest& bytes);

/// Lowercase hex of `bytes`.
std::string hex(const Digest& bytes);

/// Compares two strings in time that depends only on their lengths (for signature checks).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace ec2::crypto
