#include "ini_file.h"

#include <gtest/gtest.h>

namespace ec2::inventory {
namespace {

IniFile parse_ok(const std::string& text) {
  auto file = parse_ini("ec2.ini", text);
  EXPECT_TRUE(file.ok()) << (file ? "" : file.error().message);
  return file ? *file : IniFile{};
}

std::string parse_error(const std::string& text) {
  auto file = parse_ini("ec2.ini", text);
  EXPECT_FALSE(file.ok());
  return file ? "" : file.error().message;
}

TEST(IniFile, ReadsConfigParserSyntax) {
  IniFile file = parse_ok(
      "# comment\n"
      "[ec2]\n"
      "Regions = us-east-1, eu-west-1\n"
      "; another comment\n"
      "destination_variable: private_ip_address\n"
      "pattern_include = web-.* # not a comment\n"
      "instance_filters = tag:a=1,\n"
      "    tag:b=2\n"
      "\n"
      "[credentials]\n"
      "aws_access_key_id=AK\n");
  const IniOption* regions = file.lookup("ec2", "regions");
  ASSERT_NE(regions, nullptr);
  EXPECT_EQ(regions->value, "us-east-1, eu-west-1");
  EXPECT_EQ(regions->line, 3);
  EXPECT_EQ(file.lookup("ec2", "destination_variable")->value, "private_ip_address");
  EXPECT_EQ(file.lookup("ec2", "pattern_include")->value, "web-.* # not a comment");
  EXPECT_EQ(file.lookup("ec2", "instance_filters")->value, "tag:a=1,\ntag:b=2");
  EXPECT_EQ(file.lookup("credentials", "aws_access_key_id")->value, "AK");
}

TEST(IniFile, DefaultSectionIsVisibleEverywhere) {
  IniFile file = parse_ok("[DEFAULT]\ncache_max_age = 60\n[ec2]\n");
  ASSERT_NE(file.lookup("ec2", "cache_max_age"), nullptr);
  EXPECT_EQ(file.lookup("ec2", "cache_max_age")->value, "60");
}

TEST(IniFile, InterpolatesLikeBasicInterpolation) {
  IniFile file = parse_ok("[ec2]\nbase = /var/cache\ncache_path = %(base)s/ec2\nformat = 100%%\n"
                          "bad = 5%\n");
  auto path = file.interpolate("ec2", *file.lookup("ec2", "cache_path"));
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(*path, "/var/cache/ec2");
  EXPECT_EQ(*file.interpolate("ec2", *file.lookup("ec2", "format")), "100%");
  auto bad = file.interpolate("ec2", *file.lookup("ec2", "bad"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("ec2.ini:5: option 'bad'", 0), 0u) << bad.error().message;
}

TEST(IniFile, ErrorsNameFileAndLine) {
  EXPECT_EQ(parse_error("regions = all\n"),
            "ec2.ini:1: option 'regions' appears before any [section] header");
  EXPECT_EQ(parse_error("[ec2]\nregions = all\nREGIONS = us-east-1\n"),
            "ec2.ini:3: option 'regions' in section [ec2] already set on line 2");
  EXPECT_EQ(parse_error("[ec2]\njust some words\n"),
            "ec2.ini:2: expected 'option = value', got 'just some words'");
  EXPECT_EQ(parse_error("[ec2]\n[ec2]\n"), "ec2.ini:2: section [ec2] already appeared on line 1");
}

}  // namespace
}  // namespace ec2::inventory
