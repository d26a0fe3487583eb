// Group-name sanitising: Ansible's default (Unicode \w) and the old ec2.py script's rule.

#include <gtest/gtest.h>

#include "config/sanitize.h"
#include "config/unicode_tables.h"

namespace ec2::inventory::aws_ec2 {
namespace {

TEST(SanitizeTest, AnsibleDefaultKeepsUnicodeWordCharacters) {
  EXPECT_EQ(safe_group_name("tag_Name_web-1"), "tag_Name_web_1");
  EXPECT_EQ(safe_group_name("env_prod,eu QA"), "env_prod_eu_QA");
  EXPECT_EQ(safe_group_name("_Ünï_çà"), "_Ünï_çà");
  EXPECT_EQ(safe_group_name("日本-node"), "日本_node");
  EXPECT_EQ(safe_group_name("1st-host"), "_st_host");
  EXPECT_EQ(safe_group_name("٣abc"), "_abc");  // a leading Arabic-Indic digit is a \d too
  EXPECT_EQ(safe_group_name("a٣"), "a٣");
  EXPECT_EQ(safe_group_name("k8s.io/role:x"), "k8s_io_role_x");
  EXPECT_EQ(safe_group_name(""), "");
}

TEST(SanitizeTest, ContribScriptRuleIsAsciiOnlyAndKeepsDashes) {
  EXPECT_EQ(contrib_safe_group_name("tag_Name_web-1"), "tag_Name_web-1");
  EXPECT_EQ(contrib_safe_group_name("_Ünï_çà"), "__n____");
  EXPECT_EQ(contrib_safe_group_name("1st host"), "1st_host");
}

TEST(UnicodeTest, CaseMappingsAndClasses) {
  EXPECT_EQ(unicode::to_upper("straße"), "STRASSE");
  EXPECT_EQ(unicode::to_lower("ÄÖÜ Σ"), "äöü σ");
  EXPECT_TRUE(unicode::is_word(U'é'));
  EXPECT_FALSE(unicode::is_word(U'-'));
  EXPECT_TRUE(unicode::is_digit(U'٣'));
  EXPECT_FALSE(unicode::is_printable(U'\u200b'));
  EXPECT_EQ(unicode::encode(unicode::decode("a\xff" "b")), "a\xEF\xBF\xBD" "b");
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
