#include "python_json.h"

#include <gtest/gtest.h>

namespace ec2::inventory {
namespace {

using nlohmann::json;

TEST(PythonJson, IndentsTwoSpacesAndSortsKeys) {
  json value = {{"b", {1, 2}}, {"a", {{"y", true}, {"x", nullptr}}}, {"c", json::object()},
                {"d", json::array()}};
  EXPECT_EQ(python_json_dumps(value),
            "{\n"
            "  \"a\": {\n"
            "    \"x\": null,\n"
            "    \"y\": true\n"
            "  },\n"
            "  \"b\": [\n"
            "    1,\n"
            "    2\n"
            "  ],\n"
            "  \"c\": {},\n"
            "  \"d\": []\n"
            "}");
}

TEST(PythonJson, EscapesNonAsciiLikeEnsureAscii) {
  // json.dumps("é\u2603😀\x7f\x01\"\\\n\t") in Python.
  EXPECT_EQ(python_json_dumps(json("\xC3\xA9\xE2\x98\x83\xF0\x9F\x98\x80\x7f\x01\"\\\n\t")),
            "\"\\u00e9\\u2603\\ud83d\\ude00\\u007f\\u0001\\\"\\\\\\n\\t\"");
}

TEST(PythonJson, SortsKeysByCodePoint) {
  json value = {{"\xC3\xA9", 1}, {"z", 2}, {"Z", 3}, {"_", 4}};
  EXPECT_EQ(python_json_dumps(value),
            "{\n  \"Z\": 3,\n  \"_\": 4,\n  \"z\": 2,\n  \"\\u00e9\": 1\n}");
}

TEST(PythonJson, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(python_json_dumps(json(std::string("a\xFF" "b"))), "\"a\\ufffdb\"");
}

TEST(PythonJson, ScalarsAtTopLevel) {
  EXPECT_EQ(python_json_dumps(json(16)), "16");
  EXPECT_EQ(python_json_dumps(json(false)), "false");
  EXPECT_EQ(python_json_dumps(json::object()), "{}");
}

}  // namespace
}  // namespace ec2::inventory
