#include "ec2/result.h"

#include <gtest/gtest.h>

#include <string>

namespace ec2 {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return make_error(ErrorCategory::Client, "NotPositive", "value must be positive");
  return v;
}

Status twice_positive(int v) {
  EC2_TRY(parse_positive(v));
  EC2_TRY(parse_positive(v * 2));
  return {};
}

TEST(ResultTest, HoldsValueOrError) {
  auto ok = parse_positive(3);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 3);
  auto bad = parse_positive(-1);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "NotPositive");
  EXPECT_EQ(bad.value_or(7), 7);
}

TEST(ResultTest, TryPropagatesFirstError) {
  EXPECT_TRUE(twice_positive(2).ok());
  auto s = twice_positive(0);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "value must be positive");
}

TEST(ResultTest, MovesValueOut) {
  Result<std::string> r(std::string("abc"));
  std::string s = std::move(r).value();
  EXPECT_EQ(s, "abc");
}

}  // namespace
}  // namespace ec2
