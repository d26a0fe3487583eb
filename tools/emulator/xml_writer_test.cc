#include "xml_writer.h"

#include <gtest/gtest.h>

namespace ec2::emu {
namespace {

TEST(XmlWriter, WritesNestedElementsWithNamespaceRoot) {
  XmlWriter xml;
  xml.open_root("DescribeThingsResponse").leaf("requestId", "r-1");
  xml.open("thingSet").open("item").leaf("id", "t-1").leaf("count", 3).leaf_bool("ok", true).close().close();
  EXPECT_EQ(xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<DescribeThingsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
            "<requestId>r-1</requestId><thingSet><item><id>t-1</id><count>3</count><ok>true</ok>"
            "</item></thingSet></DescribeThingsResponse>");
}

TEST(XmlWriter, EscapesTextAndReplacesControlCharacters) {
  std::string out;
  append_escaped(out, "a<b>&\"c'\x01 é");
  EXPECT_EQ(out, "a&lt;b&gt;&amp;&quot;c&apos;&#xFFFD; é");
}

TEST(XmlWriter, LeafKeepsTabsAndLineBreaksAndEscapesWhereverTheSpecialIs) {
  XmlWriter xml;
  xml.leaf("a", "x\ty\nz\r").leaf("b", "plain then &").leaf("c", "\x7f\x1f").leaf("d", "");
  EXPECT_EQ(xml.finish(), "<a>x\ty\nz\r</a><b>plain then &amp;</b><c>\x7f&#xFFFD;</c><d></d>");
}

TEST(XmlWriter, LeafIfSkipsEmptyAndEmptyWritesSelfClosing) {
  XmlWriter xml;
  xml.open("a").leaf_if("skip", "").leaf_if("keep", "x").empty("tagSet");
  EXPECT_EQ(xml.finish(), "<a><keep>x</keep><tagSet/></a>");
}

TEST(XmlWriter, ErrorDocumentHasEc2Shape) {
  EXPECT_EQ(error_document("InvalidAction", "bad <x>", "req-1"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>InvalidAction</Code>"
            "<Message>bad &lt;x&gt;</Message></Error></Errors><RequestID>req-1</RequestID></Response>");
}

TEST(XmlWriter, ScopedElementClosesOnExit) {
  XmlWriter xml;
  {
    XmlElement outer(xml, "outer");
    XmlElement inner(xml, "inner");
    EXPECT_EQ(xml.depth(), 2u);
  }
  EXPECT_EQ(xml.finish(), "<outer><inner></inner></outer>");
}

}  // namespace
}  // namespace ec2::emu
