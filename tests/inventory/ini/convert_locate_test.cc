#include <gtest/gtest.h>

#include "config_locate.h"
#include "convert.h"

namespace ec2::inventory {
namespace {

Ec2IniSettings settings(const std::string& text) {
  auto file = parse_ini("ec2.ini", text);
  MapEnvironment env({}, "/home/u");
  auto s = read_ec2_ini(*file, "", env);
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error().message);
  return *s;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Convert, MapsRegionsFiltersHostnamesAndGroups) {
  std::string yaml = convert_to_aws_ec2(settings(
      "[ec2]\nregions = us-east-1,eu-west-1\ninstance_filters = tag:env=prod&tag:role=web,"
      "tag:env=dev\nhostname_variable = tag_Name\nvpc_destination_variable = private_ip_address\n"
      "group_by_instance_state = True\nnested_groups = True\nrds = True\n"));
  EXPECT_TRUE(has(yaml, "plugin: amazon.aws.aws_ec2\n")) << yaml;
  EXPECT_TRUE(has(yaml, "regions:\n  - \"us-east-1\"\n  - \"eu-west-1\"\n")) << yaml;
  EXPECT_TRUE(has(yaml, "include_filters:\n  -\n    \"tag:env\": \"prod\"\n    \"tag:role\": \"web\"\n"
                        "    \"instance-state-name\": \"running\"\n  -\n    \"tag:env\": \"dev\"\n"))
      << yaml;
  EXPECT_TRUE(has(yaml, "hostnames:\n")) << yaml;
  EXPECT_TRUE(has(yaml, "  - \"tag:Name\"\n  - \"private-ip-address\"\n")) << yaml;
  EXPECT_TRUE(has(yaml, "  - key: \"state.name | replace('-', '_')\"\n    prefix: \"instance_state\"\n"
                        "    parent_group: \"instance_states\"\n")) << yaml;
  EXPECT_TRUE(has(yaml, "  - key: \"tags\"\n    prefix: \"tag\"\n    trailing_separator: false\n"))
      << yaml;
  EXPECT_TRUE(has(yaml, "  ansible_host: \"private_ip_address\"\n")) << yaml;
  EXPECT_TRUE(has(yaml, "use_contrib_script_compatible_sanitization: true\n")) << yaml;
  EXPECT_TRUE(has(yaml, "# ec2.ini: rds = True: RDS instances are not supported")) << yaml;
  EXPECT_TRUE(has(yaml, "#  - key: security_groups | map(attribute='group_name')")) << yaml;
}

TEST(Convert, AllRegionsAndAllStates) {
  std::string yaml = convert_to_aws_ec2(settings("[ec2]\nall_instances = True\ncache_max_age = 0\n"));
  EXPECT_FALSE(has(yaml, "\nregions:")) << yaml;
  EXPECT_TRUE(has(yaml, "# regions_exclude has no equivalent")) << yaml;
  EXPECT_TRUE(has(yaml, "filters:\n  \"instance-state-name\":\n    - \"pending\"\n")) << yaml;
  EXPECT_FALSE(has(yaml, "cache: true")) << yaml;
}

TEST(Convert, IamRoleBecomesIamRoleArn) {
  std::string yaml = convert_to_aws_ec2(settings("[ec2]\niam_role = arn:aws:iam::222222222222:role/inventory\n"));
  EXPECT_TRUE(has(yaml, "\niam_role_arn: \"arn:aws:iam::222222222222:role/inventory\"\n")) << yaml;
  EXPECT_TRUE(has(yaml, "# The plugin's role sessions are named ansible_aws_ec2_dynamic_inventory "
                        "(ec2.py's: ansible_dynamic_inventory).\niam_role_arn:")) << yaml;
  EXPECT_FALSE(has(convert_to_aws_ec2(settings("[ec2]\n")), "iam_role_arn"));
}

TEST(ConfigLocate, SyntaxFromTheFileName) {
  EXPECT_EQ(*syntax_of("/etc/ansible/ec2.ini"), ConfigSyntax::Ini);
  EXPECT_EQ(*syntax_of("prod.aws_ec2.yml"), ConfigSyntax::AwsEc2);
  EXPECT_EQ(*syntax_of("aws_ec2.yaml"), ConfigSyntax::AwsEc2);
  EXPECT_FALSE(syntax_of("inventory.yml").ok());
}

TEST(ConfigLocate, CandidatesBesideTheInvokedPathThenTheExecutable) {
  EXPECT_EQ(default_candidates("/etc/ansible/ec2.py", "/usr/bin/ec2-inventory"),
            (std::vector<std::string>{"/etc/ansible/ec2.ini", "/usr/bin/ec2-inventory.ini",
                                      "/usr/bin/ec2.ini"}));
  EXPECT_EQ(default_candidates("ec2-inventory", "/opt/bin/ec2-inventory"),
            (std::vector<std::string>{"/opt/bin/ec2-inventory.ini", "/opt/bin/ec2.ini"}));
}

TEST(ConfigLocate, NamedFilesMustExist) {
  MapEnvironment env({{"EC2_INI_PATH", "/nonexistent/ec2.ini"}}, "/home/u");
  auto choice = locate_config("", "/usr/bin/ec2-inventory", env);
  ASSERT_FALSE(choice.ok());
  EXPECT_EQ(choice.error().message, "/nonexistent/ec2.ini (from EC2_INI_PATH): no such file");
  auto cli = locate_config("/nonexistent/x.aws_ec2.yml", "/usr/bin/ec2-inventory", env);
  ASSERT_FALSE(cli.ok());
  EXPECT_EQ(cli.error().message, "/nonexistent/x.aws_ec2.yml (from --config): no such file");
}

}  // namespace
}  // namespace ec2::inventory
