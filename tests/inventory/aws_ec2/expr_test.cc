#include <gtest/gtest.h>

#include "template.h"

namespace ec2::inventory::aws_ec2 {
namespace {

TEST(Expr, Smoke) {
  auto e = compile_expression("tags.Name | lower");
  ASSERT_TRUE(e) << to_string(e.error());
  auto v = render_value(*e, Json{{"tags", {{"Name", "WEB"}}}});
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, "web");
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
