#pragma once
/// IPv4 CIDR arithmetic for subnets, VPC CIDR rules and address allocation.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ec2::emu {

struct Cidr4 {
  uint32_t base = 0;  ///< Network address (host bits cleared).
  int prefix = 32;

  uint64_t size() const { return uint64_t{1} << (32 - prefix); }
  bool contains(uint32_t address) const { return (address & mask()) == base; }
  /// True when the two blocks share any address.
  bool overlaps(const Cidr4& other) const;
  uint32_t mask() const { return prefix == 0 ? 0 : ~uint32_t{0} << (32 - prefix); }
  std::string to_string() const;
};

/// Parses `a.b.c.d/n`; nullopt when malformed or when host bits are set and `strict`.
std::optional<Cidr4> parse_cidr4(std::string_view text, bool strict = true);
/// Parses a dotted quad.
std::optional<uint32_t> parse_ipv4(std::string_view text);
std::string format_ipv4(uint32_t address);

}  // namespace ec2::emu
