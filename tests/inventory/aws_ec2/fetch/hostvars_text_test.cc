// Host variables written as text from typed instances: the same bytes as the JSON path gives
// (instance_hostvars of boto3_instance, then sorted), for every option that shapes them.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ec2/ops/instances.h"
#include "fetch/hostvars_text.h"
#include "output/inventory_model.h"
#include "output/sorted_json.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// The instances of the DescribeInstances sample response, plus variants with awkward values.
std::vector<InstanceRecord> sample_records() {
  std::ifstream in(EC2_SOURCE_DIR "/src/model/testdata/describe_instances.xml");
  std::stringstream text;
  text << in.rdbuf();
  pugi::xml_document doc;
  EXPECT_TRUE(doc.load_string(text.str().c_str()));
  auto page = parse_describe_instances(doc);
  EXPECT_TRUE(page) << to_string(page.error());
  std::vector<InstanceRecord> records;
  for (const Reservation& reservation : page->reservations) {
    for (const Instance& instance : reservation.instances.value_or(std::vector<Instance>{})) {
      InstanceRecord record;
      record.region = "us-east-1";
      record.owner_id = reservation.owner_id.value_or("");
      record.reservation_id = reservation.reservation_id.value_or("");
      record.typed = std::make_shared<const Instance>(instance);
      records.push_back(record);
    }
  }
  EXPECT_GE(records.size(), 2u);
  Instance odd = *records.front().typed;
  odd.tags = std::vector<Tag>{{"Name", "wéb \"01\"\t\\"}, {"a-b c", "日本"}, {"dup", "1"}, {"dup", "2"}, {"", ""}};
  odd.launch_time = *parse_timestamp("2024-01-02T03:04:05.120Z");
  odd.placement->availability_zone = "ap-northeast-1é";
  InstanceRecord variant = records.front();
  variant.typed = std::make_shared<const Instance>(odd);
  variant.requester_id = "amazon-elb";
  records.push_back(variant);
  Instance bare;
  bare.instance_id = "i-bare";
  bare.placement = Placement{};
  bare.placement->availability_zone = "eu-west-1a";
  InstanceRecord minimal;
  minimal.typed = std::make_shared<const Instance>(bare);
  records.push_back(minimal);
  return records;
}

std::string via_json(const InstanceRecord& record, const HostvarOptions& options) {
  auto vars = instance_hostvars(boto3_instance(record), options);
  EXPECT_TRUE(vars) << to_string(vars.error());
  return nlohmann::json(*vars).dump();
}

TEST(HostvarsTextTest, EqualsTheJsonPathForEveryOption) {
  const std::vector<HostvarOptions> variants = {
      {}, {"aws_", "", false}, {"", "_x", false}, {"p_", "_s", true}, {"", "", true}};
  for (const InstanceRecord& record : sample_records()) {
    for (const HostvarOptions& options : variants) {
      auto text = hostvars_text(record, options);
      ASSERT_TRUE(text) << to_string(text.error());
      EXPECT_EQ(*text, via_json(record, options)) << instance_id(record) << " prefix=" << options.prefix;
    }
  }
}

TEST(HostvarsTextTest, MissingAvailabilityZoneIsAnError) {
  Instance instance;
  instance.instance_id = "i-noaz";
  InstanceRecord record;
  record.typed = std::make_shared<const Instance>(instance);
  auto text = hostvars_text(record, {});
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code, "NoAvailabilityZone");
  EXPECT_NE(text.error().message.find("i-noaz"), std::string::npos);
}

/// `compact` laid out at nesting level `level` by append_sorted_json.
std::string laid_out(const std::string& compact, int level) {
  std::string out;
  append_sorted_json(out, Json::parse(compact), level);
  return out;
}

