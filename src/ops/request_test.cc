// Exact Query parameters of every operation's request.
#include <gtest/gtest.h>

#include "ec2/ops/images.h"
#include "ec2/ops/instances.h"
#include "ec2/ops/keypairs.h"
#include "ec2/ops/regions.h"
#include "ec2/ops/security_groups.h"
#include "ec2/ops/tags.h"
#include "ec2/ops/vpc_peering.h"
#include "ec2/ops/vpcs.h"

namespace ec2 {
namespace {

using Items = std::vector<QueryParams::Item>;

Filters one_filter() { return {{"instance-state-name", {"running", "stopped"}}}; }

TEST(RequestTest, DescribeInstances) {
  DescribeInstancesRequest r;
  r.instance_ids = {"i-1", "i-2"};
  r.filters = one_filter();
  r.max_results = 50;
  r.next_token = "tok";
  r.dry_run = true;
  EXPECT_EQ(to_params(r).items(),
            (Items{{"InstanceId.1", "i-1"}, {"InstanceId.2", "i-2"},
                   {"Filter.1.Name", "instance-state-name"}, {"Filter.1.Value.1", "running"},
                   {"Filter.1.Value.2", "stopped"}, {"MaxResults", "50"}, {"NextToken", "tok"},
                   {"DryRun", "true"}}));
  EXPECT_TRUE(to_params(DescribeInstancesRequest{}).items().empty());
}

TEST(RequestTest, DescribeInstanceStatus) {
  DescribeInstanceStatusRequest r;
  r.instance_ids = {"i-1"};
  r.include_all_instances = true;
  r.max_results = 5;
  EXPECT_EQ(to_params(r).items(), (Items{{"InstanceId.1", "i-1"}, {"IncludeAllInstances", "true"},
                                         {"MaxResults", "5"}}));
}

TEST(RequestTest, RunInstancesEncodesEverythingAndBase64UserData) {
  RunInstancesRequest r;
  r.image_id = "ami-1";
  r.instance_type = "t3.micro";
  r.min_count = 2;
  r.max_count = 3;
  r.key_name = "k";
  r.subnet_id = "subnet-1";
  r.security_group_ids = {"sg-1", "sg-2"};
  r.user_data = "#!/bin/sh\necho hi\n";
  r.instance_initiated_shutdown_behavior = "terminate";
  r.client_token = "tok-1";
  r.availability_zone = "us-east-1a";
  r.iam_instance_profile_name = "role";
  r.ebs_optimized = true;
  r.monitoring = false;
  r.tag_specifications = {{"instance", {{"Name", "web"}}}, {"volume", {{"a", "b"}, {"c", ""}}}};
  r.dry_run = true;
  EXPECT_EQ(to_params(r).items(),
            (Items{{"ImageId", "ami-1"}, {"InstanceType", "t3.micro"}, {"MinCount", "2"},
                   {"MaxCount", "3"}, {"KeyName", "k"}, {"SubnetId", "subnet-1"},
                   {"SecurityGroupId.1", "sg-1"}, {"SecurityGroupId.2", "sg-2"},
                   {"UserData", "IyEvYmluL3NoCmVjaG8gaGkK"},
                   {"InstanceInitiatedShutdownBehavior", "terminate"}, {"ClientToken", "tok-1"},
                   {"Placement.AvailabilityZone", "us-east-1a"},
                   {"IamInstanceProfile.Name", "role"}, {"EbsOptimized", "true"},
                   {"Monitoring.Enabled", "false"},
                   {"TagSpecification.1.ResourceType", "instance"},
                   {"TagSpecification.1.Tag.1.Key", "Name"},
                   {"TagSpecification.1.Tag.1.Value", "web"},
                   {"TagSpecification.2.ResourceType", "volume"},
                   {"TagSpecification.2.Tag.1.Key", "a"}, {"TagSpecification.2.Tag.1.Value", "b"},
                   {"TagSpecification.2.Tag.2.Key", "c"}, {"TagSpecification.2.Tag.2.Value", ""},
                   {"DryRun", "true"}}));
}

TEST(RequestTest, RunInstancesKeepsPreEncodedUserDataAndSecurityGroupNames) {
  RunInstancesRequest r;
  r.image_id = "ami-1";
  r.security_groups = {"default"};
  r.user_data = "aGk=";
  r.user_data_is_base64 = true;
  EXPECT_EQ(to_params(r).items(),
            (Items{{"ImageId", "ami-1"}, {"MinCount", "1"}, {"MaxCount", "1"},
                   {"SecurityGroup.1", "default"}, {"UserData", "aGk="}}));
}

TEST(RequestTest, InstanceStateChanges) {
  InstanceStateRequest r{{"i-1", "i-2"}, true, true, true};
  EXPECT_EQ(to_params("StopInstances", r).items(),
            (Items{{"InstanceId.1", "i-1"}, {"InstanceId.2", "i-2"}, {"Hibernate", "true"},
                   {"Force", "true"}, {"DryRun", "true"}}));
  EXPECT_EQ(to_params("StartInstances", r).items(),
            (Items{{"InstanceId.1", "i-1"}, {"InstanceId.2", "i-2"}, {"DryRun", "true"}}));
  EXPECT_EQ(to_params("TerminateInstances", InstanceStateRequest{{"i-9"}}).items(),
            (Items{{"InstanceId.1", "i-9"}}));
}

TEST(RequestTest, ImagesAndRegions) {
  DescribeImagesRequest images;
  images.image_ids = {"ami-1"};
  images.owners = {"self", "amazon"};
  images.executable_by = {"all"};
  images.include_deprecated = true;
  EXPECT_EQ(to_params(images).items(),
            (Items{{"ExecutableBy.1", "all"}, {"ImageId.1", "ami-1"}, {"Owner.1", "self"},
                   {"Owner.2", "amazon"}, {"IncludeDeprecated", "true"}}));
  DescribeRegionsRequest regions;
  regions.region_names = {"us-east-1"};
  regions.all_regions = true;
  EXPECT_EQ(to_params(regions).items(),
            (Items{{"RegionName.1", "us-east-1"}, {"AllRegions", "true"}}));
  DescribeAvailabilityZonesRequest zones;
  zones.zone_names = {"us-east-1a"};
  zones.zone_ids = {"use1-az1"};
  zones.all_availability_zones = false;
  zones.dry_run = true;
  EXPECT_EQ(to_params(zones).items(),
            (Items{{"ZoneName.1", "us-east-1a"}, {"ZoneId.1", "use1-az1"},
                   {"AllAvailabilityZones", "false"}, {"DryRun", "true"}}));
}

TEST(RequestTest, KeyPairs) {
  CreateKeyPairRequest create{"k", "ed25519", "pem", {{"key-pair", {{"o", "ci"}}}}, true};
  EXPECT_EQ(to_params(create).items(),
            (Items{{"KeyName", "k"}, {"KeyType", "ed25519"},
                   {"TagSpecification.1.ResourceType", "key-pair"},
                   {"TagSpecification.1.Tag.1.Key", "o"}, {"TagSpecification.1.Tag.1.Value", "ci"},
                   {"KeyFormat", "pem"}, {"DryRun", "true"}}));
  ImportKeyPairRequest import{"k", "ssh-ed25519 AAAA", {}, false};
  EXPECT_EQ(to_params(import).items(),
            (Items{{"KeyName", "k"}, {"PublicKeyMaterial", "c3NoLWVkMjU1MTkgQUFBQQ=="}}));
  EXPECT_EQ(to_params(DeleteKeyPairRequest{std::nullopt, "key-1", true}).items(),
            (Items{{"KeyPairId", "key-1"}, {"DryRun", "true"}}));
  DescribeKeyPairsRequest describe;
  describe.key_names = {"a"};
  describe.key_pair_ids = {"key-1"};
  describe.include_public_key = true;
  EXPECT_EQ(to_params(describe).items(), (Items{{"KeyName.1", "a"}, {"KeyPairId.1", "key-1"},
                                                {"IncludePublicKey", "true"}}));
}

TEST(RequestTest, SecurityGroups) {
  CreateSecurityGroupRequest create{"web", "Web servers", "vpc-1", {}, false};
  EXPECT_EQ(to_params(create).items(), (Items{{"GroupDescription", "Web servers"},
                                              {"GroupName", "web"}, {"VpcId", "vpc-1"}}));
  EXPECT_EQ(to_params(DeleteSecurityGroupRequest{"sg-1", std::nullopt, true}).items(),
            (Items{{"GroupId", "sg-1"}, {"DryRun", "true"}}));
  DescribeSecurityGroupsRequest describe;
  describe.group_ids = {"sg-1"};
  describe.group_names = {"web"};
  describe.max_results = 10;
  EXPECT_EQ(to_params(describe).items(),
            (Items{{"GroupId.1", "sg-1"}, {"GroupName.1", "web"}, {"MaxResults", "10"}}));
}

TEST(RequestTest, AuthorizeIngressFlattensPermissions) {
  IpPermission ssh;
  ssh.ip_protocol = "tcp";
  ssh.from_port = 22;
  ssh.to_port = 22;
  ssh.ip_ranges = std::vector<IpRange>{{"203.0.113.0/24", "office"}, {"198.51.100.7/32", {}}};
  ssh.ipv6_ranges = std::vector<Ipv6Range>{{"2001:db8::/32", {}}};
  IpPermission all;
  all.ip_protocol = "-1";
  UserIdGroupPair pair;
  pair.group_id = "sg-2";
  all.user_id_group_pairs = std::vector<UserIdGroupPair>{pair};
  all.prefix_list_ids = std::vector<PrefixListId>{{"s3", "pl-1"}};
  AuthorizeSecurityGroupIngressRequest r;
  r.group_id = "sg-1";
  r.ip_permissions = {ssh, all};
  EXPECT_EQ(to_params(r).items(),
            (Items{{"GroupId", "sg-1"}, {"IpPermissions.1.IpProtocol", "tcp"},
                   {"IpPermissions.1.FromPort", "22"}, {"IpPermissions.1.ToPort", "22"},
                   {"IpPermissions.1.IpRanges.1.CidrIp", "203.0.113.0/24"},
                   {"IpPermissions.1.IpRanges.1.Description", "office"},
                   {"IpPermissions.1.IpRanges.2.CidrIp", "198.51.100.7/32"},
                   {"IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "2001:db8::/32"},
                   {"IpPermissions.2.IpProtocol", "-1"},
                   {"IpPermissions.2.PrefixListIds.1.PrefixListId", "pl-1"},
                   {"IpPermissions.2.PrefixListIds.1.Description", "s3"},
                   {"IpPermissions.2.Groups.1.GroupId", "sg-2"}}));
}

TEST(RequestTest, RevokeIngressUsesTheAuthorizeEncoding) {
  IpPermission ssh;
  ssh.ip_protocol = "tcp";
  ssh.from_port = 22;
  ssh.to_port = 22;
  ssh.ip_ranges = std::vector<IpRange>{{"198.51.100.7/32", {}}};
  RevokeSecurityGroupIngressRequest r;
  r.group_id = "sg-1";
  r.ip_permissions = {ssh};
  r.dry_run = true;
  EXPECT_EQ(to_params(r).items(),
            (Items{{"GroupId", "sg-1"}, {"IpPermissions.1.IpProtocol", "tcp"},
                   {"IpPermissions.1.FromPort", "22"}, {"IpPermissions.1.ToPort", "22"},
                   {"IpPermissions.1.IpRanges.1.CidrIp", "198.51.100.7/32"}, {"DryRun", "true"}}));
}

TEST(RequestTest, Tags) {
  CreateTagsRequest create{{"i-1", "vpc-1"}, {{"Name", "web"}, {"Env", ""}}, false};
  EXPECT_EQ(to_params(create).items(),
            (Items{{"ResourceId.1", "i-1"}, {"ResourceId.2", "vpc-1"}, {"Tag.1.Key", "Name"},
                   {"Tag.1.Value", "web"}, {"Tag.2.Key", "Env"}, {"Tag.2.Value", ""}}));
  DeleteTagsRequest remove{{"i-1"}, {{"Name", std::nullopt}, {"Env", "prod"}}, true};
  EXPECT_EQ(to_params(remove).items(),
            (Items{{"DryRun", "true"}, {"ResourceId.1", "i-1"}, {"Tag.1.Key", "Name"},
                   {"Tag.2.Key", "Env"}, {"Tag.2.Value", "prod"}}));
  DescribeTagsRequest describe;
  describe.filters = {{"resource-id", {"i-1"}}};
  describe.max_results = 100;
  describe.next_token = "t";
  EXPECT_EQ(to_params(describe).items(),
            (Items{{"Filter.1.Name", "resource-id"}, {"Filter.1.Value.1", "i-1"},
                   {"MaxResults", "100"}, {"NextToken", "t"}}));
}

TEST(RequestTest, Vpcs) {
  DescribeVpcsRequest describe;
  describe.vpc_ids = {"vpc-1"};
  describe.next_token = "n";
  EXPECT_EQ(to_params(describe).items(), (Items{{"VpcId.1", "vpc-1"}, {"NextToken", "n"}}));
  CreateVpcRequest create;
  create.cidr_block = "10.0.0.0/16";
  create.amazon_provided_ipv6_cidr_block = true;
  create.instance_tenancy = "default";
  create.tag_specifications = {{"vpc", {{"Name", "main"}}}};
  EXPECT_EQ(to_params(create).items(),
            (Items{{"CidrBlock", "10.0.0.0/16"}, {"AmazonProvidedIpv6CidrBlock", "true"},
                   {"InstanceTenancy", "default"}, {"TagSpecification.1.ResourceType", "vpc"},
                   {"TagSpecification.1.Tag.1.Key", "Name"},
                   {"TagSpecification.1.Tag.1.Value", "main"}}));
  EXPECT_EQ(to_params(DeleteVpcRequest{"vpc-1", true}).items(),
            (Items{{"VpcId", "vpc-1"}, {"DryRun", "true"}}));
  AssociateVpcCidrBlockRequest associate;
  associate.vpc_id = "vpc-1";
  associate.cidr_block = "10.1.0.0/16";
  EXPECT_EQ(to_params(associate).items(),
            (Items{{"CidrBlock", "10.1.0.0/16"}, {"VpcId", "vpc-1"}}));
  EXPECT_EQ(to_params(DisassociateVpcCidrBlockRequest{"vpc-cidr-assoc-1"}).items(),
            (Items{{"AssociationId", "vpc-cidr-assoc-1"}}));
}

TEST(RequestTest, VpcPeering) {
  CreateVpcPeeringConnectionRequest create;
  create.vpc_id = "vpc-1";
  create.peer_vpc_id = "vpc-2";
  create.peer_owner_id = "123456789012";
  create.peer_region = "eu-west-1";
  create.tag_specifications = {{"vpc-peering-connection", {{"Name", "p"}}}};
  EXPECT_EQ(to_params(create).items(),
            (Items{{"PeerOwnerId", "123456789012"}, {"PeerVpcId", "vpc-2"}, {"VpcId", "vpc-1"},
                   {"PeerRegion", "eu-west-1"},
                   {"TagSpecification.1.ResourceType", "vpc-peering-connection"},
                   {"TagSpecification.1.Tag.1.Key", "Name"},
                   {"TagSpecification.1.Tag.1.Value", "p"}}));
  EXPECT_EQ(to_params(VpcPeeringConnectionIdRequest{"pcx-1", true}).items(),
            (Items{{"DryRun", "true"}, {"VpcPeeringConnectionId", "pcx-1"}}));
  DescribeVpcPeeringConnectionsRequest describe;
  describe.vpc_peering_connection_ids = {"pcx-1"};
  describe.filters = {{"status-code", {"active"}}};
  describe.max_results = 5;
  EXPECT_EQ(to_params(describe).items(),
            (Items{{"Filter.1.Name", "status-code"}, {"Filter.1.Value.1", "active"},
                   {"VpcPeeringConnectionId.1", "pcx-1"}, {"MaxResults", "5"}}));
}

TEST(RequestTest, Base64) {
  EXPECT_EQ(encode_base64(""), "");
  EXPECT_EQ(encode_base64("f"), "Zg==");
  EXPECT_EQ(encode_base64("fo"), "Zm8=");
  EXPECT_EQ(encode_base64("foo"), "Zm9v");
  EXPECT_EQ(encode_base64("foob"), "Zm9vYg==");
  EXPECT_EQ(encode_base64(std::string("\xff\x00\xfe", 3)), "/wD+");
}

}  // namespace
}  // namespace ec2
