// Operations end to end over a Client with a scripted transport: what goes on the wire, what
// comes back, error contexts and pagination.
#include <gtest/gtest.h>

#include "client/fake_transport.h"
#include "ec2/ops/instances.h"
#include "ec2/ops/tags.h"
#include "ec2/ops/vpc_peering.h"
#include "ec2/ops/vpcs.h"
#include "model/test_util.h"
#include "retry/fake_clock.h"

namespace ec2 {
namespace {

using testing::FakeClock;
using testing::FakeRandom;
using testing::FakeTransport;

/// The page a DescribeInstances body asks for: "" for the first, else its NextToken.
std::string token_of(const std::string& body) {
  auto at = body.find("NextToken=");
  if (at == std::string::npos) return "";
  auto end = body.find('&', at);
  return body.substr(at + 10, end == std::string::npos ? std::string::npos : end - at - 10);
}

std::string instances_page(const std::string& id, const std::string& next) {
  return "<DescribeInstancesResponse><requestId>req-" + id +
         "</requestId><reservationSet><item><reservationId>r-" + id +
         "</reservationId><instancesSet><item><instanceId>" + id +
         "</instanceId></item></instancesSet></item></reservationSet>" +
         (next.empty() ? "" : "<nextToken>" + next + "</nextToken>") +
         "</DescribeInstancesResponse>";
}

class ClientOpsTest : public ::testing::Test {
 protected:
  Client client(std::shared_ptr<FakeTransport> transport) {
    ClientOptions options;
    options.config.region = "us-east-1";
    options.config.endpoint_url = "https://ec2.us-east-1.amazonaws.com";
    options.config.credentials.access_key_id = "AKIDEXAMPLE";
    options.config.credentials.secret_access_key = "secret";
    options.transport = std::move(transport);
    options.clock = std::make_shared<FakeClock>();
    options.random = std::make_shared<FakeRandom>(std::vector<double>{0.0});
    return Client(std::move(options));
  }

  /// Answers DescribeInstances with three pages: i-1 → i-2 → i-3.
  std::shared_ptr<FakeTransport> three_pages() {
    return std::make_shared<FakeTransport>([](const HttpRequest& request) -> Result<HttpResponse> {
      std::string token = token_of(request.body);
      if (token.empty()) return testing::xml_response(200, instances_page("i-1", "p2"));
      if (token == "p2") return testing::xml_response(200, instances_page("i-2", "p3"));
      return testing::xml_response(200, instances_page("i-3", ""));
    });
  }
};

TEST_F(ClientOpsTest, DescribeInstancesSendsTheActionAndParsesTheAnswer) {
  auto transport = std::make_shared<FakeTransport>();
  transport->push(testing::xml_response(200, testing::read_fixture("describe_instances.xml")));
  DescribeInstancesRequest request;
  request.instance_ids = {"i-1234567890abcdef0"};
  auto response = describe_instances(client(transport), request);
  ASSERT_TRUE(response.ok()) << to_string(response.error());
  EXPECT_EQ(response->request_id, "8f7724cf-496f-496e-8fe3-example");
  EXPECT_EQ(response->reservations.size(), 2u);
  ASSERT_EQ(transport->requests().size(), 1u);
  EXPECT_EQ(transport->requests()[0].body,
            "Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-1234567890abcdef0");
}

TEST_F(ClientOpsTest, ErrorsCarryTheOperationContext) {
  auto transport = std::make_shared<FakeTransport>();
  transport->push(testing::ec2_error(400, "InvalidInstanceID.NotFound",
                                     "The instance ID 'i-1' does not exist", "5e1c"));
  DescribeInstancesRequest request;
  request.instance_ids = {"i-1"};
  auto response = describe_instances(client(transport), request);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().category, ErrorCategory::NotFound);
  EXPECT_EQ(to_string(response.error()),
            "Failed to describe instances: InvalidInstanceID.NotFound: The instance ID 'i-1' "
            "does not exist (request 5e1c)");
}

TEST_F(ClientOpsTest, DryRunSuccessIsRecognisable) {
  auto transport = std::make_shared<FakeTransport>();
  transport->push(testing::ec2_error(
      412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set."));
  InstanceStateRequest request{{"i-1"}};
  request.dry_run = true;
  auto response = terminate_instances(client(transport), request);
  ASSERT_FALSE(response.ok());
  EXPECT_TRUE(is_dry_run_success(response.error()));
  EXPECT_EQ(response.error().context, "terminate instances");
  EXPECT_NE(transport->requests()[0].body.find("DryRun=true"), std::string::npos);
}

TEST_F(ClientOpsTest, AllPagesConcatenates) {
  auto transport = three_pages();
  auto all = describe_instances_all(client(transport));
  ASSERT_TRUE(all.ok()) << to_string(all.error());
  ASSERT_EQ(all->reservations.size(), 3u);
  EXPECT_EQ(all->reservations[2].instances->at(0).instance_id, "i-3");
  EXPECT_EQ(all->request_id, "req-i-3");
  EXPECT_FALSE(all->next_token.has_value());
  EXPECT_EQ(transport->requests().size(), 3u);
}

TEST_F(ClientOpsTest, PageCallbackStreamsAndCanStop) {
  auto transport = three_pages();
  std::vector<std::string> seen;
  Status status = describe_instances_pages(
      client(transport), {}, [&](const DescribeInstancesResponse& page) {
        seen.push_back(*page.reservations[0].reservation_id);
        return seen.size() < 2;
      });
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"r-i-1", "r-i-2"}));
  EXPECT_EQ(transport->requests().size(), 2u);
}

