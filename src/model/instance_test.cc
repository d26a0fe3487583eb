#include "ec2/model/instance.h"

#include <gtest/gtest.h>

#include "ec2/model/json_builder.h"
#include "ec2/model/snake_case.h"
#include "ec2/model/visit.h"
#include "ec2/model/xml.h"
#include "model/reflect.h"
#include "model/test_util.h"

namespace ec2 {
namespace {

using nlohmann::json;

std::vector<Reservation> load_reservations(const std::string& fixture) {
  auto doc = parse_xml_document(testing::read_fixture(fixture));
  EXPECT_TRUE(doc.ok());
  std::vector<Reservation> out;
  if (!doc.ok()) return out;
  for (pugi::xml_node item : doc.value()->document_element().child("reservationSet").children("item")) {
    out.emplace_back();
    Status status = from_xml(item, out.back());
    EXPECT_TRUE(status.ok()) << to_string(status.error());
  }
  return out;
}

/// Asserts that `value` has exactly the members of shape `shape`, recursively, wherever the
/// fixture fills a structure.
void expect_every_member(const json& shapes, const std::string& shape, const json& value,
                         const std::string& path) {
  const json& def = shapes[shape];
  if (def["type"] == "list") {
    for (const json& item : value) {
      expect_every_member(shapes, def["member"]["shape"], item, path + "[]");
    }
    return;
  }
  if (def["type"] != "structure") return;
  for (const auto& [member, spec] : def["members"].items()) {
    if (!value.contains(member)) {
      ADD_FAILURE() << path << " lacks " << member;
      continue;
    }
    expect_every_member(shapes, spec["shape"], value[member], path + "." + member);
  }
  for (const auto& [member, ignored] : value.items()) {
    EXPECT_TRUE(def["members"].contains(member)) << path << " has unknown " << member;
  }
}

TEST(InstanceTest, FullInstanceMapsEveryMemberOfTheShape) {
  auto reservations = load_reservations("describe_instances.xml");
  ASSERT_EQ(reservations.size(), 2u);
  json shapes = testing::service_shapes();
  ASSERT_TRUE(shapes.is_object());
  expect_every_member(shapes, "Reservation", to_json(reservations[0]), "Reservation");
}

TEST(InstanceTest, JsonIsExactlyWhatBoto3Returns) {
  auto reservations = load_reservations("describe_instances.xml");
  json expected = testing::botocore_parse("DescribeInstances", "describe_instances.xml");
  ASSERT_TRUE(expected.is_object()) << "botocore could not parse the fixture";
  json actual = json::array();
  for (const Reservation& r : reservations) actual.push_back(to_json(r));
  EXPECT_EQ(actual, expected["Reservations"]) << json::diff(actual, expected["Reservations"]);
}

TEST(InstanceTest, OrderedJsonHasBoto3sKeyOrder) {
  auto reservations = load_reservations("describe_instances.xml");
  auto expected = testing::botocore_parse<nlohmann::ordered_json>("DescribeInstances", "describe_instances.xml");
  ASSERT_TRUE(expected.is_object()) << "botocore could not parse the fixture";
  size_t checked = 0;
  for (size_t r = 0; r < reservations.size(); ++r) {
    const auto& instances = *reservations[r].instances;
    for (size_t i = 0; i < instances.size(); ++i) {
      // dump() keeps each object's key order, so equal text means equal content and order.
      EXPECT_EQ(to_ordered_json(instances[i]).dump(), expected["Reservations"][r]["Instances"][i].dump());
      EXPECT_EQ(json::parse(to_ordered_json(instances[i]).dump()), to_json(instances[i]));
      ++checked;
    }
  }
  EXPECT_GT(checked, 1u);
}

TEST(InstanceTest, TypedFields) {
  auto reservations = load_reservations("describe_instances.xml");
  ASSERT_EQ(reservations.size(), 2u);
  const Reservation& r = reservations[0];
  EXPECT_EQ(r.reservation_id, "r-1234567890abcdef0");
  EXPECT_EQ(r.requester_id, "940372691376");
  ASSERT_TRUE(r.instances && r.instances->size() == 1);
  const Instance& i = r.instances->front();
  EXPECT_EQ(i.instance_id, "i-1234567890abcdef0");
  EXPECT_EQ(i.state->code, 16);
  EXPECT_EQ(i.state->name, "running");
  EXPECT_EQ(i.key_name, "my-key & \"quotes\"");
  EXPECT_EQ(i.state_transition_reason, "");
  EXPECT_EQ(i.public_ip_address, "34.253.223.13");
  EXPECT_EQ(i.placement->availability_zone, "us-east-2a");
  EXPECT_EQ(i.placement->partition_number, 2);
  EXPECT_EQ(i.ebs_optimized, false);
  EXPECT_EQ(i.ena_support, true);
  EXPECT_EQ(format_timestamp(*i.launch_time), "2026-11-25T10:00:00+00:00");
  EXPECT_EQ(format_timestamp(*i.block_device_mappings->at(0).ebs->attach_time),
            "2026-11-25T10:00:01.250000+00:00");
  const InstanceNetworkInterface& eni = i.network_interfaces->at(0);
  EXPECT_EQ(eni.attachment->device_index, 0);
  EXPECT_EQ(eni.association->public_ip, "34.253.223.13");
  EXPECT_EQ(eni.private_ip_addresses->at(0).primary, true);
  EXPECT_EQ(eni.ipv6_addresses->at(0).ipv6_address, "2600:1f16:409:6700::1");
  EXPECT_EQ(i.metadata_options->http_put_response_hop_limit, 2);
  EXPECT_EQ(i.private_dns_name_options->enable_resource_name_dns_aaaa_record, false);
  ASSERT_TRUE(i.tags);
  EXPECT_EQ(i.tags->at(0), (Tag{"Name", "web-1"}));
}

TEST(InstanceTest, EmptySetsArePresentAndAbsentOnesOmitted) {
  auto reservations = load_reservations("describe_instances.xml");
  ASSERT_EQ(reservations.size(), 2u);
  const Instance& i = reservations[1].instances->front();
  ASSERT_TRUE(i.product_codes.has_value());
  EXPECT_TRUE(i.product_codes->empty());
  EXPECT_FALSE(i.licenses.has_value());
  EXPECT_FALSE(i.vpc_id.has_value());
  EXPECT_FALSE(reservations[1].requester_id.has_value());
  json j = to_json(i);
  EXPECT_EQ(j["ProductCodes"], json::array());
  EXPECT_EQ(j["NetworkInterfaces"], json::array());
  EXPECT_EQ(j["PrivateDnsName"], "");
  EXPECT_FALSE(j.contains("Licenses"));
  EXPECT_FALSE(j.contains("VpcId"));
  EXPECT_FALSE(j.contains("KeyName"));
  EXPECT_EQ(to_json(reservations[1])["Groups"], json::array());
}

TEST(InstanceTest, UnicodeTagsSurvive) {
  auto reservations = load_reservations("describe_instances.xml");
  ASSERT_EQ(reservations.size(), 2u);
  const Instance& i = reservations[1].instances->front();
  ASSERT_TRUE(i.tags && i.tags->size() == 2);
  EXPECT_EQ(i.tags->at(0).value, "Größe — サーバー 🚀");
  EXPECT_EQ(i.tags->at(1), (Tag{"empty", ""}));
  EXPECT_EQ(to_json(i)["Tags"][0]["Value"], "Größe — サーバー 🚀");
}

TEST(InstanceTest, TextThatIsNotUtf8IsAParseError) {
  // Found by fuzz/xml_fuzz: such text used to reach to_json and make dump() throw.
  const std::string bad[] = {"\xad", "a\xc3", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x9c"};
  for (const std::string& text : bad) {
    for (const std::string& xml : {"<item><keyName>" + text + "</keyName></item>",
                                   "<item><tagSet><item><key>k</key><value>" + text + "</value></item></tagSet></item>"}) {
      auto doc = parse_xml_document(xml);
      ASSERT_TRUE(doc.ok()) << xml;
      Instance instance;
      Status status = from_xml(doc.value()->document_element(), instance);
      ASSERT_FALSE(status.ok()) << xml;
      EXPECT_EQ(status.error().category, ErrorCategory::Parse);
      EXPECT_NE(status.error().message.find("not valid UTF-8"), std::string::npos) << status.error().message;
    }
  }
  auto doc = parse_xml_document("<item><keyName>\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x9a\x80 \xf4\x8f\xbf\xbf</keyName></item>");
  ASSERT_TRUE(doc.ok());
  Instance instance;
  ASSERT_TRUE(from_xml(doc.value()->document_element(), instance).ok());
  EXPECT_EQ(instance.key_name, "\xc3\xa9 \xe2\x9c\x93 \xf0\x9f\x9a\x80 \xf4\x8f\xbf\xbf");
  EXPECT_NO_THROW((void)to_json(instance).dump());
}

TEST(InstanceTest, MalformedNumberNamesTheElement) {
  auto doc = parse_xml_document(
      "<R><item><instanceId>i-1</instanceId><instanceState><code>x16</code></instanceState>"
      "</item></R>");
  ASSERT_TRUE(doc.ok());
  Instance instance;
  Status status = from_xml(doc.value()->document_element().child("item"), instance);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().category, ErrorCategory::Parse);
  EXPECT_NE(status.error().message.find("R/item/instanceState/code"), std::string::npos)
      << status.error().message;
  EXPECT_NE(status.error().message.find("x16"), std::string::npos);
}

TEST(InstanceTest, MalformedBooleanAndTimestampAreErrors) {
  for (const char* xml : {"<item><ebsOptimized>yes</ebsOptimized></item>",
                          "<item><launchTime>yesterday</launchTime></item>"}) {
    auto doc = parse_xml_document(xml);
    ASSERT_TRUE(doc.ok());
    Instance instance;
    Status status = from_xml(doc.value()->document_element(), instance);
    ASSERT_FALSE(status.ok()) << xml;
    EXPECT_EQ(status.error().category, ErrorCategory::Parse);
  }
}

TEST(InstanceTest, UnknownAndMissingElementsAreTolerated) {
  auto doc = parse_xml_document("<item><futureField>1</futureField><!-- c --></item>");
  ASSERT_TRUE(doc.ok());
  Instance instance;
  ASSERT_TRUE(from_xml(doc.value()->document_element(), instance).ok());
  EXPECT_EQ(to_json(instance), json::object());
}

TEST(InstanceTest, StateChangeJson) {
  auto doc = parse_xml_document(
      "<item><instanceId>i-1</instanceId><currentState><code>32</code><name>shutting-down</name>"
      "</currentState><previousState><code>16</code><name>running</name></previousState></item>");
  ASSERT_TRUE(doc.ok());
  InstanceStateChange change;
  ASSERT_TRUE(from_xml(doc.value()->document_element(), change).ok());
  EXPECT_EQ(to_json(change), json::parse(R"({"InstanceId":"i-1",
      "CurrentState":{"Code":32,"Name":"shutting-down"},
      "PreviousState":{"Code":16,"Name":"running"}})"));
}

TEST(InstanceTest, VisitWalksWhatToOrderedJsonRenders) {
  for (const Reservation& reservation : load_reservations("describe_instances.xml")) {
    for (const Instance& instance : *reservation.instances) {
      JsonBuilder all;
      visit(instance, all);
      EXPECT_EQ(all.result, to_ordered_json(instance));
      EXPECT_EQ(all.result.dump(), to_ordered_json(instance).dump());  // same member order too

      JsonBuilder without_tags([](std::string_view name) { return name != "Tags"; });
      visit(instance, without_tags);
      auto kept = to_ordered_json(instance, [](std::string_view name) { return name != "Tags"; });
      EXPECT_FALSE(kept.contains("Tags"));
      EXPECT_EQ(without_tags.result.dump(), kept.dump());
    }
  }
}

std::vector<pugi::xml_node> instance_items(const pugi::xml_document& doc) {
  std::vector<pugi::xml_node> items;
  for (pugi::xml_node reservation : doc.document_element().child("reservationSet").children("item")) {
    for (pugi::xml_node item : reservation.child("instancesSet").children("item")) items.push_back(item);
  }
  return items;
}

/// visit_xml(item) must give exactly the events visit(from_xml(item)) gives.
void expect_same_visit(pugi::xml_node item) {
  Instance instance;
  Status parsed = from_xml(item, instance);
  ASSERT_TRUE(parsed.ok()) << to_string(parsed.error());
  JsonBuilder typed, direct;
  visit(instance, typed);
  Status visited = visit_xml(item, direct);
  ASSERT_TRUE(visited.ok()) << to_string(visited.error());
  EXPECT_EQ(direct.result.dump(), typed.result.dump());
  auto no_tags = [](std::string_view name) { return name != "Tags" && name != "Placement"; };
  auto kept = to_ordered_json_from_xml(item, no_tags);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->dump(), to_ordered_json(instance, no_tags).dump());
}

TEST(InstanceTest, VisitXmlGivesTheEventsOfTheParsedInstance) {
  auto doc = parse_xml_document(testing::read_fixture("describe_instances.xml"));
  ASSERT_TRUE(doc.ok());
  std::vector<pugi::xml_node> items = instance_items(**doc);
  ASSERT_FALSE(items.empty());
  for (pugi::xml_node item : items) expect_same_visit(item);
}

TEST(InstanceTest, VisitXmlTakesTheLastOfRepeatedElementsAndKeepsEmptyOnes) {
  auto doc = parse_xml_document(R"(<DescribeInstancesResponse><reservationSet><item><instancesSet><item>
      <instanceId>i-1</instanceId><instanceId>i-2</instanceId>
      <tagSet><item><key>a</key></item><item><value>only value</value></item></tagSet>
      <tagSet><item><key>b</key><value>2</value></item><item><key>c</key><value></value></item></tagSet>
      <groupSet/><placement><availabilityZone>eu-west-1a</availabilityZone><tenancy/></placement>
      <placement><availabilityZone>eu-west-1b</availabilityZone></placement>
      <launchTime>2024-02-03T04:05:06.789Z</launchTime><ebsOptimized>false</ebsOptimized>
      <amiLaunchIndex> 3 </amiLaunchIndex><unknownElement>x</unknownElement>
      <networkInterfaceSet><item><privateIpAddressesSet><item><primary>true</primary></item></privateIpAddressesSet>
      </item></networkInterfaceSet></item></instancesSet></item></reservationSet></DescribeInstancesResponse>)");
  ASSERT_TRUE(doc.ok());
  std::vector<pugi::xml_node> items = instance_items(**doc);
  ASSERT_EQ(items.size(), 1u);
  expect_same_visit(items[0]);
  auto all = to_ordered_json_from_xml(items[0], [](std::string_view) { return true; });
  ASSERT_TRUE(all.ok());
  EXPECT_EQ((*all)["InstanceId"], "i-2");
  EXPECT_EQ((*all)["Placement"].dump(), R"({"AvailabilityZone":"eu-west-1b"})");
  EXPECT_EQ((*all)["SecurityGroups"], nlohmann::ordered_json::array());
  EXPECT_EQ((*all)["Tags"].size(), 2u);
}

TEST(InstanceTest, VisitXmlFailsAsFromXmlDoes) {
  const char* bad_values[] = {
      "<amiLaunchIndex>three</amiLaunchIndex>",
      "<ebsOptimized>yes</ebsOptimized>",
      "<launchTime>yesterday</launchTime>",
      "<tagSet><item><key>k</key><value>\xC0\xAF</value></item></tagSet>",
      "<placement><availabilityZone>\xED\xA0\x80</availabilityZone></placement>",
      "<networkInterfaceSet><item><attachment><deviceIndex>-x</deviceIndex></attachment></item></networkInterfaceSet>",
  };
  for (const std::string bad : bad_values) {
    auto doc = parse_xml_document("<DescribeInstancesResponse><reservationSet><item><instancesSet><item>"
                                  "<instanceId>i-1</instanceId>" + bad +
                                  "</item></instancesSet></item></reservationSet></DescribeInstancesResponse>");
    ASSERT_TRUE(doc.ok()) << bad;
    pugi::xml_node item = instance_items(**doc).at(0);
    Instance instance;
    Status parsed = from_xml(item, instance);
    JsonBuilder builder;
    Status visited = visit_xml(item, builder);
    ASSERT_FALSE(parsed.ok()) << bad;
    ASSERT_FALSE(visited.ok()) << bad;
    EXPECT_EQ(to_string(visited.error()), to_string(parsed.error())) << bad;
  }
}

/// Builds JSON from the events of a walk in MemberOrder::SnakeCase, and checks that every
/// object's members come in strictly increasing snake_case order.
class SnakeCaseRecorder final : public ModelVisitor {
 public:
  MemberOrder member_order() const override { return MemberOrder::SnakeCase; }
  void begin_object() override {
    last_.emplace_back();
    json_.begin_object();
  }
  bool member(const char* name) override {
    std::string snake = camel_to_snake(name);
    EXPECT_LT(last_.back(), snake) << "after " << last_.back();
    last_.back() = snake;
    return json_.member(name);
  }
  void end_object() override {
    last_.pop_back();
    json_.end_object();
  }
  void begin_array() override { json_.begin_array(); }
  void end_array() override { json_.end_array(); }
  void string(std::string_view text) override { json_.string(text); }
  void integer(int64_t number) override { json_.integer(number); }
  void boolean(bool flag) override { json_.boolean(flag); }
  void timestamp(Timestamp time) override { json_.timestamp(time); }

