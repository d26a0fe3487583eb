#include "vpcs.h"

#include <gtest/gtest.h>

#include "vpc_test_util.h"

namespace ec2::emu {
namespace {

using testing::Emu;

Vpc vpc_with(std::string primary) {
  Vpc vpc;
  vpc.id = "vpc-12345678";
  vpc.cidr_block = primary;
  vpc.cidr_associations.push_back({"vpc-cidr-assoc-1", primary, "associated", "", "", "", {}});
  return vpc;
}

std::string secondary_error(const std::string& primary, const std::string& block) {
  Status status = check_secondary_cidr(vpc_with(primary), *parse_cidr4(block));
  return status ? std::string() : status.error().code;
}

TEST(VpcCidrRules, PrivateRangesFollowThePrimaryBlock) {
  EXPECT_EQ(secondary_error("10.0.0.0/16", "192.168.0.0/16"), "InvalidVpc.Range");
  EXPECT_EQ(secondary_error("10.0.0.0/16", "172.16.0.0/16"), "InvalidVpc.Range");
  EXPECT_EQ(secondary_error("10.0.0.0/16", "198.19.0.0/16"), "InvalidVpc.Range");
  EXPECT_EQ(secondary_error("10.0.0.0/16", "10.0.0.0/24"), "InvalidVpc.Range");  // overlap
  EXPECT_EQ(secondary_error("10.0.0.0/16", "10.1.0.0/16"), "");
  EXPECT_EQ(secondary_error("10.0.0.0/16", "100.64.0.0/16"), "");
  EXPECT_EQ(secondary_error("10.0.0.0/16", "52.0.0.0/16"), "");
  EXPECT_EQ(secondary_error("10.4.0.0/16", "10.0.5.0/24"), "");  // primary outside 10.0.0.0/15
  EXPECT_EQ(secondary_error("10.1.0.0/16", "10.0.5.0/24"), "InvalidVpc.Range");
  EXPECT_EQ(secondary_error("172.16.0.0/16", "172.31.0.0/16"), "InvalidVpc.Range");
  EXPECT_EQ(secondary_error("172.16.0.0/16", "172.17.0.0/16"), "");
  EXPECT_EQ(secondary_error("192.168.0.0/20", "192.168.16.0/20"), "");
  EXPECT_EQ(secondary_error("192.168.0.0/20", "10.0.0.0/16"), "InvalidVpc.Range");
  EXPECT_EQ(secondary_error("52.0.0.0/16", "10.0.0.0/16"), "InvalidVpc.Range");
  EXPECT_EQ(secondary_error("52.0.0.0/16", "53.0.0.0/16"), "");
}

TEST(VpcCidrRules, AtMostFiveIpv4Blocks) {
  Vpc vpc = vpc_with("10.0.0.0/16");
  for (int i = 1; i < 5; ++i) {
    vpc.cidr_associations.push_back({"a", "10." + std::to_string(i) + ".0.0/16", "associated", "", "", "", {}});
  }
  EXPECT_EQ(check_secondary_cidr(vpc, *parse_cidr4("10.9.0.0/16")).error().code, "CidrLimitExceeded");
  vpc.cidr_associations.back().state = "disassociated";
  EXPECT_TRUE(check_secondary_cidr(vpc, *parse_cidr4("10.9.0.0/16")));
}

TEST(Vpcs, CreateValidatesTheBlockAndBecomesAvailable) {
  Emu emu;
  EXPECT_EQ(emu.error("CreateVpc", "CidrBlock=10.0.0.0/8"), "InvalidVpc.Range");
  EXPECT_EQ(emu.error("CreateVpc", "CidrBlock=10.0.0.0/29"), "InvalidVpc.Range");
  EXPECT_EQ(emu.error("CreateVpc", "CidrBlock=10.0.0.300/16"), "InvalidParameterValue");
  EXPECT_EQ(emu.error("CreateVpc", ""), "MissingParameter");
  EXPECT_EQ(emu.error("CreateVpc", "CidrBlock=10.0.0.0/16&DryRun=true"), "DryRunOperation");
  std::string body = emu.ok("CreateVpc", "CidrBlock=10.0.0.0/16&AmazonProvidedIpv6CidrBlock=true&"
                                         "TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&"
                                         "TagSpecification.1.Tag.1.Value=net");
  std::string id = Emu::first(body, "vpcId");
  EXPECT_EQ(Emu::first(body, "state"), "pending");
  EXPECT_NE(Emu::first(body, "ipv6CidrBlock").find("::/56"), std::string::npos);
  emu.complete();
  std::string described = emu.ok("DescribeVpcs", "VpcId.1=" + id);
  EXPECT_EQ(Emu::all(described, "state"), (std::vector<std::string>{"available", "associated", "associated"}));
  EXPECT_EQ(Emu::first(described, "value"), "net");
  // The new VPC has its own default security group.
  std::string groups = emu.ok("DescribeSecurityGroups", "Filter.1.Name=vpc-id&Filter.1.Value.1=" + id);
  EXPECT_EQ(Emu::all(groups, "groupName"), std::vector<std::string>{"default"});
}

TEST(Vpcs, AssociateAndDisassociateFollowTheLifecycle) {
  Emu emu;
  std::string id = Emu::first(emu.ok("CreateVpc", "CidrBlock=10.0.0.0/16"), "vpcId");
  std::string assoc = emu.ok("AssociateVpcCidrBlock", "VpcId=" + id + "&CidrBlock=10.1.0.0/16");
  EXPECT_EQ(Emu::first(assoc, "state"), "associating");
  EXPECT_EQ(emu.error("AssociateVpcCidrBlock", "VpcId=" + id + "&CidrBlock=192.168.0.0/16"), "InvalidVpc.Range");
  EXPECT_EQ(emu.error("AssociateVpcCidrBlock", "VpcId=vpc-00000000&CidrBlock=10.1.0.0/16"), "InvalidVpcID.NotFound");
  EXPECT_EQ(emu.error("AssociateVpcCidrBlock", "VpcId=vpc-xyz&CidrBlock=10.1.0.0/16"), "InvalidVpcID.Malformed");
  emu.complete();
  std::string described = emu.ok("DescribeVpcs", "VpcId.1=" + id);
  EXPECT_EQ(Emu::all(described, "cidrBlock"), (std::vector<std::string>{"10.0.0.0/16", "10.0.0.0/16", "10.1.0.0/16"}));

  std::vector<std::string> ids = Emu::all(described, "associationId");
  EXPECT_EQ(emu.error("DisassociateVpcCidrBlock", "AssociationId=" + ids[0]), "OperationNotPermitted");
  std::string gone = emu.ok("DisassociateVpcCidrBlock", "AssociationId=" + ids[1]);
  EXPECT_EQ(Emu::first(gone, "state"), "disassociating");
  emu.complete();
  EXPECT_NE(emu.ok("DescribeVpcs", "VpcId.1=" + id).find("disassociated"), std::string::npos);
  emu.advance(std::chrono::hours(1));
  EXPECT_EQ(Emu::all(emu.ok("DescribeVpcs", "VpcId.1=" + id), "cidrBlock").size(), 2u);
  EXPECT_EQ(emu.error("DisassociateVpcCidrBlock", "AssociationId=" + ids[1]), "InvalidVpcCidrBlockAssociationID.NotFound");
}

TEST(Vpcs, OneAmazonIpv6BlockPerVpc) {
  Emu emu;
  std::string id = Emu::first(emu.ok("CreateVpc", "CidrBlock=10.0.0.0/16"), "vpcId");
  std::string body = emu.ok("AssociateVpcCidrBlock", "VpcId=" + id + "&AmazonProvidedIpv6CidrBlock=true");
  EXPECT_EQ(Emu::first(body, "ipv6Pool"), "Amazon");
  EXPECT_EQ(emu.error("AssociateVpcCidrBlock", "VpcId=" + id + "&AmazonProvidedIpv6CidrBlock=true"), "CidrLimitExceeded");
  EXPECT_EQ(emu.error("AssociateVpcCidrBlock", "VpcId=" + id), "MissingParameter");
}

TEST(Vpcs, DescribeFiltersAndPages) {
  Emu emu;
  for (int i = 0; i < 6; ++i) {
    emu.ok("CreateVpc", "CidrBlock=10." + std::to_string(i) + ".0.0/16&TagSpecification.1.ResourceType=vpc&"
                        "TagSpecification.1.Tag.1.Key=Env&TagSpecification.1.Tag.1.Value=e" + std::to_string(i % 2));
  }
  EXPECT_EQ(emu.error("DescribeVpcs", "Filter.1.Name=colour&Filter.1.Value.1=x"), "InvalidParameterValue");
  auto ids = [&](std::string query) { return Emu::all(emu.ok("DescribeVpcs", query), "vpcId").size(); };
  EXPECT_EQ(ids("Filter.1.Name=tag:Env&Filter.1.Value.1=e1"), 3u);
  EXPECT_EQ(ids("Filter.1.Name=cidr-block-association.cidr-block&Filter.1.Value.1=10.?.0.0/16"), 6u);
  EXPECT_EQ(ids("Filter.1.Name=cidr&Filter.1.Value.1=10.1.*&Filter.1.Value.2=10.2.*"), 2u);
  EXPECT_EQ(ids("Filter.1.Name=is-default&Filter.1.Value.1=true"), 1u);
  EXPECT_EQ(ids("Filter.1.Name=tag-key&Filter.1.Value.1=Env&Filter.2.Name=state&Filter.2.Value.1=pending&"
                "Filter.2.Value.2=available"), 6u);
  std::string page = emu.ok("DescribeVpcs", "MaxResults=5");
  EXPECT_EQ(Emu::all(page, "vpcId").size(), 5u);
  std::string token = Emu::first(page, "nextToken");
  ASSERT_FALSE(token.empty());
  EXPECT_GE(Emu::all(emu.ok("DescribeVpcs", "MaxResults=5&NextToken=" + token), "vpcId").size(), 2u);
  EXPECT_EQ(emu.error("DescribeVpcs", "MaxResults=5&NextToken=garbage"), "InvalidPaginationToken");
}

TEST(Vpcs, DeleteChecksDependencies) {
  Emu emu;
  std::string id = Emu::first(emu.ok("CreateVpc", "CidrBlock=10.0.0.0/16"), "vpcId");
  std::string subnet = Emu::first(emu.ok("CreateSubnet", "VpcId=" + id + "&CidrBlock=10.0.1.0/24"), "subnetId");
  EXPECT_EQ(emu.error("DeleteVpc", "VpcId=" + id), "DependencyViolation");
  emu.ok("DeleteSubnet", "SubnetId=" + subnet);
  std::string group = Emu::first(emu.ok("CreateSecurityGroup", "GroupName=web&GroupDescription=d&VpcId=" + id), "groupId");
  EXPECT_EQ(emu.error("DeleteVpc", "VpcId=" + id), "DependencyViolation");
  emu.ok("DeleteSecurityGroup", "GroupId=" + group);
  emu.ok("DeleteVpc", "VpcId=" + id);
  EXPECT_EQ(emu.error("DescribeVpcs", "VpcId.1=" + id), "InvalidVpcID.NotFound");
  EXPECT_EQ(emu.error("DeleteVpc", "VpcId=" + id), "InvalidVpcID.NotFound");
  EXPECT_EQ(emu.error("DeleteVpc", "VpcId=nope"), "InvalidVpcID.Malformed");
}

TEST(Vpcs, DnsAttributes) {
  Emu emu;
  std::string id = Emu::first(emu.ok("CreateVpc", "CidrBlock=10.0.0.0/16"), "vpcId");
  EXPECT_EQ(Emu::first(emu.ok("DescribeVpcAttribute", "VpcId=" + id + "&Attribute=enableDnsHostnames"), "value"), "false");
  emu.ok("ModifyVpcAttribute", "VpcId=" + id + "&EnableDnsHostnames.Value=true");
  EXPECT_EQ(Emu::first(emu.ok("DescribeVpcAttribute", "VpcId=" + id + "&Attribute=enableDnsHostnames"), "value"), "true");
  EXPECT_EQ(Emu::first(emu.ok("DescribeVpcAttribute", "VpcId=" + id + "&Attribute=enableDnsSupport"), "value"), "true");
}

TEST(Subnets, DefaultSubnetsPerZoneAndFilters) {
  Emu emu;
  std::string body = emu.ok("DescribeSubnets", "Filter.1.Name=default-for-az&Filter.1.Value.1=true", "eu-west-1");
  EXPECT_EQ(Emu::all(body, "availabilityZone"),
            (std::vector<std::string>{"eu-west-1a", "eu-west-1b", "eu-west-1c"}));
  std::string one = emu.ok("DescribeSubnets", "Filter.1.Name=availability-zone&Filter.1.Value.1=*b", "eu-west-1");
  EXPECT_EQ(Emu::all(one, "subnetId").size(), 1u);
  EXPECT_EQ(emu.error("DescribeSubnets", "SubnetId.1=subnet-00000000"), "InvalidSubnetID.NotFound");
  EXPECT_EQ(emu.error("DescribeSubnets", "Filter.1.Name=bogus&Filter.1.Value.1=x"), "InvalidParameterValue");
}

}  // namespace
}  // namespace ec2::emu