TEST(HostvarsTextTest, LaidOutTextIsTheCompactTextAsTheSortedWriterLaysItOut) {
  const std::vector<HostvarOptions> variants = {{}, {"p_", "_s", true}, {"", "", true}};
  InstanceRecord empty_lists = sample_records().front();
  Instance instance = *empty_lists.typed;
  instance.tags = std::vector<Tag>{};
  instance.security_groups = std::vector<GroupIdentifier>{};
  instance.product_codes = std::vector<ProductCode>{};
  empty_lists.typed = std::make_shared<const Instance>(instance);
  std::vector<InstanceRecord> records = sample_records();
  records.push_back(empty_lists);
  for (const InstanceRecord& record : records) {
    for (const HostvarOptions& options : variants) {
      auto compact = hostvars_text(record, options);
      ASSERT_TRUE(compact) << to_string(compact.error());
      for (int level : {0, 3}) {
        auto text = hostvars_text(record, options, level);
        ASSERT_TRUE(text) << to_string(text.error());
        EXPECT_EQ(*text, laid_out(*compact, level)) << instance_id(record) << " level " << level;
      }
    }
  }
}

TEST(HostvarsTextTest, PackedTextComesBackAsItWas) {
  std::string big;
  for (int i = 0; i < 2000; ++i) big += "{\"k" + std::to_string(i) + "\":\"日本 " + std::to_string(i * 7) + "\"}";
  for (const std::string& text : {std::string(), std::string("{}"), std::string("\0binary\xff", 8), big}) {
    PackedText packed = PackedText::pack(text);
    EXPECT_EQ(packed.unpack(), text);
  }
  PackedText typical = PackedText::pack(big.substr(0, 2500));
  EXPECT_LT(typical.size(), 2500u);
}

TEST(HostvarsTextTest, TextsPackedOnSeveralThreadsAtOnceComeBackAsTheyWere) {
  auto text_of = [](int thread, int i) {
    std::string text = "{\"thread\": " + std::to_string(thread) + ", \"items\": [";
    for (int k = 0; k < 300 + i; ++k) text += "\"value " + std::to_string(k * (i + 1)) + "\", ";
    return text + "\"end\"]}";
  };
  std::vector<std::vector<PackedText>> packed(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 100; ++i) packed[t].push_back(PackedText::pack(text_of(t, i)));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) {
    for (int i = 0; i < 100; ++i) ASSERT_EQ(packed[t][i].unpack(), text_of(t, i)) << t << " " << i;
  }
}

TEST(HostvarsTextTest, ModelMergesTextVariablesOfAHostNamedTwice) {
  InventoryModel text_model("/inv/x.aws_ec2.yml"), json_model("/inv/x.aws_ec2.yml");
  const std::string first = R"({"a":1,"only_first":[1],"z":{"k":"v"}})", second = R"({"a":2,"b":"x"})";
  for (InventoryModel* model : {&text_model, &json_model}) model->add_host("h", "aws_ec2");
  text_model.set_packed_variables("h", PackedText::pack(laid_out(first, InventoryModel::kHostVarsLevel)));
  text_model.set_packed_variables("h", PackedText::pack(laid_out(second, InventoryModel::kHostVarsLevel)));
  json_model.set_variables("h", Json::parse(first));
  json_model.set_variables("h", Json::parse(second));
  EXPECT_EQ(text_model.list_text(), json_model.list_text());
  EXPECT_NE(text_model.list_text().find("\"only_first\""), std::string::npos);
}

/// Every instance element of `xml` (a DescribeInstancesResponse) as a record read from its element
/// and as a record carrying the instance from_xml makes of it (none when it cannot).
std::vector<std::pair<InstanceRecord, InstanceRecord>> xml_and_typed(const pugi::xml_document& doc) {
  std::vector<std::pair<InstanceRecord, InstanceRecord>> out;
  for (pugi::xml_node reservation : doc.document_element().child("reservationSet").children("item")) {
    for (pugi::xml_node item : reservation.child("instancesSet").children("item")) {
      InstanceRecord from_element;
      from_element.owner_id = reservation.child_value("ownerId");
      from_element.requester_id = "req";
      from_element.reservation_id = reservation.child_value("reservationId");
      from_element.xml = item;
      InstanceRecord typed = from_element;
      typed.xml = pugi::xml_node();
      Instance instance;
      if (from_xml(item, instance)) typed.typed = std::make_shared<const Instance>(instance);
      out.emplace_back(from_element, typed);
    }
  }
  return out;
}

