// Hostname rules: tags, filter names, literals, prefix/separator dicts, duplicates.

#include <gtest/gtest.h>

#include "fetch/hostnames.h"

namespace ec2::inventory::aws_ec2 {
namespace {

const Json kInstance = Json::parse(R"({
  "InstanceId": "i-0abc", "PublicDnsName": "", "PrivateDnsName": "ip-10-0-0-1.ec2.internal",
  "PrivateIpAddress": "10.0.0.1", "State": {"Code": 16, "Name": "running"}, "AmiLaunchIndex": 0,
  "LaunchTime": "2024-01-02T03:04:05+00:00",
  "Tags": [{"Key": "Name", "Value": "web:1"}, {"Key": "env", "Value": "prod"}, {"Key": "empty", "Value": ""}],
  "NetworkInterfaces": [
    {"PrivateIpAddresses": [{"PrivateIpAddress": "10.0.0.1", "Association": {"PublicIp": "3.3.3.3"}},
                            {"PrivateIpAddress": "10.0.0.2"}]},
    {"PrivateIpAddresses": [{"PrivateIpAddress": "10.1.0.1", "Association": {"PublicIp": "4.4.4.4"}}]}]
})");

HostnameRule rule(const std::string& name) { return HostnameRule{name, std::nullopt, "_", false}; }
HostnameRule dict(const std::string& name, std::optional<std::string> prefix, std::string sep = "_") {
  return HostnameRule{name, std::move(prefix), std::move(sep), true};
}

std::string preferred(std::vector<HostnameRule> rules) {
  return preferred_hostname(kInstance, rules, safe_group_name).value_or("<none>");
}

TEST(HostnamesTest, MembersReadAreThoseTheRulesLookAt) {
  EXPECT_EQ(members_read({}), (std::vector<std::string>{"PublicDnsName", "PrivateDnsName"}));
  EXPECT_EQ(members_read({rule("tag:Name"), rule("literal-name"), dict("instance-id", "tag:Env"),
                          rule("network-interface.addresses.association.public-ip"), rule("tag:A,B")}),
            (std::vector<std::string>{"Tags", "InstanceId", "NetworkInterfaces"}));
}

TEST(HostnamesTest, DefaultIsPublicThenPrivateDnsName) {
  EXPECT_EQ(preferred({}), "ip-10-0-0-1.ec2.internal");
}

TEST(HostnamesTest, TagRules) {
  EXPECT_EQ(preferred({rule("tag:Name")}), "web_1");  // ':' makes the plugin sanitise the name
  EXPECT_EQ(preferred({rule("tag:env=prod")}), "env_prod");
  EXPECT_EQ(preferred({rule("tag:env=dev"), rule("tag:missing,env")}), "prod");
  EXPECT_EQ(preferred({rule("tag:empty"), rule("instance-id")}), "i-0abc");
}

TEST(HostnamesTest, FilterNamesAndLiterals) {
  EXPECT_EQ(preferred({rule("ip-address"), rule("private-ip-address")}), "10.0.0.1");
  EXPECT_EQ(preferred({rule("instance-state-code")}), "16");
  EXPECT_EQ(preferred({rule("launch-index"), rule("literal-name")}), "literal-name");
  EXPECT_EQ(preferred({rule("launch-time")}), "_024_01_02_03_04_05_00_00");
  // Several values come back as a Python list; its repr is the hostname.
  EXPECT_EQ(preferred({rule("network-interface.addresses.association.public-ip")}), "['3.3.3.3', '4.4.4.4']");
}

TEST(HostnamesTest, DictRulesWithPrefixAndSeparator) {
  EXPECT_EQ(preferred({dict("private-ip-address", "tag:env", "-")}), "prod-10.0.0.1");
  EXPECT_EQ(preferred({dict("test_literal", "aws", "-")}), "aws-test_literal");
  EXPECT_EQ(preferred({dict("private-ip-address", "tag:missing")}), "10.0.0.1");
  EXPECT_EQ(preferred({dict("dns-name", "aws"), rule("instance-id")}), "i-0abc");
  EXPECT_EQ(preferred({dict("private-ip-address", std::nullopt)}), "10.0.0.1");
}

TEST(HostnamesTest, AllHostnamesForDuplicatedHosts) {
  auto names = all_hostnames(kInstance,
                             {rule("tag:Name,env"), rule("dns-name"), rule("instance-state-code"),
                              rule("network-interface.addresses.association.public-ip"),
                              dict("instance-id", "tag:env", ".")},
                             safe_group_name);
  EXPECT_EQ(names, (std::vector<std::string>{"web_1", "prod", "3.3.3.3", "4.4.4.4", "prod.i-0abc"}));
}

TEST(HostnamesTest, ContribSanitisationAppliesToHostnamesWithColons) {
  EXPECT_EQ(preferred_hostname(kInstance, {rule("tag:Name")}, contrib_safe_group_name).value(), "web_1");
  EXPECT_FALSE(validate_hostname_rule("tag:a=b=c"));
  EXPECT_TRUE(validate_hostname_rule("tag:a=b,c"));
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
