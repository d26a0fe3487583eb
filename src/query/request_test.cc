#include "query/request.h"

#include <gtest/gtest.h>

namespace ec2::query {
namespace {

TEST(FormPostTest, PostsTheBodyAsAFormToTheEndpoint) {
  HttpRequest request = form_post("https://ec2.us-east-1.amazonaws.com", "Action=DescribeRegions");
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://ec2.us-east-1.amazonaws.com/");
  ASSERT_EQ(request.headers.size(), 1u);
  EXPECT_EQ(request.headers[0].first, "Content-Type");
  EXPECT_EQ(request.headers[0].second, "application/x-www-form-urlencoded; charset=utf-8");
  EXPECT_EQ(request.body, "Action=DescribeRegions");
}

TEST(FormPostTest, KeepsAPathTheEndpointAlreadyHas) {
  EXPECT_EQ(form_post("http://127.0.0.1:8080/", "").url, "http://127.0.0.1:8080/");
  EXPECT_EQ(form_post("http://127.0.0.1:8080/ec2", "").url, "http://127.0.0.1:8080/ec2");
  EXPECT_EQ(form_post("http://127.0.0.1:8080?x=1", "").url, "http://127.0.0.1:8080?x=1");
  EXPECT_EQ(form_post("localhost:4566", "").url, "localhost:4566/");
}

}  // namespace
}  // namespace ec2::query
