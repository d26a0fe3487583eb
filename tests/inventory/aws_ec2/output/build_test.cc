// build_inventory: --list layout, instance selection, compose/groups/keyed_groups edge cases.

#include <gtest/gtest.h>

#include "aws_ec2.h"

namespace ec2::inventory::aws_ec2 {
namespace {

InstanceRecord record(const std::string& id, const std::string& name, const std::string& tags_json = "[]") {
  auto instance = nlohmann::json::parse(R"({"InstanceId": ")" + id + R"(", "PrivateDnsName": ")" + name +
                                        R"(", "InstanceType": "t3.micro", "Placement": {"AvailabilityZone": "us-east-1a"},
                                        "State": {"Code": 16, "Name": "running"}, "EbsOptimized": true, "Tags": )" + tags_json + "}");
  return InstanceRecord{"us-east-1", instance, "123", "", "r-" + id, nullptr, "", {}, {}, nullptr};
}

nlohmann::json build(const std::string& yaml, const std::vector<InstanceRecord>& records,
                     const std::vector<InstanceRecord>& excluded = {}) {
  auto config = parse_aws_ec2_config("/inv/test.aws_ec2.yml", yaml, [](const std::string&) { return std::nullopt; });
  EXPECT_TRUE(config) << to_string(config.error());
  if (!config) return {};
  auto inv = build_inventory(*config, records, excluded);
  EXPECT_TRUE(inv) << to_string(inv.error());
  return inv ? *inv : nlohmann::json();
}

std::string build_error(const std::string& yaml, const std::vector<InstanceRecord>& records) {
  auto config = parse_aws_ec2_config("/inv/test.aws_ec2.yml", yaml, [](const std::string&) { return std::nullopt; });
  if (!config) return "config: " + config.error().message;
  auto inv = build_inventory(*config, records);
  return inv ? "" : inv.error().message;
}

TEST(BuildTest, ListLayoutSortedHostsAndExclusions) {
  auto inv = build("plugin: aws_ec2\n", {record("i-2", "b.internal"), record("i-1", "a.internal"),
                                         record("i-2", "z.internal"), record("i-3", "c.internal")},
                   {record("i-3", "c.internal")});
  EXPECT_EQ(inv["all"], nlohmann::json::parse(R"({"children": ["ungrouped", "aws_ec2"]})"));
  // The first of the records with one instance id is kept (i-2 fetched again reads z.internal).
  EXPECT_EQ(inv["aws_ec2"]["hosts"], nlohmann::json::parse(R"(["a.internal", "b.internal"])"));
  EXPECT_FALSE(inv.contains("ungrouped"));
  EXPECT_EQ(inv["_meta"]["hostvars"]["a.internal"]["placement"]["region"], "us-east-1");
  EXPECT_FALSE(inv["_meta"]["hostvars"]["a.internal"].contains("inventory_file"));
  EXPECT_EQ(inv["_meta"]["hostvars"]["b.internal"]["instance_id"], "i-2");
  EXPECT_EQ(format_inventory_json(nlohmann::json::parse(R"({"b": [], "a": {"é": 1}})")),
            "{\n    \"a\": {\n        \"é\": 1\n    },\n    \"b\": []\n}\n");
}

TEST(BuildTest, InstancesWithoutAHostnameAreLeftOut) {
  auto inv = build("plugin: aws_ec2\n", {record("i-1", "")});
  EXPECT_EQ(inv["_meta"]["hostvars"], nlohmann::json::object());
  EXPECT_FALSE(inv.contains("aws_ec2"));
}

/// The instances of a DescribeInstances document as a fetch hands them to `prepare`: each with its
/// element while it is prepared, none after.
std::vector<InstanceRecord> prepared(const std::function<void(InstanceRecord&)>& prepare, const char* xml) {
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(xml));
  std::vector<InstanceRecord> records;
  for (pugi::xml_node item : doc.document_element().child("reservationSet").children("item")) {
    for (pugi::xml_node node : item.child("instancesSet").children("item")) {
      InstanceRecord r;
      r.region = "us-east-1";
      r.reservation_id = item.child_value("reservationId");
      r.id = node.child_value("instanceId");
      r.xml = node;
      prepare(r);
      r.xml = pugi::xml_node();
      records.push_back(std::move(r));
    }
  }
  return records;
}

