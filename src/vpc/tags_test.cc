// compare_tags and ensure_tags.
#include "ec2/vpc/tags.h"

#include <gtest/gtest.h>

#include "vpc/vpc_test_util.h"

namespace ec2::vpc {
namespace {

TEST(CompareTags, SetsMissingAndChangedTags) {
  TagDiff diff = compare_tags({{"a", "1"}, {"b", "2"}}, {{"a", "1"}, {"b", "3"}, {"c", "4"}}, false);
  EXPECT_EQ(diff.to_set, (TagMap{{"b", "3"}, {"c", "4"}}));
  EXPECT_TRUE(diff.to_unset.empty());
}

TEST(CompareTags, PurgesOthersButNeverAwsKeys) {
  TagDiff diff = compare_tags({{"a", "1"}, {"old", "x"}, {"aws:cloudformation:stack-name", "s"}}, {{"a", "1"}}, true);
  EXPECT_TRUE(diff.to_set.empty());
  EXPECT_EQ(diff.to_unset, std::vector<std::string>{"old"});
}

TEST(CompareTags, WithoutPurgeKeepsOthers) {
  EXPECT_TRUE(compare_tags({{"a", "1"}, {"old", "x"}}, {{"a", "1"}}, false).empty());
}

TEST(EnsureTags, CheckModeReportsWithoutSending) {
  ec2::testing::VpcLayerFixture f;
  f.ok("DescribeTags", "<tagSet><item><resourceId>vpc-1</resourceId><key>a</key><value>1</value></item></tagSet>");
  auto result = ensure_tags(f.client, "vpc-1", {{"b", "2"}}, true, true);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->changed);
  EXPECT_EQ(result->after, (TagMap{{"b", "2"}}));
  EXPECT_EQ(f.transport->requests().size(), 1u);
}

TEST(EnsureTags, DeletesThenCreates) {
  ec2::testing::VpcLayerFixture f;
  f.ok("DescribeTags", "<tagSet><item><resourceId>vpc-1</resourceId><key>a</key><value>1</value></item></tagSet>");
  f.ok("DeleteTags", "<return>true</return>");
  f.ok("CreateTags", "<return>true</return>");
  auto result = ensure_tags(f.client, "vpc-1", {{"b", "2"}}, true, false);
  ASSERT_TRUE(result.ok()) << to_string(result.error());
  EXPECT_TRUE(result->changed);
  ASSERT_EQ(f.transport->requests().size(), 3u);
  EXPECT_EQ(f.action(1), "DeleteTags");
  EXPECT_EQ(f.action(2), "CreateTags");
}

TEST(EnsureTags, UnchangedSendsNothingMore) {
  ec2::testing::VpcLayerFixture f;
  f.ok("DescribeTags", "<tagSet><item><resourceId>vpc-1</resourceId><key>a</key><value>1</value></item></tagSet>");
  auto result = ensure_tags(f.client, "vpc-1", {{"a", "1"}}, true, false);
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->changed);
  EXPECT_EQ(f.transport->requests().size(), 1u);
}

}  // namespace
}  // namespace ec2::vpc
