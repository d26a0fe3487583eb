#include "ec2/paginator.h"

#include <gtest/gtest.h>

#include "client/fake_transport.h"
#include "retry/fake_clock.h"

namespace ec2 {
namespace {

using testing::FakeTransport;
using testing::xml_response;

std::string page(const std::string& id, const std::string& next_token) {
  std::string xml = "<DescribeInstancesResponse><reservationSet><item><reservationId>" + id +
                    "</reservationId></item></reservationSet>";
  if (!next_token.empty()) xml += "<nextToken>" + next_token + "</nextToken>";
  return xml + "</DescribeInstancesResponse>";
}

class PaginatorTest : public ::testing::Test {
 protected:
  Client client() {
    ClientOptions options;
    options.config.region = "us-east-1";
    options.config.endpoint_url = "http://127.0.0.1:1/";
    options.transport = transport_;
    options.clock = std::make_shared<testing::FakeClock>();
    options.random = std::make_shared<testing::FakeRandom>();
    return Client(std::move(options));
  }

  std::vector<std::string> bodies() const {
    std::vector<std::string> out;
    for (const auto& r : transport_->requests()) out.push_back(r.body);
    return out;
  }

  static std::string first_id(const XmlDocument& doc) {
    return doc->document_element()
        .child("reservationSet")
        .child("item")
        .child_value("reservationId");
  }

  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
};

TEST_F(PaginatorTest, FollowsNextTokenWithPageSizeUntilItIsEmpty) {
  transport_->push(xml_response(200, page("r-1", "tok/1+")));
  transport_->push(xml_response(200, page("r-2", "tok2")));
  transport_->push(xml_response(200, page("r-3", "")));
  std::vector<std::string> ids;
  PaginateOptions options;
  options.page_size = 5;
  auto rest = paginate(
      client(), "DescribeInstances", QueryParams().set("Filter.1.Name", "instance-state-name"),
      [&](const XmlDocument& doc) {
        ids.push_back(first_id(doc));
        return true;
      },
      options);
  ASSERT_TRUE(rest) << to_string(rest.error());
  EXPECT_EQ(*rest, "");
  EXPECT_EQ(ids, (std::vector<std::string>{"r-1", "r-2", "r-3"}));
  EXPECT_EQ(bodies(), (std::vector<std::string>{"Action=DescribeInstances&Version=2016-11-15&"
                                                "Filter.1.Name=instance-state-name&MaxResults=5",
                                                "Action=DescribeInstances&Version=2016-11-15&"
                                                "Filter.1.Name=instance-state-name&MaxResults=5"
                                                "&NextToken=tok%2F1%2B",
                                                "Action=DescribeInstances&Version=2016-11-15&"
                                                "Filter.1.Name=instance-state-name&MaxResults=5"
                                                "&NextToken=tok2"}));
}

TEST_F(PaginatorTest, StoppingEarlyReturnsTheResumeToken) {
  transport_->push(xml_response(200, page("r-1", "t1")));
  transport_->push(xml_response(200, page("r-2", "t2")));
  int pages = 0;
  auto rest =
      paginate(client(), "DescribeInstances", {}, [&](const XmlDocument&) { return ++pages < 2; });
  ASSERT_TRUE(rest);
  EXPECT_EQ(*rest, "t2");
  EXPECT_EQ(transport_->requests().size(), 2u);
}

TEST_F(PaginatorTest, StartsFromStartingTokenWithoutMaxResults) {
  transport_->push(xml_response(200, page("r-9", "")));
  PaginateOptions options;
  options.starting_token = "resume";
  Paginator pages(client(), "DescribeVpcs", {}, options);
  auto first = pages.next();
  ASSERT_TRUE(first && *first);
  EXPECT_TRUE(pages.done());
  EXPECT_EQ(pages.pages(), 1);
  EXPECT_EQ(bodies().at(0), "Action=DescribeVpcs&Version=2016-11-15&NextToken=resume");
  auto end = pages.next();
  ASSERT_TRUE(end);
  EXPECT_FALSE(end->has_value());
}

TEST_F(PaginatorTest, RepeatedTokenIsAnErrorNotALoop) {
  transport_->push(xml_response(200, page("r-1", "a")));
  transport_->push(xml_response(200, page("r-2", "b")));
  transport_->push(xml_response(200, page("r-3", "a")));
  std::vector<std::string> ids;
  auto rest = paginate(client(), "DescribeInstances", {}, [&](const XmlDocument& doc) {
    ids.push_back(first_id(doc));
    return true;
  });
  ASSERT_FALSE(rest);
  EXPECT_EQ(rest.error().code, "RepeatedNextToken");
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(transport_->requests().size(), 3u);
}

TEST_F(PaginatorTest, ErrorStopsThePaginator) {
  transport_->push(xml_response(200, page("r-1", "a")));
  transport_->push(testing::ec2_error(400, "InvalidParameterValue", "bad token"));
  Paginator pages(client(), "DescribeInstances", {});
  ASSERT_TRUE(pages.next());
  auto failed = pages.next();
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, "InvalidParameterValue");
  EXPECT_TRUE(pages.done());
  EXPECT_EQ(pages.next_token(), "a");  // Where a retry would resume.
  auto after = pages.next();
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->has_value());
}

}  // namespace
}  // namespace ec2
