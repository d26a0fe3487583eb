#pragma once
/// base64url (RFC 4648 §5), as JWTs and the emulator's pagination tokens use it.

#include <optional>
#include <string>
#include <string_view>

namespace ec2::emu {

/// base64url without padding.
std::string base64url_encode(std::string_view data);
/// Decodes base64url (padding optional); nothing when a character is not of the alphabet.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace ec2::emu
