// host_variables from --list text: the host's entry of _meta.hostvars, read without the rest.

#include "output/host_lookup.h"

#include <gtest/gtest.h>

#include <sstream>

namespace ec2::inventory::aws_ec2 {
namespace {

using nlohmann::json;

Result<json> lookup(const std::string& text, const std::string& host) {
  std::istringstream in(text);
  return host_variables(in, host);
}

const char* const kList = R"({
    "_meta": {
        "hostvars": {
            "a": {"n": -3, "u": 18446744073709551615, "f": 1.5, "t": true, "z": null, "s": "é \"q\"",
                  "list": [1, [2, {"k": "v"}], {}], "obj": {"hostvars": {"b": 1}}},
            "b": {"x": 1},
            "c": {}
        },
        "other": {"a": {"wrong": true}}
    },
    "aws_ec2": {"hosts": ["a", "b", "c"]},
    "decoy": {"hostvars": {"d": {"wrong": true}}}
})";

TEST(HostLookupTest, FindsTheHostsVariablesAsParsingTheWholeTextWould) {
  json whole = json::parse(kList);
  for (const std::string host : {"a", "b", "c"}) {
    auto vars = lookup(kList, host);
    ASSERT_TRUE(vars) << to_string(vars.error());
    EXPECT_EQ(*vars, whole["_meta"]["hostvars"][host]) << host;
  }
}

TEST(HostLookupTest, KeysOutsideThePathAreNotFollowed) {
  for (const std::string host : {"d", "hostvars", "_meta", "obj", "nope"}) {
    auto vars = lookup(kList, host);
    ASSERT_TRUE(vars) << to_string(vars.error());
    EXPECT_EQ(*vars, json::object()) << host;
  }
  auto empty = lookup(R"({"_meta": {"hostvars": {}}, "x": {"_meta": {"hostvars": {"a": {"wrong": 1}}}}})", "a");
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, json::object());
}

TEST(HostLookupTest, ReadingStopsOnceTheHostIsComplete) {
  auto vars = lookup(R"({"_meta": {"hostvars": {"a": {"x": [1]}, "b": )" "not json at all", "a");
  ASSERT_TRUE(vars) << to_string(vars.error());
  EXPECT_EQ(*vars, json::parse(R"({"x": [1]})"));
}

TEST(HostLookupTest, TextThatIsNotJsonIsAnErrorNamingWhere) {
  auto broken = lookup(R"({"_meta": {"hostvars": {"b": {"x": 1}, "a": )", "a");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, "MalformedInventory");
  EXPECT_NE(broken.error().message.find("at byte "), std::string::npos) << broken.error().message;
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
