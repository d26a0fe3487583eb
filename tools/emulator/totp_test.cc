// TOTP against the RFC 6238 / RFC 4226 test vectors.
#include "totp.h"

#include <gtest/gtest.h>

namespace ec2::emu {
namespace {

using Clock = std::chrono::system_clock;

TEST(Totp, Base32DecodesRfc4648Vectors) {
  EXPECT_EQ(base32_decode("MZXW6YTBOI======"), "foobar");
  EXPECT_EQ(base32_decode("mzxw6ytboi"), "foobar");
  EXPECT_FALSE(base32_decode("not base32!").has_value());
  EXPECT_FALSE(base32_decode("").has_value());
}

TEST(Totp, HotpMatchesRfc4226) {
  // RFC 4226 appendix D: key "12345678901234567890".
  EXPECT_EQ(hotp("12345678901234567890", 0), "755224");
  EXPECT_EQ(hotp("12345678901234567890", 1), "287082");
  EXPECT_EQ(hotp("12345678901234567890", 9), "520489");
}

TEST(Totp, TotpMatchesRfc6238Sha1Vectors) {
  // RFC 6238 appendix B (SHA-1), last six of the eight digits; the key is base32 of the ASCII key.
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  EXPECT_EQ(totp(secret, Clock::from_time_t(59)), "287082");
  EXPECT_EQ(totp(secret, Clock::from_time_t(1111111109)), "081804");
  EXPECT_EQ(totp(secret, Clock::from_time_t(1234567890)), "005924");
  EXPECT_EQ(totp(secret, Clock::from_time_t(2000000000)), "279037");
}

TEST(Totp, MatchesAllowOneStepOfDriftOnly) {
  const std::string secret = "JBSWY3DPEHPK3PXP";
  auto now = Clock::from_time_t(1750000000);
  std::string code = totp(secret, now);
  EXPECT_TRUE(totp_matches(secret, code, now));
  EXPECT_TRUE(totp_matches(secret, code, now + std::chrono::seconds(30)));
  EXPECT_FALSE(totp_matches(secret, code, now + std::chrono::seconds(120)));
  EXPECT_FALSE(totp_matches(secret, "12345", now));
}

}  // namespace
}  // namespace ec2::emu
