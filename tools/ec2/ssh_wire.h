#pragma once
/// The SSH wire encoding (RFC 4251 §5: uint32, string, mpint) and base64, as used by OpenSSH
/// public-key blobs and private-key files.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ec2::cli {

/// Standard base64 with `=` padding, no line breaks.
std::string base64_encode(std::string_view data);
/// Decodes standard base64 (padding required, whitespace not allowed); nullopt when malformed.
std::optional<std::string> base64_decode(std::string_view text);

/// Appends SSH wire values to a byte string.
class SshWriter {
 public:
  void put_u32(uint32_t value);
  /// A length-prefixed byte string.
  void put_string(std::string_view bytes);
  /// A big-endian unsigned magnitude as an mpint (leading zero byte when the top bit is set).
  void put_mpint(std::string_view magnitude);
  void put_raw(std::string_view bytes) { out_.append(bytes); }
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

/// Reads SSH wire values from a byte string; every getter returns nullopt past the end.
class SshReader {
 public:
  explicit SshReader(std::string_view bytes) : in_(bytes) {}
  std::optional<uint32_t> get_u32();
  std::optional<std::string_view> get_string();
  /// Consumes `n` raw bytes.
  std::optional<std::string_view> get_raw(size_t n);
  std::string_view rest() const { return in_; }

 private:
  std::string_view in_;
};

}  // namespace ec2::cli
