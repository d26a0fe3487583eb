#pragma once
/// TOTP (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits — what virtual MFA
/// devices show. GetSessionToken and AssumeRole check `TokenCode` with it.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ec2::emu {

/// Decodes RFC 4648 base32 (upper or lower case, padding and spaces ignored); nothing when malformed.
std::optional<std::string> base32_decode(std::string_view text);

/// The 6-digit code of `key` (raw bytes) for time step `counter`.
std::string hotp(std::string_view key, uint64_t counter);

/// The code a device with base32 `secret` shows at `now`; empty when the secret is malformed.
std::string totp(std::string_view secret, std::chrono::system_clock::time_point now);

/// True when `code` is the code of `secret` at `now` or one step before or after (clock drift).
bool totp_matches(std::string_view secret, std::string_view code, std::chrono::system_clock::time_point now);

}  // namespace ec2::emu
