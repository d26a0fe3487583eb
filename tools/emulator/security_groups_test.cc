#include "security_groups.h"

#include <gtest/gtest.h>

#include "vpc_test_util.h"

namespace ec2::emu {
namespace {

using testing::Emu;

std::string create_group(Emu& emu, const std::string& name, const std::string& extra = "") {
  return Emu::first(emu.ok("CreateSecurityGroup", "GroupName=" + name + "&GroupDescription=test+group" + extra),
                    "groupId");
}

TEST(SecurityGroups, CreateInDefaultVpcAndRejectDuplicates) {
  Emu emu;
  std::string id = create_group(emu, "web", "&TagSpecification.1.ResourceType=security-group&"
                                            "TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=w");
  EXPECT_EQ(emu.error("CreateSecurityGroup", "GroupName=web&GroupDescription=x"), "InvalidGroup.Duplicate");
  EXPECT_EQ(emu.error("CreateSecurityGroup", "GroupName=web"), "MissingParameter");
  EXPECT_EQ(emu.error("CreateSecurityGroup", "GroupName=sg-1&GroupDescription=x"), "InvalidParameterValue");
  EXPECT_EQ(emu.error("CreateSecurityGroup", "GroupName=x&GroupDescription=x&VpcId=vpc-00000000"),
            "InvalidVpcID.NotFound");
  std::string body = emu.ok("DescribeSecurityGroups", "GroupName.1=web");
  EXPECT_EQ(Emu::first(body, "groupId"), id);
  EXPECT_EQ(Emu::first(body, "value"), "w");
  // Every new group allows all egress.
  EXPECT_EQ(Emu::first(Emu::first(body, "ipPermissionsEgress"), "cidrIp"), "0.0.0.0/0");
  EXPECT_EQ(emu.error("DescribeSecurityGroups", "GroupId.1=sg-00000000"), "InvalidGroup.NotFound");
  EXPECT_EQ(emu.error("DescribeSecurityGroups", "GroupId.1=web"), "InvalidGroupId.Malformed");
}

TEST(SecurityGroups, AuthorizeRevokeAndRuleSet) {
  Emu emu;
  std::string id = create_group(emu, "web");
  std::string other = create_group(emu, "db");
  std::string rules = "GroupId=" + id +
                      "&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=22&IpPermissions.1.ToPort=22"
                      "&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0/8&IpPermissions.1.IpRanges.1.Description=ssh"
                      "&IpPermissions.1.Ipv6Ranges.1.CidrIpv6=2001:db8::/32"
                      "&IpPermissions.2.IpProtocol=-1&IpPermissions.2.UserIdGroupPairs.1.GroupId=" + other;
  std::string body = emu.ok("AuthorizeSecurityGroupIngress", rules);
  EXPECT_EQ(Emu::first(body, "return"), "true");
  EXPECT_EQ(Emu::all(body, "securityGroupRuleId").size(), 3u);
  EXPECT_EQ(Emu::first(body, "cidrIpv4"), "10.0.0.0/8");
  EXPECT_EQ(emu.error("AuthorizeSecurityGroupIngress", rules), "InvalidPermission.Duplicate");
  // Legacy top-level form.
  emu.ok("AuthorizeSecurityGroupIngress", "GroupId=" + id + "&IpProtocol=tcp&FromPort=443&ToPort=443&CidrIp=0.0.0.0/0");
  EXPECT_EQ(emu.error("AuthorizeSecurityGroupIngress", "GroupId=" + id + "&IpProtocol=tcp&FromPort=9&ToPort=1&CidrIp=0.0.0.0/0"),
            "InvalidParameterValue");
  EXPECT_EQ(emu.error("AuthorizeSecurityGroupIngress", "GroupId=" + id + "&IpProtocol=tcp&FromPort=1&ToPort=1&CidrIp=1.2.3.4/8"),
            "InvalidParameterValue");

  auto count = [&](const std::string& query) {
    return Emu::all(emu.ok("DescribeSecurityGroups", query), "groupName").size();
  };
  EXPECT_EQ(count("Filter.1.Name=ip-permission.from-port&Filter.1.Value.1=443"), 1u);
  EXPECT_EQ(count("Filter.1.Name=ip-permission.cidr&Filter.1.Value.1=10.0.0.0/8"), 1u);
  EXPECT_EQ(count("Filter.1.Name=ip-permission.group-id&Filter.1.Value.1=" + other), 1u);
  EXPECT_EQ(count("Filter.1.Name=group-name&Filter.1.Value.1=d*"), 2u);  // db and default

  emu.ok("RevokeSecurityGroupIngress", "GroupId=" + id + "&IpProtocol=tcp&FromPort=443&ToPort=443&CidrIp=0.0.0.0/0");
  EXPECT_EQ(count("Filter.1.Name=ip-permission.from-port&Filter.1.Value.1=443"), 0u);
  EXPECT_EQ(emu.error("RevokeSecurityGroupIngress", "GroupId=" + id + "&IpProtocol=tcp&FromPort=443&ToPort=443&CidrIp=0.0.0.0/0"),
            "InvalidPermission.NotFound");
  // db is referenced by web's rule.
  EXPECT_EQ(emu.error("DeleteSecurityGroup", "GroupId=" + other), "DependencyViolation");
  emu.ok("DeleteSecurityGroup", "GroupName=web");
  emu.ok("DeleteSecurityGroup", "GroupId=" + other);
  EXPECT_EQ(emu.error("DeleteSecurityGroup", "GroupId=" + other), "InvalidGroup.NotFound");
}

TEST(SecurityGroups, DefaultGroupCannotBeDeleted) {
  Emu emu;
  EXPECT_EQ(emu.error("DeleteSecurityGroup", "GroupName=default"), "CannotDelete");
  EXPECT_EQ(emu.error("DeleteSecurityGroup", "GroupName=nope"), "InvalidGroup.NotFound");
}

TEST(SecurityGroups, GroupInUseByAnInstance) {
  Emu emu;
  std::string id = create_group(emu, "app");
  std::string image = Emu::first(emu.ok("DescribeImages", "Filter.1.Name=name&Filter.1.Value.1=amzn2-ami-hvm-*"), "imageId");
  emu.ok("RunInstances", "ImageId=" + image + "&MinCount=1&MaxCount=1&InstanceType=t3.micro&SecurityGroupId.1=" + id);
  EXPECT_EQ(emu.error("DeleteSecurityGroup", "GroupId=" + id), "DependencyViolation");
}

}  // namespace
}  // namespace ec2::emu
