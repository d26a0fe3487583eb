#include "auth/shell_split.h"

#include <gtest/gtest.h>

namespace ec2::auth {
namespace {

using Words = std::vector<std::string>;

Words split(std::string_view s) {
  auto r = shell_split(s);
  EXPECT_TRUE(r.ok()) << s;
  return r.ok() ? *r : Words{};
}

TEST(ShellSplit, WhitespaceSeparatesWords) {
  EXPECT_EQ(split("  a  b\tc\n"), (Words{"a", "b", "c"}));
  EXPECT_TRUE(split("   ").empty());
}

TEST(ShellSplit, Quotes) {
  EXPECT_EQ(split("'/opt/my tool' --x \"a b\""), (Words{"/opt/my tool", "--x", "a b"}));
  EXPECT_EQ(split("a'b c'd"), (Words{"ab cd"}));
  EXPECT_EQ(split("'' \"\""), (Words{"", ""}));
  EXPECT_EQ(split("'it\\s' \"q\\\"x\\\\y\\n\""), (Words{"it\\s", "q\"x\\y\\n"}));
}

TEST(ShellSplit, BackslashOutsideQuotes) { EXPECT_EQ(split("a\\ b c\\'d"), (Words{"a b", "c'd"})); }

TEST(ShellSplit, NoCommentsOrExpansion) { EXPECT_EQ(split("a #b $HOME"), (Words{"a", "#b", "$HOME"})); }

TEST(ShellSplit, Errors) {
  EXPECT_FALSE(shell_split("'open").ok());
  EXPECT_FALSE(shell_split("\"open").ok());
  EXPECT_FALSE(shell_split("trailing\\").ok());
}

}  // namespace
}  // namespace ec2::auth
