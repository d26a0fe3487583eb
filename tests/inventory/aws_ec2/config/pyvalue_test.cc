// Python str()/repr()/truth/equality and literal_eval as Ansible's templating relies on them.

#include <gtest/gtest.h>

#include "config/pyvalue.h"

namespace ec2::inventory::aws_ec2 {
namespace {

TEST(PyValueTest, StrAndRepr) {
  EXPECT_EQ(py::str(Json(nullptr)), "None");
  EXPECT_EQ(py::str(Json(true)), "True");
  EXPECT_EQ(py::str(Json(1.0)), "1.0");
  EXPECT_EQ(py::str(Json(-7)), "-7");
  EXPECT_EQ(py::repr(Json("it's")), "\"it's\"");
  EXPECT_EQ(py::repr(Json("a'\"b")), "'a\\'\"b'");
  EXPECT_EQ(py::repr(Json("tab\there\x01")), "'tab\\there\\x01'");
  EXPECT_EQ(py::repr(Json("çà\u00a0")), "'çà\\xa0'");
  EXPECT_EQ(py::str(Json::parse(R"({"b": [1, "x", null], "a": {}})")), "{'b': [1, 'x', None], 'a': {}}");
}

TEST(PyValueTest, TruthAndEquality) {
  EXPECT_FALSE(py::truthy(Json("")));
  EXPECT_FALSE(py::truthy(Json(0)));
  EXPECT_FALSE(py::truthy(Json::array()));
  EXPECT_TRUE(py::truthy(Json(" ")));
  EXPECT_TRUE(py::equal(Json(1), Json(true)));
  EXPECT_TRUE(py::equal(Json(2), Json(2.0)));
  EXPECT_FALSE(py::equal(Json("1"), Json(1)));
  EXPECT_TRUE(py::less(Json("a"), Json("b")).value());
  EXPECT_FALSE(py::less(Json("a"), Json(1)).has_value());
}

TEST(PyValueTest, LiteralEval) {
  EXPECT_EQ(py::literal_eval("[1, 'a', None, True, 2.5]").value(), Json::parse(R"([1, "a", null, true, 2.5])"));
  EXPECT_EQ(py::literal_eval("{'k': (1, 2), 'j': false}").value(), Json::parse(R"({"k": [1, 2], "j": false})"));
  EXPECT_EQ(py::literal_eval("['\\xe7\\n', \"q'\"]").value(), Json::parse(R"(["ç\n", "q'"])"));
  EXPECT_EQ(py::literal_eval("True").value(), true);
  EXPECT_FALSE(py::literal_eval("[brackets]"));
  EXPECT_FALSE(py::literal_eval("{'a': 1"));
  EXPECT_FALSE(py::literal_eval("[1] + [2]"));
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
