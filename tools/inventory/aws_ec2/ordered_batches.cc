#include "ordered_batches.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace ec2::inventory::aws_ec2 {
namespace {

/// The state the renderers and the user share. Batch i is rendered into slots[i % window], which
/// batch i - window has left by then (it was used before batch i could be claimed).
struct Pipeline {
  struct Slot {
    std::string text;
    bool ready = false;
  };
  explicit Pipeline(size_t window) : slots(window) {}

  std::mutex mutex;
  std::condition_variable changed;
  std::vector<Slot> slots;
  size_t claimed = 0;  ///< Batches handed to renderers so far.
  size_t used = 0;     ///< Batches used so far.
  std::exception_ptr failure;
};

void render_batches(Pipeline& p, size_t count, const std::function<void(size_t, std::string&)>& render) {
  while (true) {
    size_t batch;
    {
      std::unique_lock lock(p.mutex);
      p.changed.wait(lock, [&] { return p.failure || p.claimed >= count || p.claimed < p.used + p.slots.size(); });
      if (p.failure || p.claimed >= count) return;
      batch = p.claimed++;
    }
    Pipeline::Slot& slot = p.slots[batch % p.slots.size()];
    slot.text.clear();
    try {
      render(batch, slot.text);
    } catch (...) {
      std::lock_guard lock(p.mutex);
      if (!p.failure) p.failure = std::current_exception();
      p.changed.notify_all();
      return;
    }
    std::lock_guard lock(p.mutex);
    slot.ready = true;
    p.changed.notify_all();
  }
}

}  // namespace

void for_each_batch_in_order(size_t count, size_t threads, size_t window,
                             const std::function<void(size_t, std::string&)>& render,
                             const std::function<void(std::string&)>& use) {
  Pipeline p(std::max<size_t>(window, 1));
  std::vector<std::thread> pool;
  for (size_t t = 0; t < std::min(std::max<size_t>(threads, 1), count); ++t) {
    pool.emplace_back([&] { render_batches(p, count, render); });
  }
  try {
    for (size_t batch = 0; batch < count; ++batch) {
      Pipeline::Slot& slot = p.slots[batch % p.slots.size()];
      {
        std::unique_lock lock(p.mutex);
        p.changed.wait(lock, [&] { return p.failure || slot.ready; });
        if (p.failure) break;
      }
      use(slot.text);
      std::lock_guard lock(p.mutex);
      slot.ready = false;
      ++p.used;
      p.changed.notify_all();
    }
  } catch (...) {
    std::lock_guard lock(p.mutex);
    if (!p.failure) p.failure = std::current_exception();
    p.changed.notify_all();
  }
  for (std::thread& thread : pool) thread.join();
  if (p.failure) std::rethrow_exception(p.failure);
}

}  // namespace ec2::inventory::aws_ec2
