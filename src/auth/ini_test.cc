#include "auth/ini.h"

#include <gtest/gtest.h>

namespace ec2::auth {
namespace {

IniFile parse_ok(std::string_view text) {
  auto file = parse_ini(text, "cfg");
  EXPECT_TRUE(file.ok()) << (file.ok() ? "" : to_string(file.error()));
  return file.ok() ? *file : IniFile{};
}

std::string parse_error(std::string_view text) {
  auto file = parse_ini(text, "~/.aws/config");
  EXPECT_FALSE(file.ok());
  if (file.ok()) return "";
  EXPECT_EQ(file.error().code, "ConfigParseError");
  EXPECT_EQ(file.error().category, ErrorCategory::Config);
  return file.error().message;
}

TEST(Ini, SectionsKeysAndValues) {
  auto f = parse_ok("[default]\nregion = us-east-1\noutput=json\n\n[profile dev]\nRegion: eu-west-1\n");
  ASSERT_EQ(f.sections.size(), 2u);
  EXPECT_EQ(f.sections[0].name, "default");
  EXPECT_EQ(*f.sections[0].get("region"), "us-east-1");
  EXPECT_EQ(*f.sections[0].get("output"), "json");
  // Keys are lowercased and ':' separates like '='; section names keep their case.
  EXPECT_EQ(*f.find("profile dev")->get("region"), "eu-west-1");
  EXPECT_EQ(f.find("Profile dev"), nullptr);
  EXPECT_EQ(f.sections[1].line, 5);
}

TEST(Ini, CommentsAreWholeLinesOnly) {
  auto f = parse_ok("# top\n; also\n[a]\n  # indented comment\nk = v # not a comment\nx = ;y\n");
  EXPECT_EQ(*f.find("a")->get("k"), "v # not a comment");
  EXPECT_EQ(*f.find("a")->get("x"), ";y");
}

TEST(Ini, ValuesAreTrimmedAndMayBeEmptyOrContainDelimiters) {
  auto f = parse_ok("[a]\n  k   =   spaced value  \nempty =\nurl = http://h:80/x=y\n");
  EXPECT_EQ(*f.find("a")->get("k"), "spaced value");
  EXPECT_EQ(*f.find("a")->get("empty"), "");
  EXPECT_EQ(*f.find("a")->get("url"), "http://h:80/x=y");
}

TEST(Ini, ContinuationLinesJoinWithNewlines) {
  auto f = parse_ok("[a]\nk = one\n  two\n\n  three\nnext = 1\n");
  EXPECT_EQ(*f.find("a")->get("k"), "one\ntwo\n\nthree");
  EXPECT_EQ(*f.find("a")->get("next"), "1");
}

TEST(Ini, NestedSubSections) {
  auto f = parse_ok("[services s]\nec2 =\n  endpoint_url = http://localhost:5000\n  Other = x\ns3 = plain\n");
  const IniSection* s = f.find("services s");
  ASSERT_NE(s, nullptr);
  const IniValue& ec2 = s->values.at("ec2");
  ASSERT_TRUE(ec2.is_nested);
  EXPECT_EQ(ec2.nested.at("endpoint_url"), "http://localhost:5000");
  EXPECT_EQ(ec2.nested.at("Other"), "x");  // Nested keys keep their case.
  EXPECT_EQ(s->get("ec2"), nullptr);        // Not a plain value.
  EXPECT_EQ(*s->get("s3"), "plain");
}

TEST(Ini, DefaultSectionFillsEveryOtherSection) {
  auto f = parse_ok("[DEFAULT]\nregion = r0\n[a]\n[b]\nregion = r1\n");
  ASSERT_EQ(f.sections.size(), 2u);
  EXPECT_EQ(*f.find("a")->get("region"), "r0");
  EXPECT_EQ(*f.find("b")->get("region"), "r1");
  EXPECT_EQ(f.find("DEFAULT"), nullptr);
}

TEST(Ini, HeaderTakesEverythingUpToTheLastBracket) {
  auto f = parse_ok("[a]b] trailing\nk=v\n[ spaced ]\n");
  EXPECT_NE(f.find("a]b"), nullptr);
  EXPECT_NE(f.find(" spaced "), nullptr);
}

TEST(Ini, LineEndingsCrLfAndCr) {
  auto f = parse_ok("[a]\r\nk = v\r\n[b]\rj = w\r");
  EXPECT_EQ(*f.find("a")->get("k"), "v");
  EXPECT_EQ(*f.find("b")->get("j"), "w");
}

TEST(Ini, EmptyInputHasNoSections) { EXPECT_TRUE(parse_ok("").sections.empty()); }

TEST(Ini, ErrorLineOutsideSection) {
  EXPECT_EQ(parse_error("\n# c\nregion = x\n"),
            "~/.aws/config:3: 'region = x' comes before any [section] header");
}

TEST(Ini, ErrorLineWithoutEquals) {
  std::string text = "[default]\na = 1\nb = 2\nc = 3\nd = 4\ne = 5\nbogus line\n";
  EXPECT_EQ(parse_error(text),
            "~/.aws/config:7: expected 'key = value' or a [section] header, got 'bogus line'");
}

TEST(Ini, ErrorDuplicateSectionAndKey) {
  EXPECT_EQ(parse_error("[a]\n[b]\n[a]\n"), "~/.aws/config:3: section [a] already appeared on line 1");
  EXPECT_EQ(parse_error("[a]\nk = 1\nK = 2\n"),
            "~/.aws/config:3: key 'k' already set on line 2 in section [a]");
}

TEST(Ini, ErrorEmptyKeyAndEmptyHeader) {
  EXPECT_EQ(parse_error("[a]\n= v\n"), "~/.aws/config:2: missing key name before '='");
  EXPECT_NE(parse_error("[]\n").find(":1:"), std::string::npos);
}

TEST(Ini, ErrorBadNestedLineNamesItsLine) {
  EXPECT_EQ(parse_error("[a]\ns3 =\n  x = 1\n  junk\n"),
            "~/.aws/config:4: nested setting must be 'name = value', got 'junk'");
}

TEST(Ini, ErrorInvalidUtf8) {
  EXPECT_EQ(parse_error("[a]\nk = \xff\xfe\n"), "~/.aws/config:2: not valid UTF-8");
  auto f = parse_ok("[a]\nk = caf\xc3\xa9 \xe2\x9c\x93\n");
  EXPECT_EQ(*f.find("a")->get("k"), "caf\xc3\xa9 \xe2\x9c\x93");
}

TEST(Ini, UnicodeWhitespaceCountsAsWhitespace) {
  // Python strips no-break spaces and treats an ideographic space as one character of indent.
  auto f = parse_ok("[a]\nk = v\xc2\xa0\n\xe3\x80\x80x = 1\n");
  EXPECT_EQ(*f.find("a")->get("k"), "v\nx = 1");
}

TEST(Ini, NestedBlocksSplitOnFormFeedLikeSplitlines) {
  auto f = parse_ok("[a]\ns3 =\n  x = 1\fy = 2\n");
  const IniValue& s3 = f.find("a")->values.at("s3");
  EXPECT_EQ(s3.nested.at("x"), "1");
  EXPECT_EQ(s3.nested.at("y"), "2");
  EXPECT_NE(parse_error("[a]\ns3 =\n  x = 1\fjunk\n").find(":3:"), std::string::npos);
}

}  // namespace
}  // namespace ec2::auth
