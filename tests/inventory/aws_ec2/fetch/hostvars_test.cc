// Host variables: snake-cased keys, tags, placement.region, timestamps, prefix/suffix.

#include <gtest/gtest.h>

#include "fetch/hostvars.h"

namespace ec2::inventory::aws_ec2 {
namespace {

TEST(HostvarsTest, InstanceBecomesSnakeCasedHostvars) {
  InstanceRecord record{"eu-west-1",
                        nlohmann::json::parse(R"({
    "InstanceId": "i-1", "LaunchTime": "2024-01-02T03:04:05.120Z",
    "Placement": {"AvailabilityZone": "eu-west-1b", "Tenancy": "default"},
    "Tags": [{"Key": "Name", "Value": "web"}, {"Key": "CamelKey", "Value": "v"}],
    "NetworkInterfaces": [{"Attachment": {"AttachTime": "2024-01-02T03:04:05.000Z"}, "Tags": [{"Key": "x"}]}]
  })"),
                        "111", "", "r-1", nullptr, "", {}, {}, nullptr};
  Json instance = boto3_instance(record);
  auto vars = instance_hostvars(instance, {});
  ASSERT_TRUE(vars) << to_string(vars.error());
  EXPECT_EQ((*vars)["instance_id"], "i-1");
  EXPECT_EQ((*vars)["launch_time"], "2024-01-02T03:04:05.120000+00:00");
  EXPECT_EQ((*vars)["network_interfaces"][0]["attachment"]["attach_time"], "2024-01-02T03:04:05+00:00");
  EXPECT_EQ((*vars)["network_interfaces"][0]["tags"], Json::parse(R"([{"key": "x"}])"));
  EXPECT_EQ((*vars)["placement"]["region"], "eu-west-1");
  EXPECT_EQ((*vars)["tags"], Json::parse(R"({"Name": "web", "CamelKey": "v"})"));
  EXPECT_EQ((*vars)["owner_id"], "111");
  EXPECT_EQ((*vars)["requester_id"], "");
  EXPECT_EQ((*vars)["reservation_id"], "r-1");
  EXPECT_FALSE(vars->contains("ec2_tag_Name"));

  auto prefixed = instance_hostvars(instance, HostvarOptions{"aws_", "_ec2", true});
  ASSERT_TRUE(prefixed);
  EXPECT_EQ((*prefixed)["aws_instance_id_ec2"], "i-1");
  EXPECT_EQ((*prefixed)["aws_ec2_tag_Name_ec2"], "web");
  EXPECT_FALSE(prefixed->contains("instance_id"));
}

TEST(HostvarsTest, MissingAvailabilityZoneIsAnError) {
  auto vars = instance_hostvars(Json::parse(R"({"InstanceId": "i-9"})"), {});
  ASSERT_FALSE(vars);
  EXPECT_NE(vars.error().message.find("i-9"), std::string::npos);
}

TEST(HostvarsTest, DatetimeStrUsesASpace) {
  EXPECT_EQ(datetime_str("2024-01-02T03:04:05+00:00"), "2024-01-02 03:04:05+00:00");
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
