#include "ownership.h"

#include <gtest/gtest.h>

namespace ec2::cli {
namespace {

TEST(ClientToken, SameKeyPairSameToken) {
  EXPECT_EQ(client_token("ec2.py", "aa:bb"), client_token("ec2.py", "aa:bb"));
}

TEST(ClientToken, NewKeyOrNameOrTerminatedPredecessorChangesIt) {
  auto base = client_token("ec2.py", "aa:bb");
  EXPECT_NE(base, client_token("ec2.py", "aa:bc"));
  EXPECT_NE(base, client_token("ec2.pz", "aa:bb"));
  EXPECT_NE(base, client_token("ec2.py", "aa:bb", "i-123"));
  EXPECT_NE(client_token("ab", "c"), client_token("a", "bc"));
}

TEST(ClientToken, FitsEc2Limits) {
  auto token = client_token(std::string(255, 'k'), std::string(60, 'f'), "i-0123456789abcdef0");
  EXPECT_LE(token.size(), 64u);
  for (char c : token) EXPECT_TRUE(c >= 0x20 && c < 0x7f);
}

TEST(Ownership, TagsAndGroupName) {
  auto tags = owner_tags("k1");
  EXPECT_TRUE(owned_by(tags, "k1"));
  EXPECT_FALSE(owned_by(tags, "k2"));
  EXPECT_FALSE(owned_by({{"Name", "k1"}}, "k1"));
  EXPECT_EQ(security_group_name("k1"), "ec2-ssh-k1");
}

}  // namespace
}  // namespace ec2::cli
