// Every response parser against botocore's reading of the same hand-written fixture: the JSON
// must be exactly what boto3 returns.
#include <functional>

#include <gtest/gtest.h>

#include "ec2/model/xml.h"
#include "ec2/ops/images.h"
#include "ec2/ops/instances.h"
#include "ec2/ops/keypairs.h"
#include "ec2/ops/regions.h"
#include "ec2/ops/security_groups.h"
#include "ec2/ops/tags.h"
#include "ec2/ops/vpc_peering.h"
#include "ec2/ops/vpcs.h"
#include "model/test_util.h"

namespace ec2 {
namespace {

using nlohmann::json;
using Render = std::function<Result<json>(const pugi::xml_document&)>;

/// Parses with `parse` and renders with `to_json`, checking the request id on the way.
template <class Response>
Render rendered(Result<Response> (*parse)(const pugi::xml_document&)) {
  return [parse](const pugi::xml_document& doc) -> Result<json> {
    auto response = parse(doc);
    if (!response) return response.error();
    EXPECT_FALSE(response->request_id.empty());
    return to_json(*response);
  };
}

struct Case {
  const char* operation;
  const char* fixture;
  Render render;
};

std::vector<Case> cases() {
  return {
      {"DescribeInstances", "describe_instances.xml", rendered(&parse_describe_instances)},
      {"DescribeInstanceStatus", "describe_instance_status.xml",
       rendered(&parse_describe_instance_status)},
      {"DescribeImages", "describe_images.xml", rendered(&parse_describe_images)},
      {"DescribeRegions", "describe_regions.xml", rendered(&parse_describe_regions)},
      {"DescribeAvailabilityZones", "describe_availability_zones.xml",
       rendered(&parse_describe_availability_zones)},
      {"DescribeKeyPairs", "describe_key_pairs.xml", rendered(&parse_describe_key_pairs)},
      {"CreateKeyPair", "create_key_pair.xml", rendered(&parse_create_key_pair)},
      {"ImportKeyPair", "import_key_pair.xml", rendered(&parse_import_key_pair)},
      {"DescribeSecurityGroups", "describe_security_groups.xml",
       rendered(&parse_describe_security_groups)},
      {"CreateSecurityGroup", "create_security_group.xml", rendered(&parse_create_security_group)},
      {"AuthorizeSecurityGroupIngress", "authorize_security_group_ingress.xml",
       rendered(&parse_authorize_security_group_ingress)},
      {"DescribeTags", "describe_tags.xml", rendered(&parse_describe_tags)},
      {"DescribeVpcs", "describe_vpcs.xml", rendered(&parse_describe_vpcs)},
      {"CreateVpc", "create_vpc.xml", rendered(&parse_create_vpc)},
      {"AssociateVpcCidrBlock", "associate_vpc_cidr_block.xml", rendered(&parse_vpc_cidr_block)},
      {"DisassociateVpcCidrBlock", "disassociate_vpc_cidr_block.xml",
       rendered(&parse_vpc_cidr_block)},
      {"CreateVpcPeeringConnection", "create_vpc_peering_connection.xml",
       rendered(&parse_vpc_peering_connection)},
      {"AcceptVpcPeeringConnection", "accept_vpc_peering_connection.xml",
       rendered(&parse_vpc_peering_connection)},
      {"DescribeVpcPeeringConnections", "describe_vpc_peering_connections.xml",
       rendered(&parse_describe_vpc_peering_connections)},
      {"RunInstances", "run_instances.xml",
       [](const pugi::xml_document& doc) -> Result<json> {
         auto response = parse_run_instances(doc);
         if (!response) return response.error();
         EXPECT_EQ(response->request_id, "run-req-1");
         return to_json(response->reservation);
       }},
      {"TerminateInstances", "terminate_instances.xml",
       [](const pugi::xml_document& doc) -> Result<json> {
         auto response = parse_instance_state_changes(doc);
         if (!response) return response.error();
         json changes = json::array();
         for (const auto& change : response->state_changes) changes.push_back(to_json(change));
         return json{{"TerminatingInstances", changes}};
       }},
  };
}

class ParseTest : public ::testing::TestWithParam<size_t> {};

TEST_P(ParseTest, JsonEqualsBoto3) {
  const Case c = cases()[GetParam()];
  SCOPED_TRACE(c.fixture);
  auto doc = parse_xml_document(testing::read_fixture(c.fixture));
  ASSERT_TRUE(doc.ok()) << to_string(doc.error());
  Result<json> actual = c.render(*doc.value());
  ASSERT_TRUE(actual.ok()) << to_string(actual.error());
  json expected = testing::botocore_parse(c.operation, c.fixture);
  ASSERT_TRUE(expected.is_object()) << "botocore could not read " << c.fixture;
  EXPECT_EQ(*actual, expected) << json::diff(*actual, expected).dump(1);
}

INSTANTIATE_TEST_SUITE_P(AllResponses, ParseTest, ::testing::Range<size_t>(0, cases().size()),
                         [](const auto& info) { return std::string(cases()[info.param].operation); });

TEST(ParseTest, TypedVpcAndPeeringFields) {
  auto vpcs = parse_describe_vpcs(*parse_xml_document(testing::read_fixture("describe_vpcs.xml")).value());
  ASSERT_TRUE(vpcs.ok());
  ASSERT_EQ(vpcs->vpcs.size(), 2u);
  const Vpc& vpc = vpcs->vpcs[0];
  EXPECT_EQ(vpc.cidr_block_association_set->at(1).cidr_block_state->status_message, "overlaps");
  EXPECT_EQ(vpc.ipv6_cidr_block_association_set->at(0).ipv6_pool, "Amazon");
  EXPECT_EQ(vpc.tags->at(0).value, "prod ✓");
  EXPECT_FALSE(vpcs->vpcs[1].ipv6_cidr_block_association_set.has_value());
  EXPECT_FALSE(vpcs->next_token.has_value());

  auto peering = parse_describe_vpc_peering_connections(
      *parse_xml_document(testing::read_fixture("describe_vpc_peering_connections.xml")).value());
  ASSERT_TRUE(peering.ok());
  const VpcPeeringConnection& pcx = peering->vpc_peering_connections[0];
  EXPECT_EQ(pcx.status->code, "active");
  EXPECT_EQ(pcx.accepter_vpc_info->region, "eu-west-1");
  EXPECT_EQ(pcx.requester_vpc_info->peering_options->allow_dns_resolution_from_remote_vpc, true);
  EXPECT_EQ(pcx.requester_vpc_info->ipv6_cidr_block_set->at(0).ipv6_cidr_block, "2600:1f16::/56");
  EXPECT_EQ(format_timestamp(*peering->vpc_peering_connections[1].expiration_time),
            "2026-12-02T10:00:00+00:00");
}

TEST(ParseTest, NextTokenIsRead) {
  auto page = parse_describe_instances(
      *parse_xml_document(testing::read_fixture("describe_instances.xml")).value());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->next_token, "eyJ2IjoiMiIsImMiOiJ0b2tlbiJ9");
  EXPECT_EQ(page->request_id, "8f7724cf-496f-496e-8fe3-example");
  EXPECT_EQ(page->reservations.size(), 2u);
}

TEST(ParseTest, MalformedFieldIsParseError) {
  auto doc = parse_xml_document(
      "<DescribeVpcsResponse><requestId>r</requestId><vpcSet><item><isDefault>maybe</isDefault>"
      "</item></vpcSet></DescribeVpcsResponse>");
  ASSERT_TRUE(doc.ok());
  auto vpcs = parse_describe_vpcs(*doc.value());
  ASSERT_FALSE(vpcs.ok());
  EXPECT_EQ(vpcs.error().category, ErrorCategory::Parse);
  EXPECT_NE(vpcs.error().message.find("DescribeVpcsResponse/vpcSet/item/isDefault"),
            std::string::npos);
}

TEST(ParseTest, RevokeIngressReadsReturn) {
  auto doc = parse_xml_document(
      "<RevokeSecurityGroupIngressResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
      "<requestId>rev-1</requestId><return>true</return></RevokeSecurityGroupIngressResponse>");
  ASSERT_TRUE(doc.ok());
  auto revoked = parse_revoke_security_group_ingress(*doc.value());
  ASSERT_TRUE(revoked.ok());
  EXPECT_TRUE(revoked->return_value);
  EXPECT_EQ(revoked->request_id, "rev-1");
}

}  // namespace
}  // namespace ec2
