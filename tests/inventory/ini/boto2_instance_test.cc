#include "boto2_instance.h"

#include <gtest/gtest.h>

#include "test_instances.h"

namespace ec2::inventory {
namespace {

using nlohmann::json;
using testing::tags;
using testing::vpc_instance;

TEST(Boto2Instance, HostvarsOfARunningVpcInstance) {
  InstanceRecord record = vpc_instance("i-1", tags({{"Name", "web-1"}, {"env", "prod"}}));
  json vars = contrib_hostvars(to_boto2(record), std::string("123456789012"), false, true);
  json expected = {
      {"ec2__in_monitoring_element", false},
      {"ec2_account_id", "123456789012"},
      {"ec2_ami_launch_index", "0"},
      {"ec2_architecture", "x86_64"},
      {"ec2_block_devices", {{"xvda", "vol-1"}}},
      {"ec2_client_token", ""},
      {"ec2_coreCount", "1"},
      {"ec2_cpuOptions", ""},
      {"ec2_dns_name", "ec2-54-1-2-3.compute-1.amazonaws.com"},
      {"ec2_ebs_optimized", false},
      {"ec2_enaSupport", "true"},
      {"ec2_eventsSet", ""},
      {"ec2_group_name", ""},
      {"ec2_hypervisor", "xen"},
      {"ec2_id", "i-1"},
      {"ec2_image_id", "ami-0abc"},
      {"ec2_instance_profile", ""},
      {"ec2_instance_type", "t3.micro"},
      {"ec2_ip_address", "54.1.2.3"},
      {"ec2_item", ""},
      {"ec2_kernel", ""},
      {"ec2_key_name", "deploy-key"},
      {"ec2_launch_time", "2024-01-02T03:04:05.000Z"},
      {"ec2_monitored", false},
      {"ec2_monitoring", ""},
      {"ec2_monitoring_state", "disabled"},
      {"ec2_persistent", false},
      {"ec2_placement", "us-east-1a"},
      {"ec2_platform", ""},
      {"ec2_previous_state", ""},
      {"ec2_previous_state_code", 0},
      {"ec2_private_dns_name", "ip-10-0-0-5.ec2.internal"},
      {"ec2_private_ip_address", "10.0.0.5"},
      {"ec2_public_dns_name", "ec2-54-1-2-3.compute-1.amazonaws.com"},
      {"ec2_ramdisk", ""},
      {"ec2_reason", ""},
      {"ec2_region", "us-east-1"},
      {"ec2_requester_id", ""},
      {"ec2_root_device_name", "/dev/xvda"},
      {"ec2_root_device_type", "ebs"},
      {"ec2_security_group_ids", "sg-1,sg-2"},
      {"ec2_security_group_names", "web,ssh-in"},
      {"ec2_sourceDestCheck", "true"},
      {"ec2_spot_instance_request_id", ""},
      {"ec2_state", "running"},
      {"ec2_state_code", 16},
      {"ec2_state_reason", ""},
      {"ec2_subnet_id", "subnet-1"},
      {"ec2_tag_Name", "web-1"},
      {"ec2_tag_env", "prod"},
      {"ec2_threadsPerCore", "2"},
      {"ec2_virtualization_type", "hvm"},
      {"ec2_vpc_id", "vpc-1"},
  };
  EXPECT_EQ(vars, expected) << json::diff(expected, vars).dump(1);
}

TEST(Boto2Instance, StoppedInstanceWithStateReasonAndProfile) {
  InstanceRecord record = vpc_instance("i-2", json::array(), "");
  record.instance["State"] = {{"Code", 80}, {"Name", "stopped"}};
  record.instance["StateReason"] = {{"Code", "Client.UserInitiatedShutdown"}, {"Message", "m"}};
  record.instance["IamInstanceProfile"] = {{"Arn", "arn:aws:iam::1:instance-profile/p"}, {"Id", "X"}};
  record.instance["StateTransitionReason"] = "User initiated (2024-01-02 03:04:05 GMT)";
  record.instance.erase("BlockDeviceMappings");
  json vars = contrib_hostvars(to_boto2(record), std::nullopt, false, true);
  EXPECT_EQ(vars["ec2_state"], "stopped");
  EXPECT_EQ(vars["ec2_state_code"], 80);
  EXPECT_FALSE(vars.contains("ec2_state_reason"));      // a dict: the script left it out
  EXPECT_FALSE(vars.contains("ec2_instance_profile"));  // likewise
  EXPECT_EQ(vars["ec2_reason"], "User initiated (2024-01-02 03:04:05 GMT)");
  EXPECT_EQ(vars["ec2_ip_address"], "");
  EXPECT_EQ(vars["ec2_block_device_mapping"], "");  // no mapping element: None → ""
  EXPECT_FALSE(vars.contains("ec2_block_devices"));
  EXPECT_TRUE(vars["ec2_account_id"].is_null());
}

TEST(Boto2Instance, TagNamesAreSanitisedAndCsvValuesExpanded) {
  InstanceRecord record = vpc_instance(
      "i-3", tags({{"my-key", "a, b ,c"}, {"caf\xC3\xA9", "x"}, {"empty", ""}}));
  json dashes = contrib_hostvars(to_boto2(record), std::nullopt, true, true);
  EXPECT_EQ(dashes["ec2_tag_my_key"], json({"a", "b", "c"}));
  EXPECT_EQ(dashes["ec2_tag_caf_"], "x");
  EXPECT_EQ(dashes["ec2_tag_empty"], "");
  json kept = contrib_hostvars(to_boto2(record), std::nullopt, false, false);
  EXPECT_EQ(kept["ec2_tag_my-key"], "a, b ,c");
}

TEST(Boto2Instance, ElementsBoto2DidNotKnowFallThrough) {
  InstanceRecord record = vpc_instance("i-4", json::array());
  record.instance["MetadataOptions"] = {{"State", "applied"}, {"HttpTokens", "required"},
                                        {"HttpPutResponseHopLimit", 2}};
  record.instance["Licenses"] = {{{"LicenseConfigurationArn", "arn:l"}}};
  record.instance["InstanceLifecycle"] = "spot";
  json vars = contrib_hostvars(to_boto2(record), std::nullopt, false, true);
  EXPECT_EQ(vars["ec2_httpTokens"], "required");
  EXPECT_EQ(vars["ec2_httpPutResponseHopLimit"], "2");
  EXPECT_EQ(vars["ec2_metadataOptions"], "");
  EXPECT_FALSE(vars.contains("ec2_state_"));
  EXPECT_EQ(vars["ec2_licenseConfigurationArn"], "arn:l");
  EXPECT_EQ(vars["ec2_licenseSet"], "");
  EXPECT_EQ(vars["ec2_instanceLifecycle"], "spot");
  EXPECT_EQ(vars["ec2_state"], "running");  // <state> inside metadataOptions changed nothing
}

TEST(Boto2Instance, GetattrSeesPropertiesAndAttributes) {
  Boto2Instance i = to_boto2(vpc_instance("i-5", tags({{"Name", "n"}})));
  EXPECT_EQ(i.getattr("placement")->text, "us-east-1a");
  EXPECT_EQ(i.getattr("state_code")->number, 16);
  EXPECT_EQ(i.getattr("private_ip_address")->text, "10.0.0.5");
  EXPECT_EQ(i.getattr("previous_state")->kind, PyValue::Kind::None);
  EXPECT_FALSE(i.getattr("no_such_attribute").has_value());
  ASSERT_NE(i.tag("Name"), nullptr);
  EXPECT_EQ(*i.tag("Name"), "n");
}

TEST(Boto2Instance, ToSafe) {
  EXPECT_EQ(to_safe("tag_Name=web-1.example", false), "tag_Name_web_1_example");
  EXPECT_EQ(to_safe("tag_Name=web-1.example", true), "tag_Name_web-1_example");
  EXPECT_EQ(to_safe("tag_\xE2\x98\x83", false), "tag__");  // one code point, one underscore
}

}  // namespace
}  // namespace ec2::inventory
