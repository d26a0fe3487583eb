// The baseline for inventory benchmarks: downloads every DescribeInstances page of the given regions
// (all regions in parallel, pages of 1,000) and throws the bodies away, with no XML parsing beyond
// finding <nextToken>. Prints "<pages> pages, <bytes> bytes" on stdout.
//
// Usage: download_pages ENDPOINT_URL REGION[,REGION...]
// Credentials come from the usual AWS environment variables and files.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "ec2/config.h"
#include "ec2/http.h"
#include "ec2/query.h"
#include "ec2/sigv4.h"

namespace {

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(sep, start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string next_token(const std::string& body) {
  const std::string open = "<nextToken>", close = "</nextToken>";
  size_t begin = body.find(open);
  if (begin == std::string::npos) return "";
  begin += open.size();
  size_t end = body.find(close, begin);
  return end == std::string::npos ? "" : body.substr(begin, end - begin);
}

struct Totals {
  std::atomic<long> pages{0};
  std::atomic<long> bytes{0};
  std::atomic<bool> failed{false};
};

void download_region(ec2::HttpTransport& transport, const ec2::ResolvedConfig& config,
                     const std::string& endpoint, const std::string& region, Totals& totals) {
  std::string token;
  do {
    ec2::QueryParams params;
    params.set_int("MaxResults", 1000);
    if (!token.empty()) params.set("NextToken", token);
    ec2::HttpRequest request;
    request.url = endpoint + "/";
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    request.body = params.encode("DescribeInstances");
    ec2::SigningParams signing{config.credentials, region, "ec2", std::chrono::system_clock::now()};
    auto signed_ok = ec2::sign_request(request, signing);
    auto response = signed_ok ? transport.send(request) : ec2::Result<ec2::HttpResponse>(signed_ok.error());
    if (!response || response->status != 200) {
      std::fprintf(stderr, "download_pages: %s: %s\n", region.c_str(),
                   response ? response->body.c_str() : ec2::to_string(response.error()).c_str());
      totals.failed = true;
      return;
    }
    totals.pages++;
    totals.bytes += static_cast<long>(response->body.size());
    token = next_token(response->body);
  } while (!token.empty());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: download_pages ENDPOINT_URL REGION[,REGION...]\n");
    return 2;
  }
  std::string endpoint = argv[1];
  auto regions = split(argv[2], ',');
  ec2::ConfigOverrides overrides;
  overrides.region = regions.empty() ? "us-east-1" : regions.front();
  overrides.endpoint_url = endpoint;
  auto config = ec2::resolve_config(overrides);
  if (!config) {
    std::fprintf(stderr, "download_pages: %s\n", ec2::to_string(config.error()).c_str());
    return 1;
  }
  auto transport = ec2::make_curl_transport();
  Totals totals;
  std::vector<std::thread> threads;
  for (const auto& region : regions) {
    threads.emplace_back([&, region] { download_region(*transport, *config, endpoint, region, totals); });
  }
  for (auto& t : threads) t.join();
  if (totals.failed) return 1;
  std::printf("%ld pages, %ld bytes\n", totals.pages.load(), totals.bytes.load());
  return 0;
}
