// Argument validation with Ansible's rules and messages.
#include <gtest/gtest.h>

#include "module.h"

namespace ec2::ansible {
namespace {

using nlohmann::json;

ArgSpec arg(std::string name, ArgType type = ArgType::Str) {
  ArgSpec spec;
  spec.name = std::move(name);
  spec.type = type;
  return spec;
}

ModuleSpec test_spec() {
  ModuleSpec spec;
  spec.name = "demo";
  ArgSpec name = arg("name");
  ArgSpec cidrs = arg("cidr_block", ArgType::List);
  ArgSpec state = arg("state");
  state.default_value = "present";
  state.choices = {"present", "absent"};
  ArgSpec purge = arg("purge", ArgType::Bool);
  purge.default_value = true;
  ArgSpec tags = arg("tags", ArgType::Dict);
  tags.aliases = {"resource_tags"};
  ArgSpec count = arg("count", ArgType::Int);
  ArgSpec secret = arg("secret");
  secret.no_log = true;
  spec.args = {name, cidrs, state, purge, tags, count, secret};
  spec.mutually_exclusive = {{"name", "count"}};
  spec.required_if = {RequiredIf{"state", "absent", {"name"}, false}};
  return spec;
}

std::string failure(const json& raw) {
  auto result = validate_arguments(test_spec(), raw);
  return result ? "" : result.error().message;
}

TEST(ModuleArgs, DefaultsAliasesAndConversions) {
  auto module = validate_arguments(test_spec(), json{{"resource_tags", {{"a", "1"}}}, {"purge", "no"},
                                                     {"cidr_block", "10.0.0.0/16,10.1.0.0/16"}, {"count", "3"},
                                                     {"_ansible_check_mode", true}, {"_ansible_diff", false}});
  ASSERT_TRUE(module.ok()) << module.error().message;
  EXPECT_EQ(module->str("state"), "present");
  EXPECT_EQ(module->flag("purge"), false);
  EXPECT_EQ(module->dict("tags"), (json{{"a", "1"}}));
  EXPECT_EQ(module->list("cidr_block"), (std::vector<std::string>{"10.0.0.0/16", "10.1.0.0/16"}));
  EXPECT_EQ(module->integer("count"), 3);
  EXPECT_FALSE(module->is_set("name"));
  EXPECT_TRUE(module->check_mode());
  EXPECT_FALSE(module->diff_mode());
}

TEST(ModuleArgs, Choices) {
  EXPECT_EQ(failure({{"state", "foo"}}), "value of state must be one of: present, absent, got: foo");
}

TEST(ModuleArgs, UnsupportedParameters) {
  EXPECT_EQ(failure({{"x", 1}, {"b", 2}}),
            "Unsupported parameters for (demo) module: b, x. Supported parameters include: cidr_block, count, "
            "name, purge, secret, state, tags (resource_tags).");
}

TEST(ModuleArgs, BadBooleanAndInt) {
  EXPECT_EQ(failure({{"purge", "maybe"}}).rfind("argument 'purge' is of type <class 'str'> and we were unable to "
                                                "convert to bool: The value 'maybe' is not a valid boolean.", 0),
            0u);
  EXPECT_EQ(failure({{"count", "many"}}),
            "argument 'count' is of type <class 'str'> and we were unable to convert to int: invalid literal for "
            "int() with base 10: 'many'");
}

TEST(ModuleArgs, PresenceRules) {
  EXPECT_EQ(failure({{"name", "a"}, {"count", 1}}), "parameters are mutually exclusive: name|count");
  EXPECT_EQ(failure({{"state", "absent"}}), "state is absent but all of the following are missing: name");
  ModuleSpec spec = test_spec();
  spec.args[0].required = true;
  spec.required_one_of = {{"tags", "count"}};
  EXPECT_EQ(validate_arguments(spec, json::object()).error().message, "missing required arguments: name");
  EXPECT_EQ(validate_arguments(spec, json{{"name", "n"}}).error().message,
            "one of the following is required: tags, count");
}

TEST(ModuleArgs, AliasAndOptionBothSetWarns) {
  auto module = validate_arguments(test_spec(), json{{"tags", {{"a", "1"}}}, {"resource_tags", {{"b", "2"}}}});
  ASSERT_TRUE(module.ok());
  ASSERT_EQ(module->warnings().size(), 1u);
  EXPECT_EQ(module->dict("tags"), (json{{"a", "1"}}));
}

TEST(ModuleArgs, FailAwsMessage) {
  Error error;
  error.code = "DependencyViolation";
  error.message = "has dependencies";
  error.http_status = 400;
  ModuleExit exit = fail_aws(error, "Failed to delete VPC vpc-1");
  EXPECT_TRUE(exit.failed);
  EXPECT_EQ(exit.result["msg"], "Failed to delete VPC vpc-1: DependencyViolation: has dependencies");
  EXPECT_EQ(exit.result["error"]["code"], "DependencyViolation");
}

}  // namespace
}  // namespace ec2::ansible
