#include "key_match.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "ssh_wire.h"

namespace ec2::cli {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/// Hex digits, either all in `:`-separated pairs or all without separators.
std::optional<std::string> decode_hex(std::string_view text) {
  bool colons = text.find(':') != std::string_view::npos;
  size_t step = colons ? 3 : 2;
  if (text.empty() || (text.size() + (colons ? 1 : 0)) % step != 0) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < text.size(); i += step) {
    int high = hex_value(text[i]), low = hex_value(text[i + 1]);
    if (high < 0 || low < 0 || (colons && i + 2 < text.size() && text[i + 2] != ':')) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
  }
  return out;
}

/// Base64 with or without `=` padding, optionally after OpenSSH's `SHA256:` label.
std::optional<std::string> decode_base64_fingerprint(std::string_view text) {
  if (text.starts_with("SHA256:")) text.remove_prefix(7);
  while (text.ends_with('=')) text.remove_suffix(1);
  if (text.empty() || text.size() % 4 == 1) return std::nullopt;
  std::string padded(text);
  padded.append((4 - padded.size() % 4) % 4, '=');
  return base64_decode(padded);
}

std::string_view trimmed(std::string_view text) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::vector<std::string> fingerprint_readings(std::string_view fingerprint) {
  fingerprint = trimmed(fingerprint);
  std::vector<std::string> out;
  for (auto reading : {decode_hex(fingerprint), decode_base64_fingerprint(fingerprint)})
    if (reading && !reading->empty()) out.push_back(std::move(*reading));
  return out;
}

bool fingerprint_matches(std::string_view fingerprint, const KeyMaterial& local) {
  auto readings = fingerprint_readings(fingerprint);
  return std::any_of(readings.begin(), readings.end(), [&](const std::string& reading) {
    return std::find(local.fingerprint_digests.begin(), local.fingerprint_digests.end(), reading) !=
           local.fingerprint_digests.end();
  });
}

bool same_key(std::string_view public_key, std::string_view fingerprint, const KeyMaterial& local) {
  auto remote = canonical_public_blob(public_key);
  if (!remote) return fingerprint_matches(fingerprint, local);
  auto own = canonical_public_blob(local.public_key_line);
  return own && *own == *remote;
}

}  // namespace ec2::cli
