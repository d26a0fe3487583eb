#include "ids.h"

namespace ec2::emu {
namespace {

constexpr char kHex[] = "0123456789abcdef";

/// Appends `digits` hex digits, taking fresh 64-bit words from `source` as needed.
template <class Source>
void append_hex(std::string& out, int digits, Source&& source) {
  uint64_t word = 0;
  int left = 0;
  for (int i = 0; i < digits; ++i) {
    if (left == 0) {
      word = source();
      left = 16;
    }
    out.push_back(kHex[word & 0xf]);
    word >>= 4;
    --left;
  }
}

}  // namespace

uint64_t IdGenerator::next_u64() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string IdGenerator::next(std::string_view prefix, int hex_digits) {
  std::string out(prefix);
  out.reserve(prefix.size() + hex_digits);
  append_hex(out, hex_digits, [this] { return next_u64(); });
  return out;
}

std::string IdGenerator::uuid() {
  std::string hex;
  append_hex(hex, 32, [this] { return next_u64(); });
  hex[12] = '4';
  hex[16] = kHex[8 + (hex[16] % 4)];
  return hex.substr(0, 8) + '-' + hex.substr(8, 4) + '-' + hex.substr(12, 4) + '-' +
         hex.substr(16, 4) + '-' + hex.substr(20, 12);
}

uint64_t stable_hash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string stable_id(std::string_view prefix, std::string_view key, int hex_digits) {
  std::string out(prefix);
  uint64_t round = 0;
  append_hex(out, hex_digits, [&] {
    IdGenerator mix(stable_hash(key) + round++);
    return mix.next_u64();
  });
  return out;
}

}  // namespace ec2::emu
