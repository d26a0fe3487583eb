// Load on ec2-emulator over HTTP, from a client that signs every request like the AWS tools do.
//
//   emulator_load ENDPOINT_URL rate SECONDS CONNECTIONS
//     sends DescribeAvailabilityZones on CONNECTIONS keep-alive connections for SECONDS and prints
//     {"requests": N, "seconds": S, "requests_per_second": R}
//   emulator_load ENDPOINT_URL describe COUNT
//     sends DescribeInstances (MaxResults=1000) COUNT times on one connection and prints
//     {"seconds": [t1, t2, ...], "bytes": B} (round trips: signing, server, transfer)
//
// Credentials and region come from the usual AWS environment variables and files.
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

using Clock = std::chrono::steady_clock;

/// Sends one signed action; returns the body size, or -1 (with a message on stderr) on failure.
long send(ec2::HttpTransport& transport, const ec2::ResolvedConfig& config, const std::string& endpoint,
          const ec2::QueryParams& params, const char* action) {
  ec2::HttpRequest request;
  request.url = endpoint + "/";
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  request.body = params.encode(action);
  ec2::SigningParams signing{config.credentials, config.region, "ec2", std::chrono::system_clock::now()};
  auto signed_ok = ec2::sign_request(request, signing);
  auto response = signed_ok ? transport.send(request) : ec2::Result<ec2::HttpResponse>(signed_ok.error());
  if (!response || response->status != 200) {
    std::fprintf(stderr, "emulator_load: %s\n",
                 response ? response->body.c_str() : ec2::to_string(response.error()).c_str());
    return -1;
  }
  return static_cast<long>(response->body.size());
}

int rate(const ec2::ResolvedConfig& config, const std::string& endpoint, double seconds, int connections) {
  std::atomic<long> requests{0};
  std::atomic<bool> failed{false};
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < connections; ++c) {
    threads.emplace_back([&] {
      auto transport = ec2::make_curl_transport();
      ec2::QueryParams params;
      while (!failed && Clock::now() < deadline) {
        if (send(*transport, config, endpoint, params, "DescribeAvailabilityZones") < 0) failed = true;
        else ++requests;
      }
    });
  }
  for (auto& t : threads) t.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  if (failed) return 1;
  std::printf("{\"requests\": %ld, \"seconds\": %.3f, \"requests_per_second\": %.0f}\n", requests.load(), elapsed,
              static_cast<double>(requests.load()) / elapsed);
  return 0;
}

int describe(const ec2::ResolvedConfig& config, const std::string& endpoint, int count) {
  auto transport = ec2::make_curl_transport();
  ec2::QueryParams params;
  params.set_int("MaxResults", 1000);
  long bytes = 0;
  std::string times;
  for (int i = 0; i < count; ++i) {
    auto start = Clock::now();
    bytes = send(*transport, config, endpoint, params, "DescribeInstances");
    if (bytes < 0) return 1;
    times += (i ? ", " : "") + std::to_string(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::printf("{\"seconds\": [%s], \"bytes\": %ld}\n", times.c_str(), bytes);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 2 ? argv[2] : "";
  if (!((mode == "rate" && argc == 5) || (mode == "describe" && argc == 4))) {
    std::fprintf(stderr, "usage: emulator_load URL rate SECONDS CONNECTIONS | URL describe COUNT\n");
    return 2;
  }
  std::string endpoint = argv[1];
  ec2::ConfigOverrides overrides;
  overrides.endpoint_url = endpoint;
  auto config = ec2::resolve_config(overrides);
  if (!config) {
    std::fprintf(stderr, "emulator_load: %s\n", ec2::to_string(config.error()).c_str());
    return 1;
  }
  if (mode == "rate") return rate(*config, endpoint, std::stod(argv[3]), std::stoi(argv[4]));
  return describe(*config, endpoint, std::stoi(argv[3]));
}
