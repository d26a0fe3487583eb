// iam_role_arn and the `ec2_inventory:` extension block: the forms of `accounts`, the defaults,
// `plugin_compatible`, and errors naming file, line and option.

#include <gtest/gtest.h>

#include "aws_ec2.h"

namespace ec2::inventory::aws_ec2 {
namespace {

Result<AwsEc2Config> parse(const std::string& yaml) {
  return parse_aws_ec2_config("inv.aws_ec2.yml", "plugin: amazon.aws.aws_ec2\n" + yaml,
                              [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
}

std::string error_of(const std::string& yaml) {
  auto c = parse(yaml);
  return c ? "" : c.error().message;
}

const std::string kA = "arn:aws:iam::111111111111:role/inventory";
const std::string kB = "arn:aws:iam::222222222222:role/inventory";

TEST(ExtensionsTest, IamRoleArnIsKept) {
  auto c = parse("iam_role_arn: " + kA + "\n");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->connection.iam_role_arn, kA);
  EXPECT_EQ(c->plan.accounts.form, AccountsPlan::Form::None);
  EXPECT_EQ(c->plan.max_requests_in_flight, 256);
}

TEST(ExtensionsTest, ListForm) {
  auto c = parse("ec2_inventory:\n  accounts:\n    role_arns: [" + kA + ", " + kB + "]\n  max_requests_in_flight: 8\n");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->plan.accounts.form, AccountsPlan::Form::RoleArns);
  EXPECT_EQ(c->plan.accounts.role_arns, (std::vector<std::string>{kA, kB}));
  EXPECT_EQ(c->plan.max_requests_in_flight, 8);
}

TEST(ExtensionsTest, RoleTemplateForm) {
  auto c = parse("ec2_inventory:\n  accounts:\n    role_name: inventory\n    account_ids: [\"222222222222\", 111111111111]\n");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->plan.accounts.form, AccountsPlan::Form::RoleTemplate);
  EXPECT_EQ(c->plan.accounts.role_name, "inventory");
  EXPECT_EQ(c->plan.accounts.account_ids, (std::vector<std::string>{"222222222222", "111111111111"}));
}

TEST(ExtensionsTest, OrganizationForms) {
  auto all = parse("ec2_inventory:\n  accounts:\n    role_name: r\n    organization: true\n");
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->plan.accounts.form, AccountsPlan::Form::Organization);
  EXPECT_TRUE(all->plan.accounts.include.empty());
  auto some = parse("ec2_inventory:\n  accounts:\n    role_name: r\n    organization:\n      include: [\"111111111111\"]\n"
                    "      exclude: [\"222222222222\"]\n");
  ASSERT_TRUE(some.ok()) << some.error().message;
  EXPECT_EQ(some->plan.accounts.include, (std::vector<std::string>{"111111111111"}));
  EXPECT_EQ(some->plan.accounts.exclude, (std::vector<std::string>{"222222222222"}));
}

TEST(ExtensionsTest, RoleArnAccount) {
  EXPECT_EQ(role_arn_account(kA), "111111111111");
  EXPECT_EQ(role_arn_account("arn:aws-cn:iam::123456789012:role/path/x"), "123456789012");
  EXPECT_EQ(role_arn_account("arn:aws:iam::123456789012:user/x"), "");
  EXPECT_EQ(role_arn_account("arn:aws:iam::12345678901:role/x"), "");
  EXPECT_EQ(role_arn_account("arn:aws:iam::123456789012:role/"), "");
}

TEST(ExtensionsTest, ErrorsNameFileLineAndOption) {
  EXPECT_EQ(error_of("ec2_inventory:\n  accounts:\n    role_arns: [" + kA + ", nope]\n"),
            "inv.aws_ec2.yml:4: option 'ec2_inventory.accounts.role_arns[1]': expected an IAM role ARN "
            "(arn:aws:iam::ACCOUNT:role/NAME), got 'nope'");
  EXPECT_EQ(error_of("ec2_inventory:\n  accounts:\n    role_arns: [" + kA + ", " + kA + "]\n"),
            "inv.aws_ec2.yml:4: option 'ec2_inventory.accounts.role_arns[1]': '" + kA + "' is listed twice");
  EXPECT_EQ(error_of("ec2_inventory:\n  accounts:\n    role_name: r\n    account_ids: [\"1234\"]\n"),
            "inv.aws_ec2.yml:5: option 'ec2_inventory.accounts.account_ids[0]': expected a 12-digit account id "
            "(quoted), got '1234'");
  EXPECT_EQ(error_of("ec2_inventory:\n  accounts:\n    account_ids: [\"111111111111\"]\n"),
            "inv.aws_ec2.yml:4: option 'ec2_inventory.accounts.account_ids': needs role_name");
  EXPECT_EQ(error_of("ec2_inventory:\n  accounts:\n    role_name: r\n"),
            "inv.aws_ec2.yml:4: option 'ec2_inventory.accounts.role_name': needs account_ids or organization");
  EXPECT_EQ(error_of("ec2_inventory:\n  accounts:\n    role_arns: [" + kA + "]\n    role_name: r\n"),
            "inv.aws_ec2.yml:4: option 'ec2_inventory.accounts': role_arns cannot be combined with role_name, "
            "account_ids or organization");
  EXPECT_EQ(error_of("ec2_inventory:\n  accounts:\n    role_name: r\n    organization: {includes: []}\n"),
            "inv.aws_ec2.yml:5: option 'ec2_inventory.accounts.organization.includes': unknown key (expected include or exclude)");
  EXPECT_EQ(error_of("ec2_inventory:\n  max_requests_in_flight: 0\n"),
            "inv.aws_ec2.yml:3: option 'ec2_inventory.max_requests_in_flight': must be between 1 and 65536");
  EXPECT_EQ(error_of("ec2_inventory:\n  accouns: {}\n"),
            "inv.aws_ec2.yml:3: option 'ec2_inventory.accouns': unknown key (expected accounts, "
            "max_requests_in_flight or plugin_compatible)");
}

TEST(ExtensionsTest, PluginCompatibleRefusesEveryExtension) {
  EXPECT_EQ(error_of("ec2_inventory:\n  max_requests_in_flight: 4\n  plugin_compatible: true\n"),
            "inv.aws_ec2.yml:3: option 'ec2_inventory.max_requests_in_flight': not an option of the "
            "amazon.aws.aws_ec2 plugin, and ec2_inventory.plugin_compatible is true");
  EXPECT_EQ(error_of("endpoint_url: http://127.0.0.1:1\nec2_inventory: {plugin_compatible: true}\n"),
            "inv.aws_ec2.yml:2: option 'endpoint_url': not an option of the amazon.aws.aws_ec2 plugin, and "
            "ec2_inventory.plugin_compatible is true");
  EXPECT_EQ(error_of("ec2_inventory:\n  plugin_compatible: true\naws_region: eu-west-1\n"),
            "inv.aws_ec2.yml:4: option 'aws_region': not an option of the amazon.aws.aws_ec2 plugin, and "
            "ec2_inventory.plugin_compatible is true");
  EXPECT_TRUE(parse("iam_role_arn: " + kA + "\nec2_inventory:\n  plugin_compatible: true\n").ok());
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
