// Server-side cost of the emulator: DescribeInstances over 1,000 instances (the goal is <= 20 ms)
// and a small action, measured through Emulator::handle (no sockets).
#include <benchmark/benchmark.h>

#include "emulator.h"

namespace ec2::emu {
namespace {

EmulatorOptions bench_options(size_t instances) {
  EmulatorOptions options;
  options.authenticate = false;
  options.seeding.instances = instances;
  options.seeding.regions = {"us-east-1"};
  return options;
}

HttpCall post(std::string body) {
  HttpCall http;
  http.body = std::move(body);
  return http;
}

void BM_DescribeInstances1000(benchmark::State& state) {
  Emulator emulator(bench_options(1000));
  if (!emulator.start()) state.SkipWithError("start failed");
  HttpCall call = post("Action=DescribeInstances&Version=2016-11-15");
  size_t bytes = 0;
  for (auto _ : state) {
    HttpReply reply = emulator.handle(call);
    bytes += reply.body.size();
    benchmark::DoNotOptimize(reply.body.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["instances"] = 1000;
}
BENCHMARK(BM_DescribeInstances1000)->Unit(benchmark::kMillisecond);

void BM_DescribeInstancesFilteredFrom100k(benchmark::State& state) {
  Emulator emulator(bench_options(100000));
  if (!emulator.start()) state.SkipWithError("start failed");
  HttpCall call = post("Action=DescribeInstances&Version=2016-11-15&MaxResults=1000"
                       "&Filter.1.Name=instance-state-name&Filter.1.Value.1=running"
                       "&Filter.2.Name=tag:env&Filter.2.Value.1=prod");
  for (auto _ : state) benchmark::DoNotOptimize(emulator.handle(call).body.data());
}
BENCHMARK(BM_DescribeInstancesFilteredFrom100k)->Unit(benchmark::kMillisecond);

void BM_SmallAction(benchmark::State& state) {
  Emulator emulator(bench_options(0));
  if (!emulator.start()) state.SkipWithError("start failed");
  HttpCall call = post("Action=DescribeAvailabilityZones&Version=2016-11-15");
  for (auto _ : state) benchmark::DoNotOptimize(emulator.handle(call).body.data());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SmallAction);

void BM_Seed100k(benchmark::State& state) {
  for (auto _ : state) {
    Emulator emulator(bench_options(100000));
    benchmark::DoNotOptimize(emulator.start().ok());
  }
}
BENCHMARK(BM_Seed100k)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace ec2::emu

BENCHMARK_MAIN();
