#include "registry.h"

#include <gtest/gtest.h>

#include "api_error.h"
#include "dispatcher.h"

namespace ec2::emu {
namespace {

ActionRegistry test_registry() {
  ActionRegistry r;
  r.on("DescribeWidgets", [](Call& call, XmlWriter& xml) -> Status {
     xml.leaf("region", call.region);
     return {};
   }).on("CreateWidget", [](Call& call, XmlWriter& xml) -> Status {
     EC2_TRY(call.params.required("Name"));
     EC2_TRY(call.check_dry_run());
     xml.leaf("return", "true");
     return {};
   });
  return r;
}

HttpCall post(std::string body) {
  HttpCall http;
  http.body = std::move(body);
  return http;
}

TEST(Dispatcher, AnswersWithResponseRootAndRequestId) {
  World world(1);
  ActionRegistry registry = test_registry();
  Dispatcher dispatcher(world, registry, "eu-west-1");
  HttpReply reply = dispatcher.handle(post("Action=DescribeWidgets&Version=2016-11-15"));
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("<DescribeWidgetsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                            "<requestId>"),
            std::string::npos);
  EXPECT_NE(reply.body.find("<region>eu-west-1</region>"), std::string::npos);
}

TEST(Dispatcher, UnknownActionIsInvalidActionXml) {
  World world(1);
  ActionRegistry registry = test_registry();
  Dispatcher dispatcher(world, registry);
  HttpReply reply = dispatcher.handle(post("Action=Frobnicate&Version=2016-11-15"));
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("<Code>InvalidAction</Code>"), std::string::npos);
  EXPECT_NE(reply.body.find("<RequestID>"), std::string::npos);
}

TEST(Dispatcher, DryRunAndMissingParameter) {
  World world(1);
  ActionRegistry registry = test_registry();
  Dispatcher dispatcher(world, registry);
  HttpReply dry = dispatcher.handle(post("Action=CreateWidget&Version=2016-11-15&Name=a&DryRun=true"));
  EXPECT_EQ(dry.status, 412);
  EXPECT_NE(dry.body.find("DryRunOperation"), std::string::npos);
  HttpReply missing = dispatcher.handle(post("Action=CreateWidget&Version=2016-11-15"));
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body.find("The request must contain the parameter Name"), std::string::npos);
}

TEST(Dispatcher, RegionFromCredentialScopeThenHost) {
  World world(1);
  ActionRegistry registry = test_registry();
  Dispatcher dispatcher(world, registry);
  HttpCall http = post("Action=DescribeWidgets&Version=2016-11-15");
  http.headers = {{"Host", "ec2.ap-south-1.amazonaws.com"}};
  EXPECT_NE(dispatcher.handle(http).body.find("<region>ap-south-1</region>"), std::string::npos);
  http.headers.push_back({"Authorization",
                          "AWS4-HMAC-SHA256 Credential=AKID/20240101/sa-east-1/ec2/aws4_request, "
                          "SignedHeaders=host, Signature=00"});
  EXPECT_NE(dispatcher.handle(http).body.find("<region>sa-east-1</region>"), std::string::npos);
}

TEST(Dispatcher, HooksCanRejectBeforeRouting) {
  World world(1);
  ActionRegistry registry = test_registry();
  Dispatcher dispatcher(world, registry);
  dispatcher.add_hook([](Call&, const HttpCall&) -> Status { return api_error(401, "AuthFailure", "no"); });
  HttpReply reply = dispatcher.handle(post("Action=DescribeWidgets&Version=2016-11-15"));
  EXPECT_EQ(reply.status, 401);
  EXPECT_NE(reply.body.find("AuthFailure"), std::string::npos);
}

TEST(Scheduler, CompleteTransitionsRunsChainedEventsButNotExpiries) {
  World world(1);
  ActionRegistry registry;
  std::vector<std::string> seen;
  registry.on_due("step", [&](World& w, RegionState& region, const ScheduledEvent& event) {
    seen.push_back(event.id);
    if (event.id == "a") w.schedule(region.name, "step", "b", w.now() + std::chrono::hours(1));
  });
  world.schedule("us-east-1", "step", "a", world.now() + std::chrono::hours(1));
  world.schedule("us-east-1", "step", "gone", world.now() + std::chrono::hours(1), true);
  EXPECT_EQ(registry.run_due(world, world.now()), 0u);
  EXPECT_EQ(registry.complete_transitions(world), 2u);
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b"}));
  world.clock.advance(std::chrono::hours(2));
  EXPECT_EQ(registry.run_due(world, world.now()), 1u);
  EXPECT_EQ(seen.back(), "gone");
}

TEST(IdGenerator, DeterministicEc2ShapedIds) {
  IdGenerator a(42), b(42);
  std::string id = a.next("i-");
  EXPECT_EQ(id, b.next("i-"));
  EXPECT_EQ(id.size(), 19u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef", 2), std::string::npos);
  std::string uuid = a.uuid();
  EXPECT_EQ(uuid.size(), 36u);
  EXPECT_EQ(uuid[14], '4');
}

}  // namespace
}  // namespace ec2::emu
