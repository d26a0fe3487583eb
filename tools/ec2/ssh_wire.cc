#include "ssh_wire.h"

#include <openssl/evp.h>

namespace ec2::cli {

std::string base64_encode(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(data.data()),
                          static_cast<int>(data.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out(3 * (text.size() / 4) + 1, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) return std::nullopt;
  // EVP_DecodeBlock counts padding as zero bytes; drop them.
  size_t len = static_cast<size_t>(n);
  if (!text.empty() && text.back() == '=') --len;
  if (text.size() >= 2 && text[text.size() - 2] == '=') --len;
  out.resize(len);
  return out;
}

void SshWriter::put_u32(uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out_.push_back(static_cast<char>((value >> shift) & 0xff));
}

void SshWriter::put_string(std::string_view bytes) {
  put_u32(static_cast<uint32_t>(bytes.size()));
  out_.append(bytes);
}

void SshWriter::put_mpint(std::string_view magnitude) {
  while (!magnitude.empty() && magnitude.front() == '\0') magnitude.remove_prefix(1);
  std::string value;
  if (!magnitude.empty() && (static_cast<unsigned char>(magnitude.front()) & 0x80)) value.push_back('\0');
  value.append(magnitude);
  put_string(value);
}

std::optional<uint32_t> SshReader::get_u32() {
  auto raw = get_raw(4);
  if (!raw) return std::nullopt;
  uint32_t value = 0;
  for (char c : *raw) value = (value << 8) | static_cast<unsigned char>(c);
  return value;
}

std::optional<std::string_view> SshReader::get_string() {
  auto len = get_u32();
  if (!len) return std::nullopt;
  return get_raw(*len);
}

std::optional<std::string_view> SshReader::get_raw(size_t n) {
  if (in_.size() < n) return std::nullopt;
  auto out = in_.substr(0, n);
  in_.remove_prefix(n);
  return out;
}

}  // namespace ec2::cli
