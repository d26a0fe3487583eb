#include "cidr.h"

#include <charconv>

#include <fmt/format.h>

namespace ec2::emu {

bool Cidr4::overlaps(const Cidr4& other) const {
  int shorter = prefix < other.prefix ? prefix : other.prefix;
  uint32_t m = shorter == 0 ? 0 : ~uint32_t{0} << (32 - shorter);
  return (base & m) == (other.base & m);
}

std::string Cidr4::to_string() const { return fmt::format("{}/{}", format_ipv4(base), prefix); }

std::optional<uint32_t> parse_ipv4(std::string_view text) {
  uint32_t out = 0;
  for (int part = 0; part < 4; ++part) {
    size_t dot = part < 3 ? text.find('.') : text.size();
    if (dot == std::string_view::npos || dot == 0 || dot > 3) return std::nullopt;
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + dot, value);
    if (ec != std::errc() || end != text.data() + dot || value > 255) return std::nullopt;
    out = (out << 8) | value;
    text = part < 3 ? text.substr(dot + 1) : std::string_view();
  }
  return out;
}

std::optional<Cidr4> parse_cidr4(std::string_view text, bool strict) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto address = parse_ipv4(text.substr(0, slash));
  std::string_view bits = text.substr(slash + 1);
  int prefix = -1;
  auto [end, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
  if (!address || ec != std::errc() || end != bits.data() + bits.size() || prefix < 0 || prefix > 32) {
    return std::nullopt;
  }
  Cidr4 cidr{*address, prefix};
  cidr.base = *address & cidr.mask();
  if (strict && cidr.base != *address) return std::nullopt;
  return cidr;
}

std::string format_ipv4(uint32_t a) {
  return fmt::format("{}.{}.{}.{}", a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff, a & 0xff);
}

}  // namespace ec2::emu