  /// What was visited, keys snake_cased.
  json snake_json() const { return json::parse(snake_case_keys(json_.result).dump()); }

 private:
  JsonBuilder json_;
  std::vector<std::string> last_;
};

TEST(InstanceTest, SnakeCaseOrderVisitsTheSameMembersSorted) {
  auto doc = parse_xml_document(testing::read_fixture("describe_instances.xml"));
  ASSERT_TRUE(doc.ok());
  for (pugi::xml_node item : instance_items(**doc)) {
    Instance instance;
    ASSERT_TRUE(from_xml(item, instance).ok());
    SnakeCaseRecorder from_xml_walk, typed_walk;
    ASSERT_TRUE(visit_xml(item, from_xml_walk).ok());
    visit(instance, typed_walk);
    // Botocore order, keys snake_cased: of equal snake_case keys the last one wins, as it must
    // in the sorted walk.
    json expected = json::parse(snake_case_keys(to_ordered_json(instance)).dump());
    EXPECT_EQ(from_xml_walk.snake_json(), expected);
    EXPECT_EQ(typed_walk.snake_json(), expected);
  }
}

TEST(InstanceTest, SnakeOrderKeepsTheLastGivenOfEqualNames) {
  model::SnakeOrder order = model::make_snake_order({"Bb", "AA", nullptr, "Aa", "C"});
  EXPECT_EQ(order.fields, (std::vector<int>{1, 3, 0, 4}));  // "aa" (AA, Aa), "bb", "c"
  EXPECT_EQ(order.runs, (std::vector<size_t>{0, 2, 3, 4}));
  model::SnakeOrder same = model::make_snake_order({"Id", "ID", "Name", "id"});
  EXPECT_EQ(same.fields, (std::vector<int>{0, 1, 3, 2}));
  EXPECT_EQ(same.runs, (std::vector<size_t>{0, 3, 4}));
  std::vector<int> visited;
  auto given = [](int field) { return field != 3; };  // "id" absent: "ID" is the last one given
  model::visit_in_snake_order(same, given, [&](int field) {
    visited.push_back(field);
    return true;
  });
  EXPECT_EQ(visited, (std::vector<int>{1, 2}));
}

}  // namespace
}  // namespace ec2
