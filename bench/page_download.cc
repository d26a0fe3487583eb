#include "page_download.h"

#include <chrono>
#include <mutex>
#include <thread>

#include "ec2/config.h"
#include "ec2/http.h"
#include "ec2/query.h"
#include "ec2/sigv4.h"

namespace ec2::bench {
namespace {

std::string next_token(const std::string& body) {
  const std::string open = "<nextToken>", close = "</nextToken>";
  size_t begin = body.find(open);
  if (begin == std::string::npos) return "";
  begin += open.size();
  size_t end = body.find(close, begin);
  return end == std::string::npos ? "" : body.substr(begin, end - begin);
}

/// Every page of one region; "" or what went wrong.
std::string download_region(HttpTransport& transport, const ResolvedConfig& config, const std::string& endpoint,
                            const std::string& region, const PageSink& sink) {
  std::string token;
  do {
    QueryParams params;
    params.set_int("MaxResults", 1000);
    if (!token.empty()) params.set("NextToken", token);
    HttpRequest request;
    request.url = endpoint + "/";
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    request.body = params.encode("DescribeInstances");
    SigningParams signing{config.credentials, region, "ec2", std::chrono::system_clock::now()};
    auto signed_ok = sign_request(request, signing);
    auto response = signed_ok ? transport.send(request) : Result<HttpResponse>(signed_ok.error());
    if (!response) return region + ": " + to_string(response.error());
    if (response->status != 200) return region + ": " + response->body;
    token = next_token(response->body);
    sink(region, std::move(response->body));
  } while (!token.empty());
  return "";
}

}  // namespace

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

std::string download_pages(const std::string& endpoint, const std::vector<std::string>& regions,
                           const PageSink& sink) {
  ConfigOverrides overrides;
  overrides.region = regions.empty() ? "us-east-1" : regions.front();
  overrides.endpoint_url = endpoint;
  auto config = resolve_config(overrides);
  if (!config) return to_string(config.error());
  auto transport = make_curl_transport();
  std::mutex mutex;
  std::string failure;
  std::vector<std::thread> threads;
  for (const auto& region : regions) {
    threads.emplace_back([&, region] {
      std::string error = download_region(*transport, *config, endpoint, region, sink);
      std::lock_guard lock(mutex);
      if (failure.empty()) failure = error;
    });
  }
  for (auto& t : threads) t.join();
  return failure;
}

}  // namespace ec2::bench
