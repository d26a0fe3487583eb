// Parsing a 1,000-instance DescribeInstances response: XML load, struct mapping, and both.
#include <benchmark/benchmark.h>

#include <string>

#include "ec2/model/instance.h"
#include "ec2/model/xml.h"
#include "model/test_util.h"

namespace {

/// The fixture's fully populated <instancesSet><item>, repeated `count` times with distinct ids,
/// 4 instances per reservation, as a DescribeInstances body.
std::string generated_response(int count) {
  std::string fixture = ec2::testing::read_fixture("describe_instances.xml");
  size_t begin = fixture.find("<instancesSet>") + std::string("<instancesSet>").size();
  size_t end = fixture.find("</instancesSet>", begin);
  std::string instance = fixture.substr(begin, end - begin);
  std::string body =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeInstancesResponse "
      "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>bench</requestId>"
      "<reservationSet>";
  for (int i = 0; i < count; ++i) {
    if (i % 4 == 0) {
      if (i > 0) body += "</instancesSet></item>";
      body += "<item><reservationId>r-" + std::to_string(i) +
              "</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>";
    }
    std::string copy = instance;
    size_t id = copy.find("i-1234567890abcdef0");
    copy.replace(id, 19, "i-" + std::to_string(1000000000 + i));
    body += copy;
  }
  body += "</instancesSet></item></reservationSet></DescribeInstancesResponse>";
  return body;
}

/// The reservations of a DescribeInstances document, as the DescribeInstances operation maps them.
ec2::Result<std::vector<ec2::Reservation>> reservations(const pugi::xml_document& doc) {
  std::vector<ec2::Reservation> out;
  for (pugi::xml_node item : doc.document_element().child("reservationSet").children("item")) {
    out.emplace_back();
    ec2::Status status = ec2::from_xml(item, out.back());
    if (!status) return status.error();
  }
  return out;
}

const std::string& body() {
  static const std::string text = generated_response(1000);
  return text;
}

void BM_DescribeInstances1000(benchmark::State& state) {
  for (auto _ : state) {
    auto doc = ec2::parse_xml_document(body());
    auto response = reservations(*doc.value());
    benchmark::DoNotOptimize(response);
    if (!response.ok() || response->size() != 250) state.SkipWithError("bad parse");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(body().size()));
  state.counters["bytes"] = static_cast<double>(body().size());
}
BENCHMARK(BM_DescribeInstances1000)->Unit(benchmark::kMillisecond);

void BM_XmlLoadOnly(benchmark::State& state) {
  for (auto _ : state) {
    auto doc = ec2::parse_xml_document(body());
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(body().size()));
}
BENCHMARK(BM_XmlLoadOnly)->Unit(benchmark::kMillisecond);

void BM_StructMappingOnly(benchmark::State& state) {
  auto doc = ec2::parse_xml_document(body());
  for (auto _ : state) {
    auto response = reservations(*doc.value());
    benchmark::DoNotOptimize(response);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(body().size()));
}
BENCHMARK(BM_StructMappingOnly)->Unit(benchmark::kMillisecond);

void BM_ToJson1000(benchmark::State& state) {
  auto doc = ec2::parse_xml_document(body());
  auto response = reservations(*doc.value());
  for (auto _ : state) {
    nlohmann::json json = nlohmann::json::array();
    for (const ec2::Reservation& r : *response) json.push_back(ec2::to_json(r));
    benchmark::DoNotOptimize(json);
  }
}
BENCHMARK(BM_ToJson1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
