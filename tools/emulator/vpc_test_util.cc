#include "vpc_test_util.h"

#include <gtest/gtest.h>

namespace ec2::emu::testing {

std::string Emu::ok(std::string_view action, std::string_view query, std::string_view region) {
  HttpReply reply = send(action, query, region);
  EXPECT_EQ(reply.status, 200) << action << " " << query << ": " << reply.body;
  return reply.status == 200 ? reply.body : std::string();
}

std::vector<std::string> Emu::all(std::string_view xml, std::string_view element) {
  std::vector<std::string> out;
  std::string open = "<" + std::string(element) + ">";
  std::string close = "</" + std::string(element) + ">";
  for (size_t at = xml.find(open); at != std::string_view::npos; at = xml.find(open, at + 1)) {
    size_t start = at + open.size();
    size_t end = xml.find(close, start);
    if (end == std::string_view::npos) break;
    out.emplace_back(xml.substr(start, end - start));
  }
  return out;
}

std::string Emu::first(std::string_view xml, std::string_view element) {
  std::vector<std::string> values = all(xml, element);
  return values.empty() ? std::string() : values.front();
}

}  // namespace ec2::emu::testing