TEST(BuildTest, PreparedInstancesWithoutAZoneFailOnlyWhenTheyHaveAHostname) {
  auto config = parse_aws_ec2_config("/inv/test.aws_ec2.yml", "plugin: aws_ec2\n",
                                     [](const std::string&) { return std::nullopt; });
  ASSERT_TRUE(config) << to_string(config.error());
  auto prepare = record_preparer(*config);
  ASSERT_TRUE(prepare);
  auto records = prepared(prepare, R"(<R><reservationSet><item><reservationId>r-1</reservationId><instancesSet>
      <item><instanceId>i-named</instanceId><privateDnsName>n.internal</privateDnsName>
        <placement><availabilityZone>us-east-1a</availabilityZone></placement></item>
      <item><instanceId>i-nameless</instanceId><placement><tenancy>default</tenancy></placement></item>
      </instancesSet></item></reservationSet></R>)");
  auto text = build_inventory_text(*config, records, {});
  ASSERT_TRUE(text) << to_string(text.error());
  auto inv = nlohmann::json::parse(*text);
  EXPECT_EQ(inv["aws_ec2"]["hosts"], nlohmann::json::parse(R"(["n.internal"])"));
  EXPECT_EQ(inv["_meta"]["hostvars"]["n.internal"]["reservation_id"], "r-1");

  records = prepared(prepare, R"(<R><reservationSet><item><instancesSet>
      <item><instanceId>i-noaz</instanceId><privateDnsName>x.internal</privateDnsName></item>
      </instancesSet></item></reservationSet></R>)");
  auto failed = build_inventory_text(*config, records, {});
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, "NoAvailabilityZone");
  EXPECT_NE(failed.error().message.find("i-noaz"), std::string::npos);
}

TEST(BuildTest, AnInventoryKeptUntilExitIsWrittenAsAFreedOne) {
  auto config = parse_aws_ec2_config("/inv/test.aws_ec2.yml", "plugin: aws_ec2\n",
                                     [](const std::string&) { return std::nullopt; });
  ASSERT_TRUE(config) << to_string(config.error());
  auto records = prepared(record_preparer(*config), R"(<R><reservationSet><item><instancesSet>
      <item><instanceId>i-b</instanceId><privateDnsName>b.internal</privateDnsName>
        <placement><availabilityZone>us-east-1a</availabilityZone></placement></item>
      <item><instanceId>i-a</instanceId><privateDnsName>a.internal</privateDnsName>
        <placement><availabilityZone>us-east-1b</availabilityZone></placement></item>
      </instancesSet></item></reservationSet></R>)");
  auto freed = build_inventory_text(*config, records, {});
  ASSERT_TRUE(freed) << to_string(freed.error());
  std::string kept;
  Status written = write_inventory(*config, records, {}, [&](std::string_view piece) { kept += piece; },
                                   AfterWriting::KeepUntilExit);
  ASSERT_TRUE(written) << to_string(written.error());
  EXPECT_EQ(kept, *freed);
  EXPECT_EQ(nlohmann::json::parse(kept)["aws_ec2"]["hosts"], nlohmann::json::parse(R"(["a.internal", "b.internal"])"));
}

/// `--host` as the whole parsed --list gives it: the host's entry of `_meta.hostvars`, or `{}`.
std::string host_from_list(const std::string& list, const std::string& host) {
  const auto hostvars = nlohmann::json::parse(list)["_meta"]["hostvars"];
  return format_inventory_json(hostvars.contains(host) ? hostvars[host] : nlohmann::json::object());
}

TEST(BuildTest, HostVariablesTextIsTheHostsEntryOfTheList) {
  const char* yamls[] = {"plugin: aws_ec2\n",
                         "plugin: aws_ec2\ncompose:\n  ansible_host: private_dns_name ~ '!'\n"
                         "hostvars_prefix: p_\n"};
  for (const char* yaml : yamls) {
    SCOPED_TRACE(yaml);
    auto config = parse_aws_ec2_config("/inv/test.aws_ec2.yml", yaml, [](const std::string&) { return std::nullopt; });
    ASSERT_TRUE(config) << to_string(config.error());
    std::vector<InstanceRecord> records;
    if (auto prepare = record_preparer(*config)) {
      records = prepared(prepare, R"(<R><reservationSet><item><instancesSet>
          <item><instanceId>i-b</instanceId><privateDnsName>b.internal</privateDnsName>
            <placement><availabilityZone>us-east-1a</availabilityZone></placement>
            <tagSet><item><key>Name</key><value>bé "quoted"</value></item></tagSet></item>
          <item><instanceId>i-a</instanceId><privateDnsName>a.internal</privateDnsName>
            <placement><availabilityZone>us-east-1b</availabilityZone></placement></item>
          </instancesSet></item></reservationSet></R>)");
    } else {
      records = {record("i-b", "b.internal", R"([{"Key": "Name", "Value": "bé \"quoted\""}])"),
                 record("i-a", "a.internal")};
    }
    auto list = build_inventory_text(*config, records, {});
    ASSERT_TRUE(list) << to_string(list.error());
    for (const std::string host : {"a.internal", "b.internal", "unknown"}) {
      std::string listed;
      auto text = host_variables_text(*config, records, {}, host, [&](std::string_view piece) { listed += piece; });
      ASSERT_TRUE(text) << to_string(text.error());
      EXPECT_EQ(*text, host_from_list(*list, host)) << host;
      EXPECT_EQ(listed, *list) << "the --list text handed on for the cache";
    }
    EXPECT_EQ(*host_variables_text(*config, records, {}, "unknown"), "{}\n");
    EXPECT_NE(host_variables_text(*config, records, {}, "b.internal")->find("bé \\\"quoted\\\""), std::string::npos);
  }
}

