#include "filters.h"

#include <gtest/gtest.h>

namespace ec2::emu {
namespace {

TEST(Wildcard, StarAndQuestionMark) {
  EXPECT_TRUE(wildcard_match("*", ""));
  EXPECT_TRUE(wildcard_match("web-*", "web-01"));
  EXPECT_TRUE(wildcard_match("*-01", "web-01"));
  EXPECT_TRUE(wildcard_match("w?b*0?", "web-01"));
  EXPECT_FALSE(wildcard_match("web", "web-01"));
  EXPECT_FALSE(wildcard_match("w?b", "wb"));
  EXPECT_TRUE(wildcard_match("a*b*c", "aXXbYYbc"));
  EXPECT_FALSE(wildcard_match("a*b*c", "aXXbYYb"));
}

TEST(Wildcard, QuestionMarkMatchesOneUnicodeCharacter) {
  EXPECT_TRUE(wildcard_match("Zo?", "Zoë"));
  EXPECT_TRUE(wildcard_match("?田*", "山田太郎"));
  EXPECT_FALSE(wildcard_match("Zo??", "Zoë"));
}

TEST(Wildcard, BackslashEscapesLiteralStar) {
  EXPECT_TRUE(wildcard_match("a\\*", "a*"));
  EXPECT_FALSE(wildcard_match("a\\*", "ab"));
}

struct Thing {
  std::string id;
  std::string state;
  std::vector<std::string> groups;
};

const FilterSet<Thing>& thing_filters() {
  static const FilterSet<Thing> set = [] {
    FilterSet<Thing> s;
    s.value("state", [](const Thing& t) { return std::string_view(t.state); })
        .field("group", [](const Thing& t, const EmitValue& emit) {
          for (auto& g : t.groups) {
            if (emit(g)) return;
          }
        })
        .with_tags([](const Thing& t) { return std::string_view(t.id); });
    return s;
  }();
  return set;
}

TEST(FilterSet, AndAcrossFiltersOrAcrossValues) {
  TagStore tags;
  tags.set("t-1", "Name", "web 1");
  Thing thing{"t-1", "running", {"sg-a", "sg-b"}};
  const auto& set = thing_filters();
  EXPECT_TRUE(set.matches(thing, {{"state", {"stopped", "running"}}}, tags));
  EXPECT_FALSE(set.matches(thing, {{"state", {"stopped"}}}, tags));
  EXPECT_TRUE(set.matches(thing, {{"state", {"running"}}, {"group", {"sg-b"}}}, tags));
  EXPECT_FALSE(set.matches(thing, {{"state", {"running"}}, {"group", {"sg-c"}}}, tags));
}

TEST(FilterSet, TagFilters) {
  TagStore tags;
  tags.set("t-1", "Name", "web, 1");
  Thing thing{"t-1", "running", {}};
  const auto& set = thing_filters();
  EXPECT_TRUE(set.matches(thing, {{"tag:Name", {"web,*"}}}, tags));
  EXPECT_FALSE(set.matches(thing, {{"tag:Other", {"*"}}}, tags));
  EXPECT_TRUE(set.matches(thing, {{"tag-key", {"Na?e"}}}, tags));
  EXPECT_TRUE(set.matches(thing, {{"tag-value", {"web, 1"}}}, tags));
}

TEST(FilterSet, UnknownFilterIsInvalidParameterValue) {
  auto status = thing_filters().validate({{"state", {"x"}}, {"colour", {"red"}}});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "InvalidParameterValue");
  EXPECT_EQ(status.error().message, "The filter 'colour' is invalid");
  EXPECT_TRUE(thing_filters().validate({{"tag:Any Key", {"x"}}}).ok());
}

}  // namespace
}  // namespace ec2::emu
