// camel_to_snake against names whose Ansible conversion is known (each rule and the corner cases
// of its three regular expressions), and snake_case_keys on nested values.
#include "ec2/model/snake_case.h"

#include <gtest/gtest.h>

namespace ec2 {
namespace {

struct Case {
  const char* camel;
  const char* snake;
};

TEST(SnakeCaseTest, MatchesAnsiblesCamelToSnake) {
  const Case cases[] = {
      {"InstanceId", "instance_id"},
      {"AmiLaunchIndex", "ami_launch_index"},
      {"VpcPeeringConnectionId", "vpc_peering_connection_id"},
      {"Ipv6CidrBlockSet", "ipv6_cidr_block_set"},
      {"Ipv6Addresses", "ipv6_addresses"},
      {"AllowEgressFromLocalClassicLinkToRemoteVpc", "allow_egress_from_local_classic_link_to_remote_vpc"},
      {"HttpPutResponseHopLimit", "http_put_response_hop_limit"},
      {"HTTPEndpoint", "http_endpoint"},
      {"EnableResourceNameDnsAAAARecord", "enable_resource_name_dns_aaaa_record"},
      {"TargetGroupARNs", "target_group_arns"},  // plural abbreviation: one word
      {"ARNs", "arns"},                          // nothing before it: no leading underscore
      {"_ABCs", "__abcs"},                       // a leading underscore of the name stays
      {"IPs", "i_ps"},                           // two capitals are not an abbreviation
      {"AaBbCc", "aa_bb_cc"},
      {"Vpc2Peering", "vpc2_peering"},
      {"already_snake", "already_snake"},
      {"A", "a"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(camel_to_snake(c.camel), c.snake) << c.camel;
}

TEST(SnakeCaseTest, KeysAtEveryDepthValuesUnchanged) {
  nlohmann::json in = {{"VpcId", "VpcId"},
                       {"CidrBlockAssociationSet", {{{"AssociationId", "a"}, {"CidrBlockState", {{"State", "x"}}}}}}};
  nlohmann::json expected = {{"vpc_id", "VpcId"},
                             {"cidr_block_association_set", {{{"association_id", "a"}, {"cidr_block_state", {{"state", "x"}}}}}}};
  EXPECT_EQ(snake_case_keys(in), expected);
}

TEST(SnakeCaseTest, OrderedJsonKeepsKeyOrder) {
  nlohmann::ordered_json in = nlohmann::ordered_json::object();
  in["ZoneName"] = 1;
  in["AmiLaunchIndex"] = 2;
  auto out = snake_case_keys(in);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out.begin().key(), "zone_name");
}

}  // namespace
}  // namespace ec2
