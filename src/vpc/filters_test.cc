// Filter maps as ansible_dict_to_boto3_filter_list builds them.
#include "ec2/vpc/filters.h"

#include <gtest/gtest.h>

namespace ec2::vpc {
namespace {

TEST(Filters, ConvertsEachValueKind) {
  FilterMap map = {{"tag:Name", std::string("web")},
                   {"cidr-block", std::vector<std::string>{"10.0.0.0/16", "10.1.0.0/16"}},
                   {"is-default", false},
                   {"owner-id", std::int64_t{123456789012}}};
  Filters expected = {{"tag:Name", {"web"}},
                      {"cidr-block", {"10.0.0.0/16", "10.1.0.0/16"}},
                      {"is-default", {"false"}},
                      {"owner-id", {"123456789012"}}};
  EXPECT_EQ(to_filters(map), expected);
}

TEST(Filters, FromJsonObject) {
  auto filters = filters_from_json(nlohmann::json{{"state", "available"}, {"is-default", true}, {"x", {1, "b"}}});
  ASSERT_TRUE(filters.ok());
  Filters expected = {{"is-default", {"true"}}, {"state", {"available"}}, {"x", {"1", "b"}}};
  EXPECT_EQ(*filters, expected);
}

TEST(Filters, FromJsonRejectsNestedObjects) {
  EXPECT_FALSE(filters_from_json(nlohmann::json{{"a", {{"b", 1}}}}).ok());
  EXPECT_FALSE(filters_from_json(nlohmann::json::array()).ok());
}

}  // namespace
}  // namespace ec2::vpc
