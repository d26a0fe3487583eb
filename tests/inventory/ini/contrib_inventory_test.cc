// Golden tests for the ec2.ini mode's groups and hostnames, one per option, with the results
// ec2.py's add_instance gives for the same instances and settings.

#include "contrib_inventory.h"

#include <gtest/gtest.h>

#include "test_instances.h"

namespace ec2::inventory {
namespace {

using nlohmann::json;
using testing::tags;
using testing::vpc_instance;

Ec2IniSettings settings(const std::string& text) {
  auto file = parse_ini("ec2.ini", "[ec2]\n" + text);
  EXPECT_TRUE(file.ok());
  MapEnvironment env({}, "/home/u");
  auto s = read_ec2_ini(*file, "", env);
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error().message);
  return s ? *s : Ec2IniSettings{};
}

json build(const std::string& text, const std::vector<InstanceRecord>& records) {
  auto inventory = build_contrib_inventory(settings(text), records);
  EXPECT_TRUE(inventory.ok()) << (inventory ? "" : inventory.error().message);
  return inventory ? *inventory : json();
}

/// The inventory without _meta (groups only).
json groups(json inventory) {
  inventory.erase("_meta");
  return inventory;
}

std::vector<InstanceRecord> fleet() {
  InstanceRecord stopped = vpc_instance("i-3", tags({{"Name", "old"}}), "54.0.0.3");
  stopped.instance["State"] = {{"Code", 80}, {"Name", "stopped"}};
  return {vpc_instance("i-1", tags({{"Name", "web-1"}, {"env", "prod"}})),
          vpc_instance("i-2", json::array(), ""),  // no public address: not addressable
          stopped};
}

TEST(ContribInventory, DefaultGroups) {
  json inventory = build("", fleet());
  json expected = {
      {"i-1", {"54.1.2.3"}},
      {"us-east-1", {"54.1.2.3"}},
      {"us-east-1a", {"54.1.2.3"}},
      {"ami_0abc", {"54.1.2.3"}},
      {"type_t3_micro", {"54.1.2.3"}},
      {"platform_undefined", {"54.1.2.3"}},
      {"key_deploy_key", {"54.1.2.3"}},
      {"vpc_id_vpc_1", {"54.1.2.3"}},
      {"security_group_web", {"54.1.2.3"}},
      {"security_group_ssh_in", {"54.1.2.3"}},
      {"tag_Name_web_1", {"54.1.2.3"}},
      {"tag_env_prod", {"54.1.2.3"}},
      {"ec2", {"54.1.2.3"}},
  };
  EXPECT_EQ(groups(inventory), expected) << json::diff(expected, groups(inventory)).dump(1);
  ASSERT_EQ(inventory["_meta"]["hostvars"].size(), 1u);
  EXPECT_EQ(inventory["_meta"]["hostvars"]["54.1.2.3"]["ansible_host"], "54.1.2.3");
  EXPECT_EQ(inventory["_meta"]["hostvars"]["54.1.2.3"]["ec2_id"], "i-1");
}

TEST(ContribInventory, VpcDestinationVariableFallsBackToTags) {
  json inventory = build("vpc_destination_variable = private_ip_address\n", fleet());
  EXPECT_EQ(inventory["ec2"], json({"10.0.0.5", "10.0.0.5"}));  // both running hosts, same IP
  json by_tag = build("vpc_destination_variable = Name\n", fleet());
  EXPECT_EQ(by_tag["ec2"], json({"web-1"}));  // i-2 has no Name tag: skipped
}

TEST(ContribInventory, HostnameVariableIsSanitisedAndLowerCased) {
  json inventory = build("hostname_variable = tag_Name\nreplace_dash_in_groups = False\n",
                         {vpc_instance("i-1", tags({{"Name", "Web-1.Example"}}))});
  EXPECT_EQ(inventory["ec2"], json({"web-1_example"}));
  EXPECT_EQ(inventory["_meta"]["hostvars"]["web-1_example"]["ansible_host"], "54.1.2.3");
  json attr = build("hostname_variable = private_dns_name\n", {vpc_instance("i-1", json::array())});
  EXPECT_EQ(attr["ec2"], json({"ip_10_0_0_5_ec2_internal"}));
}

TEST(ContribInventory, DestinationFormatUsesTagsThenAttributesThenNil) {
  json inventory = build("destination_format = {0}-{1}-{2}.example.com\n"
                         "destination_format_tags = Name,private_ip_address,missing\n",
                         {vpc_instance("i-1", tags({{"Name", "web"}}))});
  EXPECT_EQ(inventory["ec2"], json({"web-10.0.0.5-nil.example.com"}));
  EXPECT_EQ(inventory["_meta"]["hostvars"]["web-10.0.0.5-nil.example.com"]["ansible_host"],
            "web-10.0.0.5-nil.example.com");
}

TEST(ContribInventory, InstanceStatesAndGroupByInstanceState) {
  json inventory = build("instance_states = running, stopped\ngroup_by_instance_state = True\n",
                         fleet());
  EXPECT_EQ(inventory["instance_state_running"], json({"54.1.2.3"}));
  EXPECT_EQ(inventory["instance_state_stopped"], json({"54.0.0.3"}));
  json all = build("all_instances = True\n", fleet());
  EXPECT_EQ(all["ec2"], json({"54.1.2.3", "54.0.0.3"}));
}

TEST(ContribInventory, PatternIncludeAndExcludeMatchAtTheStart) {
  auto records = std::vector<InstanceRecord>{
      vpc_instance("i-1", tags({{"Name", "web-1"}})), vpc_instance("i-2", tags({{"Name", "db-1"}})),
      vpc_instance("i-3", tags({{"Name", "web-staging"}}))};
  json inventory = build("hostname_variable = tag_Name\nreplace_dash_in_groups = False\n"
                         "pattern_include = web-\npattern_exclude = .*staging\n",
                         records);
  EXPECT_EQ(inventory["ec2"], json({"web-1"}));
  json middle = build("hostname_variable = tag_Name\npattern_include = 1\n", records);
  EXPECT_FALSE(middle.contains("ec2"));  // re.match anchors at the start
}

TEST(ContribInventory, NestedGroups) {
  json inventory = build("nested_groups = True\ngroup_by_aws_account = True\n",
                         {vpc_instance("i-1", tags({{"env", "prod"}, {"empty", ""}}))});
  const std::string h = "54.1.2.3";
  EXPECT_EQ(inventory["instances"], json({{"children", {"i-1"}}}));
  EXPECT_EQ(inventory["regions"], json({{"children", {"us-east-1"}}}));
  EXPECT_EQ(inventory["us-east-1"], json({{"hosts", {h}}, {"children", {"us-east-1a"}}}));
  EXPECT_EQ(inventory["zones"], json({{"children", {"us-east-1a"}}}));
  EXPECT_EQ(inventory["images"], json({{"children", {"ami_0abc"}}}));
  EXPECT_EQ(inventory["types"], json({{"children", {"type_t3_micro"}}}));
  EXPECT_EQ(inventory["platforms"], json({{"children", {"platform_undefined"}}}));
  EXPECT_EQ(inventory["keys"], json({{"children", {"key_deploy_key"}}}));
  EXPECT_EQ(inventory["vpcs"], json({{"children", {"vpc_id_vpc_1"}}}));
  EXPECT_EQ(inventory["security_groups"],
            json({{"children", {"security_group_web", "security_group_ssh_in"}}}));
  EXPECT_EQ(inventory["accounts"], json({{"children", {"123456789012"}}}));
  EXPECT_EQ(inventory["123456789012"], json({h}));
  EXPECT_EQ(inventory["tags"], json({{"children", {"tag_env", "tag_empty"}}}));
  EXPECT_EQ(inventory["tag_env"], json({{"children", {"tag_env_prod"}}}));
  EXPECT_EQ(inventory["tag_empty"], json({h}));
  EXPECT_EQ(inventory["tag_env_prod"], json({h}));
}

TEST(ContribInventory, ReplaceDashAndExpandCsvTags) {
  auto records = std::vector<InstanceRecord>{vpc_instance("i-1", tags({{"role", "web-a, db"}}))};
  json replaced = build("expand_csv_tags = True\n", records);
  EXPECT_EQ(replaced["tag_role_web_a"], json({"54.1.2.3"}));
  EXPECT_EQ(replaced["tag_role_db"], json({"54.1.2.3"}));
  EXPECT_EQ(replaced["_meta"]["hostvars"]["54.1.2.3"]["ec2_tag_role"], json({"web-a", "db"}));
  json kept = build("replace_dash_in_groups = False\n", records);
  EXPECT_EQ(kept["tag_role_web-a__db"], json({"54.1.2.3"}));
  EXPECT_EQ(kept["key_deploy-key"], json({"54.1.2.3"}));
  EXPECT_EQ(kept["ami-0abc"], json({"54.1.2.3"}));
  EXPECT_EQ(kept["us-east-1"], json({"54.1.2.3"}));  // region names are never sanitised
}

TEST(ContribInventory, TagNoneAndPlatform) {
  InstanceRecord windows = vpc_instance("i-1", json::array());
  windows.instance["Platform"] = "windows";
  json inventory = build("", {windows});
  EXPECT_EQ(inventory["tag_none"], json({"54.1.2.3"}));
  EXPECT_EQ(inventory["platform_windows"], json({"54.1.2.3"}));
  EXPECT_FALSE(build("group_by_tag_none = False\n", {windows}).contains("tag_none"));
}

TEST(ContribInventory, GroupByOptionsTurnGroupsOff) {
  json inventory = build(
      "group_by_instance_id = False\ngroup_by_region = False\ngroup_by_availability_zone = False\n"
      "group_by_ami_id = False\ngroup_by_instance_type = False\ngroup_by_platform = False\n"
      "group_by_key_pair = False\ngroup_by_vpc_id = False\ngroup_by_security_group = False\n"
      "group_by_tag_keys = False\ngroup_by_tag_none = False\n",
      fleet());
  EXPECT_EQ(groups(inventory), json({{"ec2", {"54.1.2.3"}}}));
}

TEST(ContribInventory, UnicodeTagsBecomeUnderscores) {
  json inventory = build("", {vpc_instance("i-1", tags({{"Name", "caf\xC3\xA9 \xE2\x98\x83"}}))});
  EXPECT_EQ(inventory["tag_Name_caf___"], json({"54.1.2.3"}));
}

TEST(ContribInventory, AccountIsTheFirstRecordsOwner) {
  InstanceRecord other = vpc_instance("i-2", json::array(), "54.9.9.9", "eu-west-1");
  other.owner_id = "999999999999";
  json inventory = build("group_by_aws_account = True\n",
                         {vpc_instance("i-1", json::array()), other});
  EXPECT_EQ(inventory["123456789012"], json({"54.1.2.3", "54.9.9.9"}));
  EXPECT_EQ(inventory["_meta"]["hostvars"]["54.9.9.9"]["ec2_account_id"], "123456789012");
  EXPECT_EQ(inventory["eu-west-1"], json({"54.9.9.9"}));
}

TEST(ContribInventory, UnknownHostnameVariableIsAnError) {
  auto inventory = build_contrib_inventory(settings("hostname_variable = nonsense\n"),
                                           {vpc_instance("i-1", json::array())});
  ASSERT_FALSE(inventory.ok());
  EXPECT_EQ(inventory.error().message,
            "ec2.ini: option 'hostname_variable' = 'nonsense': instances have no such attribute");
}

}  // namespace
}  // namespace ec2::inventory
