#include "ec2/model/xml.h"

#include <gtest/gtest.h>

#include "ec2/model/timestamp.h"

namespace ec2 {
namespace {

TEST(XmlTest, MalformedDocumentIsParseErrorNamingTheElement) {
  auto doc = parse_xml_document("<DescribeVpcsResponse><vpcSet><item><vpcId>vpc-1</vpcSet>");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().category, ErrorCategory::Parse);
  EXPECT_EQ(doc.error().code, "MalformedXml");
  EXPECT_NE(doc.error().message.find("vpc"), std::string::npos) << doc.error().message;
}

TEST(XmlTest, EmptyAndTextOnlyBodiesAreErrors) {
  EXPECT_FALSE(parse_xml_document("").ok());
  EXPECT_FALSE(parse_xml_document("   ").ok());
  EXPECT_FALSE(parse_xml_document("not xml").ok());
}

TEST(XmlTest, RequestIdAndEntities) {
  auto doc = parse_xml_document(
      "<?xml version=\"1.0\"?><X><requestId>abc</requestId><v>a&amp;b<![CDATA[<c>]]></v></X>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(request_id_of(*doc.value()), "abc");
  EXPECT_STREQ(doc.value()->document_element().child("v").child_value(), "a&b");
}

TEST(TimestampTest, ParsesEc2FormsAndPrintsLikeIsoformat) {
  auto t = parse_timestamp("2026-11-25T10:00:00.000Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_timestamp(*t), "2026-11-25T10:00:00+00:00");
  EXPECT_EQ(format_timestamp_xml(*t), "2026-11-25T10:00:00.000Z");
  EXPECT_EQ(parse_timestamp("2026-11-25T10:00:00Z"), t);
  EXPECT_EQ(parse_timestamp("2026-11-25T12:00:00+02:00"), t);
  EXPECT_EQ(parse_timestamp("2026-11-25T10:00:00"), t);
  EXPECT_EQ(format_timestamp(*parse_timestamp("2026-02-28T23:59:59.5Z")),
            "2026-02-28T23:59:59.500000+00:00");
}

TEST(TimestampTest, PrintsYearsOutsideFourDigitsAsPrintfPadsThem) {
  // A zone offset can carry a parsed time past year 0 or 9999.
  EXPECT_EQ(format_timestamp(*parse_timestamp("0000-01-01T00:30:00+01:00")), "-001-12-31T23:30:00+00:00");
  EXPECT_EQ(format_timestamp(*parse_timestamp("0000-01-01T01:30:00.042+01:00")), "0000-01-01T00:30:00.042000+00:00");
  EXPECT_EQ(format_timestamp_xml(*parse_timestamp("9999-12-31T23:30:00-01:00")), "10000-01-01T00:30:00.000Z");
  EXPECT_EQ(format_timestamp_xml(*parse_timestamp("2026-01-02T03:04:05.006Z")), "2026-01-02T03:04:05.006Z");
}

TEST(TimestampTest, FormatsIntoABufferAsIntoAString) {
  using std::chrono::milliseconds;
  TimestampText buffer;
  for (Timestamp t : {*parse_timestamp("2026-11-25T10:00:00Z"), *parse_timestamp("2026-02-28T23:59:59.5Z"),
                      *parse_timestamp("0000-01-01T00:30:00+01:00"),
                      Timestamp(std::chrono::sys_days(std::chrono::year::max() / 12 / 31)) + milliseconds(86399999),
                      Timestamp(std::chrono::sys_days(std::chrono::year::min() / 1 / 1)) + milliseconds(1)}) {
    EXPECT_EQ(format_timestamp(t, buffer), format_timestamp(t));
  }
  EXPECT_EQ(format_timestamp(Timestamp(std::chrono::sys_days(std::chrono::year::min() / 1 / 1)) + milliseconds(1), buffer),
            "-32767-01-01T00:00:00.001000+00:00");
}

TEST(TimestampTest, RejectsGarbage) {
  for (const char* text : {"", "2026", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z",
                           "2026-11-25T10:00:00Zjunk", "2026-11-25 10:00", "2026-11-25T10:00:00."}) {
    EXPECT_FALSE(parse_timestamp(text)) << text;
  }
}

}  // namespace
}  // namespace ec2
