#include "ec2/query.h"

#include <gtest/gtest.h>

namespace ec2 {
namespace {

TEST(QueryParamsTest, EncodesActionVersionThenParamsInOrder) {
  QueryParams p;
  p.set("InstanceType", "t2.nano").set_int("MinCount", 1).set_bool("DryRun", true);
  EXPECT_EQ(p.encode("RunInstances"),
            "Action=RunInstances&Version=2016-11-15&InstanceType=t2.nano&MinCount=1&DryRun=true");
}

TEST(QueryParamsTest, SetReplacesExistingKey) {
  QueryParams p;
  p.set("NextToken", "a").set("MaxResults", "5").set("NextToken", "b");
  ASSERT_EQ(p.items().size(), 2u);
  EXPECT_EQ(*p.get("NextToken"), "b");
  EXPECT_EQ(p.get("Missing"), nullptr);
}

TEST(QueryParamsTest, FlattensListsOneBased) {
  QueryParams p;
  p.set_list("InstanceId", {"i-1", "i-2"}).set_list("Empty", {});
  ASSERT_EQ(p.items().size(), 2u);
  EXPECT_EQ(p.items()[0], QueryParams::Item("InstanceId.1", "i-1"));
  EXPECT_EQ(p.items()[1], QueryParams::Item("InstanceId.2", "i-2"));
}

TEST(QueryParamsTest, FlattensFilters) {
  QueryParams p;
  p.set_filters({{"instance-state-name", {"running", "pending"}}, {"tag:Name", {"web"}}});
  std::vector<QueryParams::Item> expected = {
      {"Filter.1.Name", "instance-state-name"},
      {"Filter.1.Value.1", "running"},
      {"Filter.1.Value.2", "pending"},
      {"Filter.2.Name", "tag:Name"},
      {"Filter.2.Value.1", "web"},
  };
  EXPECT_EQ(p.items(), expected);
}

TEST(QueryParamsTest, FlattensTagsAndTagSpecifications) {
  QueryParams p;
  p.set_tags("Tag", {{"Name", "web"}, {"env", ""}});
  p.add_tag_specification("instance", {{"Name", "web"}});
  p.add_tag_specification("volume", {{"a", "1"}, {"b", "2"}});
  EXPECT_EQ(*p.get("Tag.1.Key"), "Name");
  EXPECT_EQ(*p.get("Tag.2.Value"), "");
  EXPECT_EQ(*p.get("TagSpecification.1.ResourceType"), "instance");
  EXPECT_EQ(*p.get("TagSpecification.1.Tag.1.Key"), "Name");
  EXPECT_EQ(*p.get("TagSpecification.1.Tag.1.Value"), "web");
  EXPECT_EQ(*p.get("TagSpecification.2.ResourceType"), "volume");
  EXPECT_EQ(*p.get("TagSpecification.2.Tag.2.Key"), "b");
  EXPECT_EQ(*p.get("TagSpecification.2.Tag.2.Value"), "2");
}

TEST(QueryParamsTest, EncodesReservedAndUnicodeCharacters) {
  QueryParams p;
  p.set("Filter.1.Name", "tag:Name")
      .set("UserData", "a+b/c=d e&f")
      .set("Tag.1.Value", "caf\xc3\xa9");
  EXPECT_EQ(p.encode("X"),
            "Action=X&Version=2016-11-15&Filter.1.Name=tag%3AName&UserData=a%2Bb%2Fc%3Dd%20e%26f"
            "&Tag.1.Value=caf%C3%A9");
}

TEST(UriEncodeTest, KeepsUnreservedAndOptionallySlash) {
  EXPECT_EQ(uri_encode("AZaz09-_.~"), "AZaz09-_.~");
  EXPECT_EQ(uri_encode("/a b/"), "%2Fa%20b%2F");
  EXPECT_EQ(uri_encode("/a b/", false), "/a%20b/");
  EXPECT_EQ(uri_encode("*"), "%2A");
}

TEST(UriDecodeTest, DecodesEscapesAndPlus) {
  EXPECT_EQ(uri_decode("a%20b+c%2fd"), "a b c/d");
  EXPECT_EQ(uri_decode("a+b", false), "a+b");
  EXPECT_EQ(uri_decode("caf%C3%A9"), "caf\xc3\xa9");
}

TEST(UriDecodeTest, LeavesMalformedEscapesAlone) {
  EXPECT_EQ(uri_decode("100%"), "100%");
  EXPECT_EQ(uri_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(uri_decode("%41%4"), "A%4");
}

TEST(UriEncodeTest, RoundTripsEveryByte) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  EXPECT_EQ(uri_decode(uri_encode(all)), all);
}

}  // namespace
}  // namespace ec2
