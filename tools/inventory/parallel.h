#pragma once
/// A bounded pool for the inventory's fan-outs (streams of a fetch, roles of many accounts).

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace ec2::inventory {

/// Runs `run(i)` for every i < count on at most `parallel` threads (the caller's among them);
/// `run` must be safe to call concurrently.
template <class F>
void run_parallel(size_t count, int parallel, F&& run) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) run(i);
  };
  size_t threads = std::min<size_t>(count, static_cast<size_t>(std::max(parallel, 1)));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
}

}  // namespace ec2::inventory
