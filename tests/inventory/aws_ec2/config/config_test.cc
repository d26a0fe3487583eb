// Config loading: the fetch plan, credentials precedence, and errors naming file, line and option.

#include <gtest/gtest.h>

#include <map>

#include "aws_ec2.h"

namespace ec2::inventory::aws_ec2 {
namespace {

Result<AwsEc2Config> parse(const std::string& yaml, std::map<std::string, std::string> env = {}) {
  return parse_aws_ec2_config("inv.aws_ec2.yml", yaml, [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
  });
}

std::string error_of(const std::string& yaml) {
  auto c = parse(yaml);
  return c ? "" : c.error().message;
}

const Filter kDefaultState{"instance-state-name", {"running", "pending", "stopping", "stopped"}};

TEST(ConfigTest, FetchPlanFromFilters) {
  auto c = parse(R"(plugin: amazon.aws.aws_ec2
regions: us-east-1, eu-west-1
filters:
  tag:Environment: [dev, qa]
  instance.group-id: sg-1
  ebs-optimized: true
include_filters:
  - instance-state-name: running
exclude_filters:
  - tag:Name: skip
strict_permissions: false
)");
  ASSERT_TRUE(c) << to_string(c.error());
  EXPECT_EQ(c->plan.regions, (std::vector<std::string>{"us-east-1", "eu-west-1"}));
  ASSERT_EQ(c->plan.include_filter_sets.size(), 2u);
  EXPECT_EQ(c->plan.include_filter_sets[0],
            (FilterSet{{"tag:Environment", {"dev", "qa"}}, {"instance.group-id", {"sg-1"}}, {"ebs-optimized", {"true"}},
                       kDefaultState}));
  EXPECT_EQ(c->plan.include_filter_sets[1], (FilterSet{{"instance-state-name", {"running"}}}));
  EXPECT_EQ(c->plan.exclude_filter_sets, (std::vector<FilterSet>{{{"tag:Name", {"skip"}}, kDefaultState}}));
  EXPECT_FALSE(c->plan.strict_permissions);
}

TEST(ConfigTest, DefaultsAndEmptyRegions) {
  auto c = parse("plugin: aws_ec2\nregions: []\n");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->plan.regions.empty());
  EXPECT_EQ(c->plan.include_filter_sets, (std::vector<FilterSet>{{kDefaultState}}));
  EXPECT_TRUE(c->plan.strict_permissions);
  EXPECT_FALSE(c->cache.enabled);
  EXPECT_EQ(c->cache.timeout_seconds, 3600);
  EXPECT_EQ(c->connection.region, "us-east-1");
}

TEST(ConfigTest, CredentialsFromFileThenEnvironment) {
  auto c = parse("plugin: aws_ec2\nboto_profile: prod\naws_access_key_id: AK\nendpoint_url: http://127.0.0.1:9\n"
                 "cache: yes\ncache_timeout: '60'\n",
                 {{"AWS_SECRET_KEY", "old"}, {"AWS_SECRET_ACCESS_KEY", "new"}, {"AWS_ACCESS_KEY_ID", "envkey"},
                  {"AWS_SESSION_TOKEN", "tok"}});
  ASSERT_TRUE(c) << to_string(c.error());
  EXPECT_EQ(c->connection.profile, "prod");
  EXPECT_EQ(c->connection.access_key, "AK");
  EXPECT_EQ(c->connection.secret_key, "new");
  EXPECT_EQ(c->connection.session_token, "tok");
  EXPECT_EQ(c->connection.endpoint_url, "http://127.0.0.1:9");
  EXPECT_TRUE(c->cache.enabled);
  EXPECT_EQ(c->cache.timeout_seconds, 60);
}

TEST(ConfigTest, ErrorsNameFileLineAndOption) {
  EXPECT_EQ(error_of("regions: [a]\n"), "inv.aws_ec2.yml:1: option 'plugin': missing required option (aws_ec2 or amazon.aws.aws_ec2)");
  EXPECT_EQ(error_of("plugin: aws_ec3\n"), "inv.aws_ec2.yml:1: option 'plugin': must be aws_ec2 or amazon.aws.aws_ec2, got 'aws_ec3'");
  EXPECT_EQ(error_of("plugin: aws_ec2\n\nregionz: [a]\n"), "inv.aws_ec2.yml:3: option 'regionz': unknown option");
  EXPECT_EQ(error_of("plugin: aws_ec2\nstrict: maybe\n"), "inv.aws_ec2.yml:2: option 'strict': expected a boolean, got 'maybe'");
  EXPECT_EQ(error_of("plugin: aws_ec2\ncompose: [a]\n"), "inv.aws_ec2.yml:2: option 'compose': expected a dictionary");
  EXPECT_EQ(error_of("plugin: aws_ec2\nkeyed_groups:\n  - prefix: a\n  - key: tags.a)\n"),
            "inv.aws_ec2.yml:4: option 'keyed_groups[1].key': unexpected ')' at column 7 in 'tags.a)'");
  EXPECT_EQ(error_of("plugin: aws_ec2\nkeyed_groups:\n  - key: a\n    default_value: x\n    trailing_separator: false\n"),
            "inv.aws_ec2.yml:3: option 'keyed_groups[0]': parameters are mutually exclusive for keyed groups: "
            "default_value|trailing_separator");
  EXPECT_EQ(error_of("plugin: aws_ec2\nkeyed_groups:\n  - kye: a\n"),
            "inv.aws_ec2.yml:3: option 'keyed_groups[0].kye': unknown key (expected key, prefix, separator, "
            "parent_group, default_value or trailing_separator)");
  EXPECT_EQ(error_of("plugin: aws_ec2\nhostnames:\n  - prefix: a\n"),
            "inv.aws_ec2.yml:3: option 'hostnames[0]': A 'name' key must be defined in a hostnames dictionary.");
  EXPECT_EQ(error_of("plugin: aws_ec2\nboto_profile: a\naws_profile: b\n"),
            "inv.aws_ec2.yml:3: option 'aws_profile': given twice (also as 'boto_profile')");
  EXPECT_EQ(error_of("plugin: aws_ec2\ngroups:\n  g: \"x | json_query('a')\"\n"),
            "inv.aws_ec2.yml:3: option 'groups.g': filter 'json_query' is not supported at column 5 in 'x | json_query('a')'");
  EXPECT_EQ(error_of("plugin: aws_ec2\niam_role_arn: arn:aws:iam::1:role/x\n"),
            "inv.aws_ec2.yml:2: option 'iam_role_arn': expected an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), "
            "got 'arn:aws:iam::1:role/x'");
  EXPECT_NE(error_of("plugin: aws_ec2\naws_profile: \"{{ lookup('env', 'P') }}\"\n").find("templated values are not supported"),
            std::string::npos);
  EXPECT_EQ(error_of("plugin: aws_ec2\ncompose:\n  x: y | regex_replace('(', '')\n"),
            "inv.aws_ec2.yml:3: option 'compose.x': regular expression '(': missing closing parenthesis at offset 1 "
            "at column 19 in 'y | regex_replace('(', '')'");
  EXPECT_EQ(error_of("plugin: aws_ec2\nfilters:\n  tag:x: [1]\n"),
            "inv.aws_ec2.yml:3: option 'filters.tag:x[0]': filter values must be strings");
  EXPECT_EQ(error_of("plugin: [aws_ec2\n").substr(0, 18), "inv.aws_ec2.yml:2:");
}

TEST(ConfigTest, LoadFromFile) {
  auto missing = load_aws_ec2_config("/nonexistent/x.aws_ec2.yml");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().category, ErrorCategory::Io);
  auto c = load_aws_ec2_config(EC2_SOURCE_DIR "/tests/inventory/aws_ec2/data/configs/typical.aws_ec2.yml");
  ASSERT_TRUE(c) << to_string(c.error());
  EXPECT_TRUE(c->plan.regions.empty());
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
