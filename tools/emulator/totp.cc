#include "totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <fmt/format.h>

namespace ec2::emu {

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z') value = c - 'A';
    else if (c >= 'a' && c <= 'z') value = c - 'a';
    else if (c >= '2' && c <= '7') value = c - '2' + 26;
    else if (c == '=' || c == ' ') continue;
    else return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string hotp(std::string_view key, uint64_t counter) {
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter & 0xff);
    counter >>= 8;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message, sizeof message, digest, &length);
  int offset = digest[length - 1] & 0x0f;
  uint32_t binary = (static_cast<uint32_t>(digest[offset] & 0x7f) << 24) | (digest[offset + 1] << 16) |
                    (digest[offset + 2] << 8) | digest[offset + 3];
  return fmt::format("{:06d}", binary % 1000000);
}

std::string totp(std::string_view secret, std::chrono::system_clock::time_point now) {
  auto key = base32_decode(secret);
  if (!key) return {};
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  return hotp(*key, static_cast<uint64_t>(seconds / 30));
}

bool totp_matches(std::string_view secret, std::string_view code, std::chrono::system_clock::time_point now) {
  if (code.size() != 6) return false;
  for (int step : {-1, 0, 1}) {
    std::string expected = totp(secret, now + std::chrono::seconds(30 * step));
    if (!expected.empty() && expected == code) return true;
  }
  return false;
}

}  // namespace ec2::emu
