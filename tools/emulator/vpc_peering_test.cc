#include "vpc_peering.h"

#include <gtest/gtest.h>

#include "vpc_test_util.h"

namespace ec2::emu {
namespace {

using testing::Emu;

std::string make_vpc(Emu& emu, const std::string& cidr, const std::string& region = "us-east-1") {
  return Emu::first(emu.ok("CreateVpc", "CidrBlock=" + cidr, region), "vpcId");
}

std::string status_of(Emu& emu, const std::string& id, const std::string& region = "us-east-1") {
  std::string body = emu.ok("DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1=" + id, region);
  return Emu::first(Emu::first(body, "status"), "code");
}

TEST(VpcPeering, SameRegionLifecycle) {
  Emu emu;
  std::string a = make_vpc(emu, "10.0.0.0/16");
  std::string b = make_vpc(emu, "10.1.0.0/16");
  std::string created = emu.ok("CreateVpcPeeringConnection", "VpcId=" + a + "&PeerVpcId=" + b);
  std::string id = Emu::first(created, "vpcPeeringConnectionId");
  EXPECT_EQ(Emu::first(created, "code"), "initiating-request");
  EXPECT_FALSE(Emu::first(created, "expirationTime").empty());
  emu.complete();
  std::string pending = emu.ok("DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1=" + id);
  EXPECT_EQ(Emu::first(pending, "code"), "pending-acceptance");
  EXPECT_EQ(Emu::first(Emu::first(pending, "accepterVpcInfo"), "cidrBlock"), "10.1.0.0/16");
  EXPECT_EQ(Emu::first(Emu::first(pending, "requesterVpcInfo"), "region"), "us-east-1");

  EXPECT_EQ(Emu::first(emu.ok("AcceptVpcPeeringConnection", "VpcPeeringConnectionId=" + id), "code"), "provisioning");
  emu.complete();
  EXPECT_EQ(status_of(emu, id), "active");
  EXPECT_EQ(emu.error("AcceptVpcPeeringConnection", "VpcPeeringConnectionId=" + id), "InvalidStateTransition");
  EXPECT_EQ(emu.error("RejectVpcPeeringConnection", "VpcPeeringConnectionId=" + id), "InvalidStateTransition");

  emu.ok("DeleteVpcPeeringConnection", "VpcPeeringConnectionId=" + id);
  EXPECT_EQ(status_of(emu, id), "deleting");
  emu.complete();
  EXPECT_EQ(status_of(emu, id), "deleted");
  EXPECT_EQ(emu.error("DeleteVpcPeeringConnection", "VpcPeeringConnectionId=" + id), "InvalidStateTransition");
  emu.advance(std::chrono::hours(3));
  EXPECT_EQ(emu.error("DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1=" + id),
            "InvalidVpcPeeringConnectionID.NotFound");
}

TEST(VpcPeering, OverlapOrMissingPeerFailsAsynchronously) {
  Emu emu;
  std::string a = make_vpc(emu, "10.0.0.0/16");
  std::string b = make_vpc(emu, "10.0.0.0/16");
  std::string overlap = Emu::first(emu.ok("CreateVpcPeeringConnection", "VpcId=" + a + "&PeerVpcId=" + b),
                                   "vpcPeeringConnectionId");
  std::string missing = Emu::first(emu.ok("CreateVpcPeeringConnection", "VpcId=" + a + "&PeerVpcId=vpc-0000000000000000a"),
                                   "vpcPeeringConnectionId");
  emu.complete();
  EXPECT_EQ(status_of(emu, overlap), "failed");
  EXPECT_EQ(status_of(emu, missing), "failed");
  EXPECT_NE(emu.ok("DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1=" + overlap).find("overlapping CIDR range"),
            std::string::npos);
  EXPECT_EQ(emu.error("CreateVpcPeeringConnection", "VpcId=vpc-0000000000000000a&PeerVpcId=" + b), "InvalidVpcID.NotFound");
  EXPECT_EQ(emu.error("CreateVpcPeeringConnection", "VpcId=" + a + "&PeerVpcId=bad"), "InvalidVpcID.Malformed");
}

TEST(VpcPeering, RejectAndExpire) {
  Emu emu;
  std::string a = make_vpc(emu, "10.0.0.0/16");
  std::string b = make_vpc(emu, "10.1.0.0/16");
  std::string query = "VpcId=" + a + "&PeerVpcId=" + b;
  std::string rejected = Emu::first(emu.ok("CreateVpcPeeringConnection", query), "vpcPeeringConnectionId");
  std::string expiring = Emu::first(emu.ok("CreateVpcPeeringConnection", query), "vpcPeeringConnectionId");
  emu.complete();
  emu.ok("RejectVpcPeeringConnection", "VpcPeeringConnectionId=" + rejected);
  EXPECT_EQ(status_of(emu, rejected), "rejected");
  EXPECT_EQ(emu.error("AcceptVpcPeeringConnection", "VpcPeeringConnectionId=" + rejected), "InvalidStateTransition");
  emu.advance(std::chrono::hours(24 * 7 + 1));
  EXPECT_EQ(status_of(emu, expiring), "expired");
}

TEST(VpcPeering, CrossRegionIsVisibleAndAcceptedInThePeerRegion) {
  Emu emu;
  std::string a = make_vpc(emu, "10.0.0.0/16");
  std::string b = make_vpc(emu, "10.1.0.0/16", "eu-west-1");
  std::string id = Emu::first(emu.ok("CreateVpcPeeringConnection", "VpcId=" + a + "&PeerVpcId=" + b + "&PeerRegion=eu-west-1"),
                              "vpcPeeringConnectionId");
  emu.complete();
  EXPECT_EQ(status_of(emu, id, "eu-west-1"), "pending-acceptance");
  EXPECT_EQ(emu.error("AcceptVpcPeeringConnection", "VpcPeeringConnectionId=" + id), "OperationNotPermitted");
  emu.ok("AcceptVpcPeeringConnection", "VpcPeeringConnectionId=" + id, "eu-west-1");
  emu.complete();
  EXPECT_EQ(status_of(emu, id), "active");
  EXPECT_EQ(emu.error("DescribeVpcPeeringConnections", "VpcPeeringConnectionId.1=" + id, "us-west-2"),
            "InvalidVpcPeeringConnectionID.NotFound");
  // Tags set in the accepter's region are the connection's tags.
  emu.ok("CreateTags", "ResourceId.1=" + id + "&Tag.1.Key=Name&Tag.1.Value=link", "eu-west-1");
  EXPECT_EQ(Emu::first(emu.ok("DescribeVpcPeeringConnections", "Filter.1.Name=tag:Name&Filter.1.Value.1=link"),
                       "vpcPeeringConnectionId"), id);
}

TEST(VpcPeering, OtherOwnerStaysPendingForUs) {
  Emu emu;
  std::string a = make_vpc(emu, "10.0.0.0/16");
  std::string id = Emu::first(emu.ok("CreateVpcPeeringConnection",
                                     "VpcId=" + a + "&PeerVpcId=vpc-0123456789abcdef0&PeerOwnerId=210987654321"),
                              "vpcPeeringConnectionId");
  emu.complete();
  EXPECT_EQ(status_of(emu, id), "pending-acceptance");
  EXPECT_EQ(emu.error("AcceptVpcPeeringConnection", "VpcPeeringConnectionId=" + id), "OperationNotPermitted");
  emu.ok("DeleteVpcPeeringConnection", "VpcPeeringConnectionId=" + id);
}

TEST(VpcPeering, DescribeFiltersAndPages) {
  Emu emu;
  std::string a = make_vpc(emu, "10.0.0.0/16");
  std::vector<std::string> peers;
  for (int i = 1; i <= 6; ++i) {
    std::string b = make_vpc(emu, "10." + std::to_string(i) + ".0.0/16");
    emu.ok("CreateVpcPeeringConnection", "VpcId=" + a + "&PeerVpcId=" + b);
    peers.push_back(b);
  }
  emu.complete();
  auto count = [&](const std::string& query) {
    return Emu::all(emu.ok("DescribeVpcPeeringConnections", query), "vpcPeeringConnectionId").size();
  };
  EXPECT_EQ(count("Filter.1.Name=requester-vpc-info.vpc-id&Filter.1.Value.1=" + a), 6u);
  EXPECT_EQ(count("Filter.1.Name=accepter-vpc-info.vpc-id&Filter.1.Value.1=" + peers[2]), 1u);
  EXPECT_EQ(count("Filter.1.Name=accepter-vpc-info.cidr-block&Filter.1.Value.1=10.[12].*"), 0u);
  EXPECT_EQ(count("Filter.1.Name=accepter-vpc-info.cidr-block&Filter.1.Value.1=10.?.0.0/16"), 6u);
  EXPECT_EQ(count("Filter.1.Name=status-code&Filter.1.Value.1=pending-acceptance"), 6u);
  EXPECT_EQ(emu.error("DescribeVpcPeeringConnections", "Filter.1.Name=bogus&Filter.1.Value.1=x"), "InvalidParameterValue");
  std::string page = emu.ok("DescribeVpcPeeringConnections", "MaxResults=5");
  EXPECT_EQ(Emu::all(page, "vpcPeeringConnectionId").size(), 5u);
  std::string rest = emu.ok("DescribeVpcPeeringConnections", "MaxResults=5&NextToken=" + Emu::first(page, "nextToken"));
  EXPECT_EQ(Emu::all(rest, "vpcPeeringConnectionId").size(), 1u);
  EXPECT_TRUE(Emu::first(rest, "nextToken").empty());
}

}  // namespace
}  // namespace ec2::emu
