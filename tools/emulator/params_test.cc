#include "params.h"

#include <gtest/gtest.h>

namespace ec2::emu {
namespace {

Params parse(std::string_view form) {
  Params p;
  p.add_form(form);
  return p;
}

TEST(Params, DecodesFormValues) {
  Params p = parse("Action=RunInstances&Tag.1.Value=a+b%2Cc%C3%A9&Empty=");
  EXPECT_EQ(p.get("Action"), "RunInstances");
  EXPECT_EQ(p.get("Tag.1.Value"), "a b,cé");
  ASSERT_TRUE(p.has("Empty"));
  EXPECT_EQ(p.get("Empty"), "");
}

TEST(Params, ListsFollowNumericIndexOrder) {
  Params p = parse("InstanceId.10=i-c&InstanceId.2=i-b&InstanceId.1=i-a&InstanceIdX.1=no");
  EXPECT_EQ(p.list("InstanceId"), (std::vector<std::string>{"i-a", "i-b", "i-c"}));
}

TEST(Params, FiltersCollectNamesAndValues) {
  Params p = parse("Filter.1.Name=tag:Name&Filter.1.Value.1=web*&Filter.1.Value.2=db&Filter.2.Name=instance-state-name"
                   "&Filter.2.Value.1=running");
  auto filters = p.filters();
  ASSERT_TRUE(filters.ok());
  ASSERT_EQ(filters->size(), 2u);
  EXPECT_EQ((*filters)[0].name, "tag:Name");
  EXPECT_EQ((*filters)[0].values, (std::vector<std::string>{"web*", "db"}));
  EXPECT_EQ((*filters)[1].values, (std::vector<std::string>{"running"}));
}

TEST(Params, FilterWithoutNameIsMissingParameter) {
  auto filters = parse("Filter.1.Value.1=x").filters();
  ASSERT_FALSE(filters.ok());
  EXPECT_EQ(filters.error().code, "MissingParameter");
  EXPECT_EQ(filters.error().message, "The request must contain the parameter Filter.1.Name");
}

TEST(Params, RequiredReportsMissingParameter) {
  auto value = parse("A=1").required("ImageId");
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.error().code, "MissingParameter");
  EXPECT_EQ(value.error().http_status, 400);
}

TEST(Params, IntegerValidatesFormatAndRange) {
  Params p = parse("MaxResults=3&Bad=x1");
  EXPECT_EQ(p.integer("Missing", 7).value(), 7);
  auto low = p.integer("MaxResults", 0, 5, 1000);
  ASSERT_FALSE(low.ok());
  EXPECT_EQ(low.error().code, "InvalidParameterValue");
  EXPECT_FALSE(p.integer("Bad", 0).ok());
}

TEST(Params, BooleanAcceptsOnlyTrueOrFalse) {
  Params p = parse("DryRun=true&Other=yes");
  EXPECT_TRUE(p.boolean("DryRun").value());
  EXPECT_FALSE(p.boolean("Absent").value());
  EXPECT_EQ(p.boolean("Other").error().code, "InvalidParameterValue");
}

TEST(Params, TagSpecificationsGroupTagsByResourceType) {
  Params p = parse("TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name"
                   "&TagSpecification.1.Tag.1.Value=web&TagSpecification.2.ResourceType=volume"
                   "&TagSpecification.2.Tag.1.Key=v&TagSpecification.2.Tag.1.Value=1");
  auto tags = p.tags_for("instance");
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (Tags{{"Name", "web"}}));
  auto missing_type = parse("TagSpecification.1.Tag.1.Key=a").tag_specifications();
  EXPECT_EQ(missing_type.error().code, "MissingParameter");
}

}  // namespace
}  // namespace ec2::emu