TEST(BuildTest, KeyedGroupSeparatorsDefaultsAndParents) {
  const char* yaml = R"(plugin: aws_ec2
keyed_groups:
  - key: tags
  - key: tags
    prefix: t
    trailing_separator: false
  - key: tags.Role | default('')
    prefix: role
    default_value: none
  - key: "['a', '', 'b']"
    prefix: l
    default_value: dflt
  - key: tags.env | default('')
    prefix: env
  - key: instance_type
    parent_group: "types_{{ placement.region }}"
)";
  auto inv = build(yaml, {record("i-1", "h1", R"([{"Key": "env", "Value": ""}, {"Key": "Role", "Value": "db"}])")});
  for (const char* g : {"_env_", "t_env", "t_Role_db", "role_db", "l_a", "l_dflt", "l_b", "_t3_micro"}) {
    EXPECT_TRUE(inv.contains(g)) << g << " in " << inv.dump();
  }
  EXPECT_FALSE(inv.contains("env_"));
  EXPECT_EQ(inv["types_us_east_1"]["children"], nlohmann::json::parse(R"(["_t3_micro"])"));
  EXPECT_EQ(inv["all"]["children"][1], "aws_ec2");
  EXPECT_NE(std::find(inv["all"]["children"].begin(), inv["all"]["children"].end(), "types_us_east_1"),
            inv["all"]["children"].end());
}

TEST(BuildTest, LeadingSeparatorOff) {
  auto inv = build("plugin: aws_ec2\nleading_separator: false\nkeyed_groups:\n  - key: instance_type\n",
                   {record("i-1", "h1")});
  EXPECT_TRUE(inv.contains("t3_micro"));
}

TEST(BuildTest, StrictDecidesWhetherExpressionErrorsFail) {
  const char* lenient = "plugin: aws_ec2\ncompose:\n  x: nosuch\n  y: instance_id\ngroups:\n  g: nosuch\n"
                        "keyed_groups:\n  - key: nosuch\n";
  auto inv = build(lenient, {record("i-1", "h1")});
  EXPECT_FALSE(inv["_meta"]["hostvars"]["h1"].contains("x"));
  EXPECT_EQ(inv["_meta"]["hostvars"]["h1"]["y"], "i-1");
  EXPECT_EQ(build_error(std::string(lenient) + "strict: true\n", {record("i-1", "h1")}),
            "Could not set x for host h1: 'nosuch' is undefined");
  EXPECT_EQ(build_error("plugin: aws_ec2\nstrict: true\nkeyed_groups:\n  - key: tags.none | default('')\n",
                        {record("i-1", "h1")}),
            "No key or key resulted empty for tags.none | default('') in host h1, invalid entry");
  EXPECT_EQ(build_error("plugin: aws_ec2\nkeyed_groups:\n  - key: ebs_optimized\n", {record("i-1", "h1")}),
            "Invalid group name format, expected a string or a list of them or dictionary, got: <class 'bool'>");
}

TEST(BuildTest, GroupsSeeComposedVariablesAndMagicVariables) {
  const char* yaml = R"(plugin: aws_ec2
compose:
  role: "'web'"
groups:
  webs: role == 'web'
  short: inventory_hostname_short == 'h1'
  in_aws: "'aws_ec2' in group_names"
)";
  auto inv = build(yaml, {record("i-1", "h1.example.com")});
  EXPECT_EQ(inv["webs"]["hosts"][0], "h1.example.com");
  EXPECT_EQ(inv["short"]["hosts"][0], "h1.example.com");
  EXPECT_EQ(inv["in_aws"]["hosts"][0], "h1.example.com");
}

TEST(BuildTest, DuplicateHostnamesMergeLikeAnsible) {
  auto inv = build("plugin: aws_ec2\nhostnames: [tag:Name]\nkeyed_groups:\n  - key: instance_id\n",
                   {record("i-1", "a", R"([{"Key": "Name", "Value": "same"}])"),
                    record("i-2", "b", R"([{"Key": "Name", "Value": "same"}])")});
  EXPECT_EQ(inv["_meta"]["hostvars"]["same"]["instance_id"], "i-2");
  EXPECT_TRUE(inv.contains("_i_1"));
  EXPECT_TRUE(inv.contains("_i_2"));
  EXPECT_EQ(inv["aws_ec2"]["hosts"].size(), 1u);
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
