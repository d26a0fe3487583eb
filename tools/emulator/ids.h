#pragma once
/// Deterministic EC2-style identifiers: `i-` + 17 hex digits, `vpc-…`, request ids as UUIDs.
/// One generator per World, seeded from `--seed`, so the same commands produce the same ids.

#include <cstdint>
#include <string>
#include <string_view>

namespace ec2::emu {

/// splitmix64 sequence: tiny state (one integer, easy to persist) and good enough spread for ids.
class IdGenerator {
 public:
  explicit IdGenerator(uint64_t seed = 0) : state_(seed) {}

  /// Next raw 64-bit value of the sequence.
  uint64_t next_u64();
  /// Uniform integer in [0, bound) (bound > 0).
  uint64_t below(uint64_t bound) { return next_u64() % bound; }
  /// `prefix` + `hex_digits` lowercase hex digits, e.g. next("i-") → `i-0a1b2c3d4e5f60718`.
  std::string next(std::string_view prefix, int hex_digits = 17);
  /// A version-4-shaped UUID (`8-4-4-4-12`), as EC2 uses for request ids.
  std::string uuid();

  uint64_t state() const { return state_; }
  void restore(uint64_t state) { state_ = state; }

 private:
  uint64_t state_;
};

/// Stable 64-bit FNV-1a hash of `text` (used for ids that must not depend on call order, such as
/// image ids per region).
uint64_t stable_hash(std::string_view text);

/// `prefix` + `hex_digits` hex digits derived from `stable_hash(key)`.
std::string stable_id(std::string_view prefix, std::string_view key, int hex_digits = 17);

}  // namespace ec2::emu