TEST_F(ClientOpsTest, RepeatedTokenStopsWithAnError) {
  auto transport = std::make_shared<FakeTransport>([](const HttpRequest&) -> Result<HttpResponse> {
    return testing::xml_response(200, instances_page("i-1", "same"));
  });
  auto all = describe_instances_all(client(transport));
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().code, "RepeatedNextToken");
  EXPECT_EQ(transport->requests().size(), 2u);
}

TEST_F(ClientOpsTest, MutatingOperationsReturnRequestIdAndResult) {
  auto transport = std::make_shared<FakeTransport>();
  transport->push(testing::xml_response(
      200, "<CreateTagsResponse><requestId>tags-1</requestId><return>true</return>"
           "</CreateTagsResponse>"));
  transport->push(testing::xml_response(200, testing::read_fixture("create_vpc.xml")));
  transport->push(
      testing::xml_response(200, testing::read_fixture("delete_vpc_peering_connection.xml")));
  Client c = client(transport);
  auto tags = create_tags(c, {{"i-1"}, {{"Name", "web"}}, false});
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(tags->request_id, "tags-1");
  CreateVpcRequest create;
  create.cidr_block = "10.0.0.0/16";
  auto vpc = create_vpc(c, create);
  ASSERT_TRUE(vpc.ok());
  EXPECT_EQ(vpc->vpc.vpc_id, "vpc-0new");
  EXPECT_EQ(vpc->request_id, "vpc-req-1");
  auto deleted = delete_vpc_peering_connection(c, {"pcx-1"});
  ASSERT_TRUE(deleted.ok());
  EXPECT_TRUE(deleted->return_value);
  EXPECT_EQ(transport->requests()[1].body,
            "Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16");
}

TEST_F(ClientOpsTest, MalformedSuccessBodyIsAParseErrorWithContext) {
  auto transport = std::make_shared<FakeTransport>();
  transport->push(testing::xml_response(
      200, "<DescribeVpcsResponse><vpcSet><item><isDefault>perhaps</isDefault></item></vpcSet>"
           "</DescribeVpcsResponse>"));
  auto vpcs = describe_vpcs(client(transport));
  ASSERT_FALSE(vpcs.ok());
  EXPECT_EQ(vpcs.error().category, ErrorCategory::Parse);
  EXPECT_EQ(vpcs.error().context, "describe VPCs");
}

}  // namespace
}  // namespace ec2
