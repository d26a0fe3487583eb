// The Jinja2 subset: parsing, Python semantics, Ansible's value conversions, clear errors.

#include <gtest/gtest.h>

#include "config/template.h"

namespace ec2::inventory::aws_ec2 {
namespace {

const Json kVars = Json::parse(R"({
  "name": "Web-01", "n": 3, "f": 1.5, "yes": true, "none": null, "empty": "",
  "tags": {"Name": "web", "env": "prod,eu", "Role": "True", "list": "[1, 2]"},
  "sgs": [{"group_id": "sg-1", "group_name": "default"}, {"group_id": "sg-2", "group_name": "web"}],
  "dns": "ip-10-0-0-1.ec2.internal", "uni": "ÄÖÜ ß"
})");

Json value(const std::string& expr) {
  auto e = compile_expression(expr);
  EXPECT_TRUE(e) << to_string(e.error());
  if (!e) return Json("<compile error>");
  auto v = render_value(*e, kVars);
  EXPECT_TRUE(v) << expr << ": " << to_string(v.error());
  return v ? *v : Json("<error>");
}

std::string render_error(const std::string& expr) {
  auto e = compile_expression(expr);
  if (!e) return "compile: " + e.error().message;
  auto v = render_value(*e, kVars);
  return v ? "" : v.error().message;
}

bool condition(const std::string& expr) {
  auto e = compile_expression(expr, StringEscapes::Python);
  EXPECT_TRUE(e) << to_string(e.error());
  auto v = render_condition(*e, kVars);
  EXPECT_TRUE(v) << expr;
  return v && *v;
}

TEST(ExprTest, BareVariablesKeepNumbersAndBools) {
  EXPECT_EQ(value("n"), 3);
  EXPECT_EQ(value(" yes "), true);
  EXPECT_EQ(value("none"), nullptr);
  EXPECT_EQ(value("f"), 1.5);
}

TEST(ExprTest, RenderedValuesBecomeTextUnlessTheyLookLikeLiterals) {
  EXPECT_EQ(value("n + 4"), "7");
  EXPECT_EQ(value("f + 1"), "2.5");
  EXPECT_EQ(value("sgs"), kVars["sgs"]);
  EXPECT_EQ(value("tags.Role"), true);               // "True" goes through literal_eval
  EXPECT_EQ(value("tags.list"), Json::parse("[1, 2]"));
  EXPECT_EQ(value("none | default(none)"), "");  // only bare names keep None
  EXPECT_EQ(value("empty ~ none"), "None");
  EXPECT_EQ(value("[n, 'x', none]"), Json::parse(R"([3, "x", null])"));
  EXPECT_EQ(value("sgs | string"), "[{'group_id': 'sg-1', 'group_name': 'default'}, "
                                   "{'group_id': 'sg-2', 'group_name': 'web'}]");
  EXPECT_EQ(value("'[1]' | string | lower"), Json::parse("[1]"));
}

TEST(ExprTest, PathsAndSubscripts) {
  EXPECT_EQ(value("tags.Name"), "web");
  EXPECT_EQ(value("tags['env']"), "prod,eu");
  EXPECT_EQ(value("sgs[1].group_name"), "web");
  EXPECT_EQ(value("sgs[-1]['group_id']"), "sg-2");
  EXPECT_EQ(value("sgs.0.group_id"), "sg-1");
  EXPECT_EQ(value("name[0]"), "W");
  EXPECT_EQ(value("tags.Missing | default('none')"), "none");
  EXPECT_EQ(value("nosuch.deep.path | d('x')"), "x");
}

TEST(ExprTest, OperatorsFollowPython) {
  EXPECT_TRUE(condition("n == 3 and n != 4"));
  EXPECT_TRUE(condition("n == 3.0"));
  EXPECT_TRUE(condition("1 < n <= 3"));
  EXPECT_FALSE(condition("n > 3 or n >= 4"));
  EXPECT_TRUE(condition("'prod' in tags.env"));
  EXPECT_TRUE(condition("'Name' in tags"));
  EXPECT_TRUE(condition("'web' not in tags.Name | upper"));
  EXPECT_TRUE(condition("not empty"));
  EXPECT_TRUE(condition("(n + 1) == 4"));
  EXPECT_EQ(value("empty or 'fallback'"), "fallback");
  EXPECT_EQ(value("n and name"), "Web-01");
  EXPECT_EQ(value("'a' ~ n ~ yes"), "a3True");
  EXPECT_EQ(value("'a' + 'b' ~ 'c'"), "abc");
  EXPECT_EQ(value("-n + 1"), "-2");
  EXPECT_EQ(value("'v' if yes else 'w'"), "v");
  EXPECT_EQ(value("{'k': n}"), Json::parse(R"({"k": 3})"));
}

TEST(ExprTest, Filters) {
  EXPECT_EQ(value("name | lower"), "web-01");
  EXPECT_EQ(value("uni | lower"), "äöü ß");
  EXPECT_EQ(value("uni | upper"), "ÄÖÜ SS");
  EXPECT_EQ(value("name | replace('-', '_')"), "Web_01");
  EXPECT_EQ(value("'aaa' | replace('a', 'b', 2)"), "bba");
  EXPECT_EQ(value("dns | regex_replace('^ip-(\\d+)-.*$', '\\1')"), "10");
  EXPECT_EQ(value("dns | regex_replace('(?P<p>ip)', 'x\\g<p>')"), "xip-10-0-0-1.ec2.internal");
  EXPECT_EQ(value("name | regex_replace('WEB', 'w', ignorecase=true)"), "w-01");
  EXPECT_EQ(value("uni | regex_replace('\\w', '.')"), "... .");
  EXPECT_EQ(value("['a', 1, none] | join('/')"), "a/1/None");
  EXPECT_EQ(value("'abc' | join('-')"), "a-b-c");
  EXPECT_EQ(value("sgs | length"), "2");
  EXPECT_EQ(value("uni | length"), "5");
  EXPECT_EQ(value("'42' | int + 1"), "43");
  EXPECT_EQ(value("'4.7' | int"), "4");
  EXPECT_EQ(value("'x' | int(7)"), "7");
  EXPECT_EQ(value("sgs | first"), kVars["sgs"][0]);
  EXPECT_EQ(value("sgs | last | string"), "{'group_id': 'sg-2', 'group_name': 'web'}");
  EXPECT_EQ(value("empty | default('d')"), "");
  EXPECT_EQ(value("empty | default('d', true)"), "d");
}

TEST(ExprTest, StringEscapesFollowAnsible) {
  auto literal = compile_expression(R"('a\nb')");
  ASSERT_TRUE(literal);
  EXPECT_EQ(render_value(*literal, kVars).value(), "a\\nb");
  auto python = compile_expression(R"('a\nb')", StringEscapes::Python);
  ASSERT_TRUE(python);
  EXPECT_EQ(render_value(*python, kVars).value(), "a\nb");
}

TEST(ExprTest, UndefinedValuesAreErrors) {
  EXPECT_EQ(render_error("nosuch"), "'nosuch' is undefined");
  EXPECT_EQ(render_error("tags.Missing"), "'dict object' has no attribute 'Missing'");
  EXPECT_EQ(render_error("nosuch | lower"), "'nosuch' is undefined");
  EXPECT_EQ(render_error("n < 'a'"), "'<' not supported between instances of 'int' and 'str'");
  EXPECT_EQ(render_error("n + 'a'"), "unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(render_error("n in 'abc'"), "'in <string>' requires string as left operand, not int");
  auto e = compile_expression("nosuch is defined or tags is mapping");
  ASSERT_TRUE(e);
  EXPECT_TRUE(render_condition(*e, kVars).value());
}

TEST(ExprTest, UnsupportedSyntaxIsACompileErrorWithPosition) {
  EXPECT_EQ(render_error("tags.a)"), "compile: unexpected ')' at column 7 in 'tags.a)'");
  EXPECT_EQ(render_error("sgs | map(attribute='x')"),
            "compile: filter 'map' is not supported at column 7 in 'sgs | map(attribute='x')'");
  EXPECT_EQ(render_error("n * 2"), "compile: operator '*' is not supported at column 3 in 'n * 2'");
  EXPECT_EQ(render_error("name.lower()"),
            "compile: function and method calls are not supported at column 11 in 'name.lower()'");
  EXPECT_EQ(render_error("sgs[0:1]"), "compile: slices are not supported at column 6 in 'sgs[0:1]'");
  EXPECT_EQ(render_error("n is odd"), "compile: test 'odd' is not supported at column 6 in 'n is odd'");
  EXPECT_EQ(render_error("'abc"), "compile: unterminated string at column 1 in ''abc'");
  EXPECT_EQ(render_error("tags.items"), "dict method 'items' is not supported");
  EXPECT_EQ(render_error("name | lower(1)"), "lower() takes at most 0 arguments");
  EXPECT_NE(render_error("name | regex_replace('(')").find("compile: regular expression '('"), std::string::npos);
  EXPECT_NE(render_error("name | regex_replace(tags.Name ~ '(')").find("regular expression 'web('"), std::string::npos);
}

TEST(TemplateTest, TextTemplates) {
  auto plain = compile_text_template("project");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->is_template());
  EXPECT_EQ(render_text(*plain, kVars).value(), "project");
  auto mixed = compile_text_template("env_{{ tags.Name }}_{{ n }}");
  ASSERT_TRUE(mixed);
  EXPECT_EQ(render_text(*mixed, kVars).value(), "env_web_3");
  auto single = compile_text_template("{{ n }}");
  ASSERT_TRUE(single);
  EXPECT_EQ(render_text(*single, kVars).value(), 3);
  EXPECT_FALSE(compile_text_template("{% if x %}a{% endif %}"));
  EXPECT_FALSE(compile_text_template("{{ unterminated"));
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
