// The sorted writer against nlohmann's own dump of the sorted copy, on values with every JSON
// type, nesting, empty containers, escapes, unicode and invalid UTF-8.
#include "output/sorted_json.h"

#include <gtest/gtest.h>

namespace ec2::inventory::aws_ec2 {
namespace {

std::string reference(const Json& value) {
  return nlohmann::json(value).dump(4, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ours(const Json& value) {
  std::string out;
  append_sorted_json(out, value, 0);
  return out;
}

TEST(SortedJsonTest, MatchesNlohmannsSortedDump) {
  Json value = Json::parse(R"({
    "zeta": [1, -2, 3.5, 1e300, true, false, null, "x", [], {}],
    "Alpha": {"b": {"d": [], "c": {}}, "a": "quote \" backslash \\ tab \t newline \n"},
    "_meta": {"hostvars": {"h-2": {"ü": "ünïcödé ✓", "z": 18446744073709551615}, "h-1": {}}},
    "ctrl": "\u0001\u001f\u007f",
    "": ""
  })");
  value["bad utf-8"] = std::string("a\xff\xfe" "b");
  value[std::string("key \xc3\x28")] = 0;
  EXPECT_EQ(ours(value), reference(value));
}

TEST(SortedJsonTest, StringsNeedingEscapesAreFoundAtEveryPosition) {
  // Plain strings are copied eight bytes at a time: put each kind of byte that needs care at every
  // position of strings around that width.
  const std::string specials[] = {"\"", "\\", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xff", std::string(1, '\0')};
  for (size_t length = 0; length <= 20; ++length) {
    std::string plain(length, 'a');
    std::string out;
    append_json_string(out, plain);
    EXPECT_EQ(out, "\"" + plain + "\"");
    for (size_t at = 0; at < length; ++at) {
      for (const std::string& special : specials) {
        std::string text = plain.substr(0, at) + special + plain.substr(at + 1);
        std::string escaped;
        append_json_string(escaped, text);
        EXPECT_EQ(escaped, nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
            << "length " << length << " at " << at;
      }
    }
  }
}

TEST(SortedJsonTest, ScalarsAndEmptiesAtTopLevel) {
  for (const char* text : {"[]", "{}", "null", "0", "-7", "2.5", "\"s\"", "[[[]]]", "{\"a\":{\"b\":{}}}"}) {
    Json value = Json::parse(text);
    EXPECT_EQ(ours(value), reference(value)) << text;
  }
}

TEST(SortedJsonTest, ObjectFromMembersSortsThem) {
  Json one = 1, two = "two";
  std::string out;
  append_sorted_object(out, {{"b", &two}, {"a", &one}}, 1);
  EXPECT_EQ(out, "{\n        \"a\": 1,\n        \"b\": \"two\"\n    }");
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
