// Error mapping, retries and waiters of the VPC layer over a scripted transport and fake clock.
#include <gtest/gtest.h>

#include "ec2/vpc/peering.h"
#include "ec2/vpc/vpcs.h"
#include "vpc/vpc_test_util.h"

namespace ec2::vpc {
namespace {

using ec2::testing::VpcLayerFixture;

const char* kVpcItem =
    "<vpcSet><item><vpcId>vpc-1</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock>"
    "<cidrBlockAssociationSet><item><associationId>a-1</associationId><cidrBlock>10.0.0.0/16</cidrBlock>"
    "<cidrBlockState><state>associated</state></cidrBlockState></item></cidrBlockAssociationSet>"
    "</item></vpcSet>";

TEST(VpcLayer, DescribeVpcsReturnsEmptyListForNotFound) {
  VpcLayerFixture f;
  f.error(400, "InvalidVpcID.NotFound", "The vpc ID 'vpc-9' does not exist");
  auto vpcs = describe_vpcs(f.client, {"vpc-9"});
  ASSERT_TRUE(vpcs.ok());
  EXPECT_TRUE(vpcs->empty());
  EXPECT_EQ(f.transport->requests().size(), 1u);  // not retried: a list call
}

TEST(VpcLayer, DescribeVpcsReturnsVpcs) {
  VpcLayerFixture f;
  f.ok("DescribeVpcs", kVpcItem);
  auto vpcs = describe_vpcs(f.client, {}, {{"tag:Name", {"net"}}});
  ASSERT_TRUE(vpcs.ok());
  ASSERT_EQ(vpcs->size(), 1u);
  EXPECT_EQ((*vpcs)[0].vpc_id, "vpc-1");
  EXPECT_NE(f.transport->requests()[0].body.find("Filter.1.Name=tag%3AName"), std::string::npos);
}

TEST(VpcLayer, DeleteVpcIsFalseWhenMissingTrueWhenDeleted) {
  VpcLayerFixture f;
  f.error(400, "InvalidVpcID.NotFound");
  f.ok("DeleteVpc");
  auto missing = delete_vpc(f.client, "vpc-9");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(*missing);
  auto deleted = delete_vpc(f.client, "vpc-1");
  ASSERT_TRUE(deleted.ok());
  EXPECT_TRUE(*deleted);
}

TEST(VpcLayer, OtherErrorsReadFailedToWhatCodeMessage) {
  VpcLayerFixture f;
  f.error(400, "DependencyViolation", "The vpc 'vpc-1' has dependencies and cannot be deleted.");
  auto result = delete_vpc(f.client, "vpc-1");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "DependencyViolation");
  EXPECT_EQ(to_string(result.error()).rfind("Failed to delete VPC vpc-1: DependencyViolation: The vpc 'vpc-1' has "
                                            "dependencies and cannot be deleted.", 0),
            0u)
      << to_string(result.error());
}

TEST(VpcLayer, ThrottlingIsRetriedWithJitteredBackoff) {
  VpcLayerFixture f;
  f.error(503, "RequestLimitExceeded", "slow down");
  f.error(503, "RequestLimitExceeded", "slow down");
  f.ok("DeleteVpc");
  auto deleted = delete_vpc(f.client, "vpc-1");
  ASSERT_TRUE(deleted.ok());
  EXPECT_TRUE(*deleted);
  EXPECT_EQ(f.transport->requests().size(), 3u);
  // uniform(0, 3 s) then uniform(0, 6 s), with the fake random source fixed at 0.5.
  auto sleeps = f.clock->sleeps();
  ASSERT_EQ(sleeps.size(), 2u);
  EXPECT_EQ(sleeps[0].count(), 1500);
  EXPECT_EQ(sleeps[1].count(), 3000);
}

TEST(VpcLayer, RetriesGiveUpAfterTenTries) {
  VpcLayerFixture f;
  for (int i = 0; i < 12; ++i) f.error(503, "RequestLimitExceeded", "slow down");
  auto result = describe_vpcs(f.client, std::vector<std::string>{});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "RequestLimitExceeded");
  EXPECT_EQ(f.transport->requests().size(), 10u);
}

TEST(VpcLayer, AssociateRetriesNewVpcNotFound) {
  VpcLayerFixture f;
  f.error(400, "InvalidVpcID.NotFound");
  f.ok("AssociateVpcCidrBlock",
       "<cidrBlockAssociation><associationId>a-2</associationId><cidrBlock>10.1.0.0/16</cidrBlock>"
       "<cidrBlockState><state>associating</state></cidrBlockState></cidrBlockAssociation><vpcId>vpc-1</vpcId>");
  auto association = associate_vpc_cidr_block(f.client, "vpc-1", "10.1.0.0/16");
  ASSERT_TRUE(association.ok()) << to_string(association.error());
  EXPECT_EQ(association->association_id, "a-2");
  EXPECT_EQ(f.transport->requests().size(), 2u);
  EXPECT_EQ(f.clock->sleeps().size(), 1u);
}