TEST(HostvarsTextTest, FromTheXmlElementEqualsFromTheTypedInstance) {
  std::ifstream in(EC2_SOURCE_DIR "/src/model/testdata/describe_instances.xml");
  std::stringstream sample;
  sample << in.rdbuf();
  const std::string awkward = R"(<DescribeInstancesResponse><reservationSet><item><reservationId>r-9</reservationId>
      <instancesSet><item><instanceId>i-odd</instanceId><launchTime>2024-01-02T03:04:05.120Z</launchTime>
      <placement><availabilityZone>ap-northeast-1é</availabilityZone></placement>
      <tagSet><item><key>Name</key><value>wéb "01"&#9;\</value></item><item><key>a-b c</key><value>日本</value></item>
      <item><key>dup</key><value>1</value></item><item><key>dup</key><value>2</value></item><item><key/><value/></item>
      </tagSet><blockDeviceMappingSet><item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-1</volumeId>
      <attachTime>2024-01-02T03:04:05Z</attachTime><deleteOnTermination>true</deleteOnTermination></ebs></item>
      </blockDeviceMappingSet><productCodes/></item>
      <item><instanceId>i-bare</instanceId><placement><availabilityZone>eu-west-1a</availabilityZone></placement></item>
      </instancesSet></item></reservationSet></DescribeInstancesResponse>)";
  const std::vector<HostvarOptions> variants = {{}, {"p_", "_s", true}, {"", "", true}};
  size_t compared = 0;
  for (const std::string& text : {sample.str(), awkward}) {
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(text.c_str()));
    for (const auto& [from_element, typed] : xml_and_typed(doc)) {
      ASSERT_TRUE(typed.typed);
      for (const HostvarOptions& options : variants) {
        auto direct = hostvars_text(from_element, options);
        auto expected = hostvars_text(typed, options);
        ASSERT_TRUE(direct) << to_string(direct.error());
        ASSERT_TRUE(expected) << to_string(expected.error());
        EXPECT_EQ(*direct, *expected);
        EXPECT_EQ(*direct, via_json(typed, options));
        auto laid_out_direct = hostvars_text(from_element, options, InventoryModel::kHostVarsLevel);
        ASSERT_TRUE(laid_out_direct) << to_string(laid_out_direct.error());
        EXPECT_EQ(*laid_out_direct, laid_out(*direct, InventoryModel::kHostVarsLevel));
        ++compared;
      }
    }
  }
  EXPECT_GE(compared, 4 * variants.size());
}

TEST(HostvarsTextTest, FromTheXmlElementFailsOnMissingZoneAndInvalidValues) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string("<R><reservationSet><item><instancesSet>"
                              "<item><instanceId>i-noaz</instanceId><placement><tenancy>default</tenancy></placement></item>"
                              "<item><instanceId>i-bad</instanceId><amiLaunchIndex>x</amiLaunchIndex></item>"
                              "</instancesSet></item></reservationSet></R>"));
  auto records = xml_and_typed(doc);
  ASSERT_EQ(records.size(), 2u);
  auto noaz = hostvars_text(records[0].first, {});
  ASSERT_FALSE(noaz);
  EXPECT_EQ(noaz.error().code, "NoAvailabilityZone");
  EXPECT_NE(noaz.error().message.find("i-noaz"), std::string::npos);
  auto bad = hostvars_text(records[1].first, {});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "MalformedResponse");
  EXPECT_NE(bad.error().message.find("amiLaunchIndex"), std::string::npos);
  // Appending, the text is left as it was, whether written as it goes or assembled at the end.
  HostvarOptions renamed;
  renamed.prefix = "p_";
  for (const HostvarOptions& options : {HostvarOptions(), renamed}) {
    for (const auto& record : records) {
      std::string out = "before";
      EXPECT_FALSE(append_hostvars_text(out, record.first, options, InventoryModel::kHostVarsLevel));
      EXPECT_EQ(out, "before");
    }
  }
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
