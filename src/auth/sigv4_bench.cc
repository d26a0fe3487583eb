// Cost of signing a typical EC2 Query API request (DescribeInstances POST) with SigV4, with the
// signing key cached as in steady use, and of the server-side verification of one.
#include <benchmark/benchmark.h>

#include "ec2/sigv4.h"

namespace {

ec2::SigningParams params() {
  ec2::SigningParams p;
  p.credentials = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "", "bench", {}, {}};
  p.region = "us-east-1";
  p.service = "ec2";
  p.time = std::chrono::system_clock::from_time_t(1709294400);
  return p;
}

ec2::HttpRequest describe_instances() {
  ec2::HttpRequest r;
  r.method = "POST";
  r.url = "https://ec2.us-east-1.amazonaws.com/";
  r.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  r.body =
      "Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=instance-state-name&"
      "Filter.1.Value.1=running&MaxResults=1000";
  return r;
}

void BM_SignDescribeInstances(benchmark::State& state) {
  const ec2::SigningParams p = params();
  const ec2::HttpRequest original = describe_instances();
  ec2::HttpRequest r = original;
  for (auto _ : state) {
    // Re-signing the same request replaces the previous signature headers, as a retry does.
    ec2::Status st = ec2::sign_request(r, p);
    benchmark::DoNotOptimize(st);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SignDescribeInstances);

void BM_SignFreshRequest(benchmark::State& state) {
  const ec2::SigningParams p = params();
  const ec2::HttpRequest original = describe_instances();
  for (auto _ : state) {
    ec2::HttpRequest r = original;
    ec2::Status st = ec2::sign_request(r, p);
    benchmark::DoNotOptimize(st);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SignFreshRequest);

void BM_VerifySignedRequest(benchmark::State& state) {
  ec2::HttpRequest r = describe_instances();
  (void)ec2::sign_request(r, params());
  ec2::sigv4::RequestView view{r.method, "/", "", &r.headers, r.body};
  for (auto _ : state) {
    auto auth = ec2::sigv4::parse_request_authorization(view);
    ec2::Status st = ec2::sigv4::verify_signature(view, *auth, params().credentials.secret_access_key);
    benchmark::DoNotOptimize(st);
  }
}
BENCHMARK(BM_VerifySignedRequest);

}  // namespace

BENCHMARK_MAIN();