TEST(VpcLayer, ClientErrorsAreNotRetried) {
  VpcLayerFixture f;
  f.error(400, "InvalidParameterValue", "bad CIDR");
  auto association = associate_vpc_cidr_block(f.client, "vpc-1", "10.1.0.0/33");
  ASSERT_FALSE(association.ok());
  EXPECT_EQ(f.transport->requests().size(), 1u);
  EXPECT_EQ(to_string(association.error()).rfind("Failed to associate CIDR 10.1.0.0/33 with VPC vpc-1: "
                                                 "InvalidParameterValue: bad CIDR", 0),
            0u);
}

TEST(VpcLayer, WaitVpcAvailablePollsUntilAvailable) {
  VpcLayerFixture f;
  f.error(400, "InvalidVpcID.NotFound");
  f.ok("DescribeVpcs", "<vpcSet><item><vpcId>vpc-1</vpcId><state>pending</state></item></vpcSet>");
  f.ok("DescribeVpcs", kVpcItem);
  auto status = wait_vpc_available(f.client, "vpc-1");
  ASSERT_TRUE(status.ok()) << to_string(status.error());
  EXPECT_EQ(f.transport->requests().size(), 3u);
  EXPECT_EQ(f.clock->sleeps().size(), 2u);
}

TEST(VpcLayer, WaitCidrBlocksWaitsForAssociation) {
  VpcLayerFixture f;
  f.ok("DescribeVpcs",
       "<vpcSet><item><vpcId>vpc-1</vpcId><cidrBlockAssociationSet><item><cidrBlock>10.1.0.0/16</cidrBlock>"
       "<cidrBlockState><state>associating</state></cidrBlockState></item></cidrBlockAssociationSet></item></vpcSet>");
  f.ok("DescribeVpcs",
       "<vpcSet><item><vpcId>vpc-1</vpcId><cidrBlockAssociationSet><item><cidrBlock>10.1.0.0/16</cidrBlock>"
       "<cidrBlockState><state>associated</state></cidrBlockState></item></cidrBlockAssociationSet></item></vpcSet>");
  ASSERT_TRUE(wait_cidr_blocks(f.client, "vpc-1", {"10.1.0.0/16"}).ok());
  EXPECT_EQ(f.transport->requests().size(), 2u);
}

TEST(VpcLayer, VpcAttributeReadsAndWrites) {
  VpcLayerFixture f;
  f.ok("DescribeVpcAttribute", "<vpcId>vpc-1</vpcId><enableDnsHostnames><value>true</value></enableDnsHostnames>");
  f.ok("ModifyVpcAttribute", "<return>true</return>");
  auto value = get_vpc_attribute(f.client, "vpc-1", VpcAttribute::EnableDnsHostnames);
  ASSERT_TRUE(value.ok());
  EXPECT_TRUE(*value);
  ASSERT_TRUE(set_vpc_attribute(f.client, "vpc-1", VpcAttribute::EnableDnsSupport, false).ok());
  EXPECT_NE(f.transport->requests()[1].body.find("EnableDnsSupport.Value=false"), std::string::npos);
}

const char* peering(const std::string& status) {
  static std::string xml;
  xml = "<vpcPeeringConnectionSet><item><vpcPeeringConnectionId>pcx-1</vpcPeeringConnectionId><status><code>" +
        status + "</code></status></item></vpcPeeringConnectionSet>";
  return xml.c_str();
}

TEST(VpcPeeringLayer, DescribeReturnsEmptyForPeeringNotFound) {
  VpcLayerFixture f;
  f.error(400, "InvalidVpcPeeringConnectionID.NotFound");
  auto found = get_vpc_peering_connection(f.client, "pcx-9");
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(found->has_value());
}

TEST(VpcPeeringLayer, DeleteIsFalseForPeeringNotFoundOnly) {
  VpcLayerFixture f;
  f.error(400, "InvalidVpcPeeringConnectionID.NotFound");
  f.error(400, "InvalidSubnetID.NotFound");
  auto missing = delete_vpc_peering_connection(f.client, "pcx-9");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(*missing);
  auto other = delete_vpc_peering_connection(f.client, "pcx-9");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(to_string(other.error()).rfind("Failed to delete VPC peering connection pcx-9: InvalidSubnetID.NotFound", 0),
            0u);
}

TEST(VpcPeeringLayer, WaitReachesTargetStatus) {
  VpcLayerFixture f;
  f.ok("DescribeVpcPeeringConnections", peering("initiating-request"));
  f.ok("DescribeVpcPeeringConnections", peering("pending-acceptance"));
  ASSERT_TRUE(wait_peering_status(f.client, "pcx-1", {"pending-acceptance"}).ok());
  EXPECT_EQ(f.transport->requests().size(), 2u);
}

TEST(VpcPeeringLayer, WaitFailsOnOtherTerminalStatus) {
  VpcLayerFixture f;
  f.ok("DescribeVpcPeeringConnections", peering("rejected"));
  auto status = wait_peering_status(f.client, "pcx-1", {"active"});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "WaiterFailure");
}

TEST(VpcPeeringLayer, VanishedConnectionCountsAsDeleted) {
  VpcLayerFixture f;
  f.error(400, "InvalidVpcPeeringConnectionID.NotFound");
  EXPECT_TRUE(wait_peering_status(f.client, "pcx-1", {"deleted"}).ok());
}

}  // namespace
}  // namespace ec2::vpc
