#include <gtest/gtest.h>

#include "vpc_test_util.h"

namespace ec2::emu {
namespace {

using testing::Emu;

TEST(Tags, CreateDeleteAndDescribe) {
  Emu emu;
  std::string vpc = Emu::first(emu.ok("CreateVpc", "CidrBlock=10.0.0.0/16"), "vpcId");
  std::string group = Emu::first(emu.ok("CreateSecurityGroup", "GroupName=g&GroupDescription=d"), "groupId");
  emu.ok("CreateTags", "ResourceId.1=" + vpc + "&ResourceId.2=" + group +
                       "&Tag.1.Key=Name&Tag.1.Value=a&Tag.2.Key=Env&Tag.2.Value=dev&Tag.3.Key=Empty");
  auto keys = [&](const std::string& query) { return Emu::all(emu.ok("DescribeTags", query), "key"); };
  EXPECT_EQ(keys("Filter.1.Name=resource-id&Filter.1.Value.1=" + vpc),
            (std::vector<std::string>{"Name", "Env", "Empty"}));
  EXPECT_EQ(keys("Filter.1.Name=resource-type&Filter.1.Value.1=security-group&Filter.2.Name=value&Filter.2.Value.1=d*"),
            std::vector<std::string>{"Env"});
  // A value only deletes a matching tag; no value deletes the key.
  emu.ok("DeleteTags", "ResourceId.1=" + vpc + "&Tag.1.Key=Env&Tag.1.Value=prod&Tag.2.Key=Name");
  EXPECT_EQ(keys("Filter.1.Name=resource-id&Filter.1.Value.1=" + vpc), (std::vector<std::string>{"Env", "Empty"}));
  emu.ok("DeleteTags", "ResourceId.1=" + vpc + "&Tag.1.Key=Empty&Tag.1.Value=");
  emu.ok("DeleteTags", "ResourceId.1=" + group);
  EXPECT_EQ(keys("Filter.1.Name=resource-id&Filter.1.Value.1=" + vpc), std::vector<std::string>{"Env"});
  EXPECT_TRUE(keys("Filter.1.Name=resource-id&Filter.1.Value.1=" + group).empty());
  EXPECT_EQ(emu.error("DescribeTags", "Filter.1.Name=colour&Filter.1.Value.1=x"), "InvalidParameterValue");
}

TEST(Tags, ResourcesMustExist) {
  Emu emu;
  EXPECT_EQ(emu.error("CreateTags", "ResourceId.1=vpc-00000000&Tag.1.Key=a"), "InvalidVpcID.NotFound");
  EXPECT_EQ(emu.error("CreateTags", "ResourceId.1=i-00000000&Tag.1.Key=a"), "InvalidInstanceID.NotFound");
  EXPECT_EQ(emu.error("CreateTags", "ResourceId.1=pcx-00000000&Tag.1.Key=a"), "InvalidVpcPeeringConnectionID.NotFound");
  EXPECT_EQ(emu.error("CreateTags", "ResourceId.1=sg-00000000&Tag.1.Key=a"), "InvalidGroup.NotFound");
  EXPECT_EQ(emu.error("CreateTags", "ResourceId.1=subnet-00000000&Tag.1.Key=a"), "InvalidSubnetID.NotFound");
  EXPECT_EQ(emu.error("CreateTags", "ResourceId.1=bogus-1&Tag.1.Key=a"), "InvalidID");
  EXPECT_EQ(emu.error("CreateTags", "ResourceId.1=vpc-1&Tag.1.Key=a"), "InvalidID");
  EXPECT_EQ(emu.error("CreateTags", "Tag.1.Key=a"), "MissingParameter");
  std::string vpc = Emu::first(emu.ok("CreateVpc", "CidrBlock=10.0.0.0/16"), "vpcId");
  EXPECT_EQ(emu.error("CreateTags", "ResourceId.1=" + vpc + "&Tag.1.Key=aws:x&Tag.1.Value=1"), "InvalidParameterValue");
  EXPECT_EQ(emu.error("CreateTags", "ResourceId.1=" + vpc + "&Tag.1.Key=a&DryRun=true"), "DryRunOperation");
}

TEST(Tags, DescribePagesThroughEveryTag) {
  Emu emu;
  std::string vpc = Emu::first(emu.ok("CreateVpc", "CidrBlock=10.0.0.0/16"), "vpcId");
  std::string query = "ResourceId.1=" + vpc;
  for (int i = 0; i < 12; ++i) query += "&Tag." + std::to_string(i + 1) + ".Key=k" + std::to_string(i);
  emu.ok("CreateTags", query);
  std::vector<std::string> seen;
  std::string token;
  for (int pages = 0; pages < 10; ++pages) {
    std::string body = emu.ok("DescribeTags", "MaxResults=5" + (token.empty() ? "" : "&NextToken=" + token));
    for (const std::string& key : Emu::all(body, "key")) seen.push_back(key);
    token = Emu::first(body, "nextToken");
    if (token.empty()) break;
  }
  EXPECT_EQ(seen.size(), 12u);
}

}  // namespace
}  // namespace ec2::emu
