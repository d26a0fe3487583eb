// Batches rendered on several threads and used in order.

#include "ordered_batches.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace ec2::inventory::aws_ec2 {
namespace {

/// Batch i renders as "<i>;", later batches sometimes sooner than earlier ones.
void render_number(size_t batch, std::string& text) {
  if (batch % 7 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  text += std::to_string(batch) + ";";
}

std::string expected_numbers(size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += std::to_string(i) + ";";
  return text;
}

TEST(OrderedBatchesTest, UsesEveryBatchInOrderWhateverTheThreadsAndWindow) {
  for (size_t threads : {1u, 2u, 5u}) {
    for (size_t window : {1u, 3u, 16u}) {
      for (size_t count : {0u, 1u, 2u, 50u}) {
        std::string used;
        for_each_batch_in_order(count, threads, window, render_number, [&](std::string& text) { used += text; });
        EXPECT_EQ(used, expected_numbers(count)) << threads << " threads, window " << window;
      }
    }
  }
}

TEST(OrderedBatchesTest, NeverHoldsMoreRenderedBatchesThanTheWindow) {
  std::atomic<long> rendered{0}, used{0}, most_waiting{0};
  auto render = [&](size_t, std::string& text) {
    text = "x";
    long waiting = ++rendered - used.load();
    long seen = most_waiting.load();
    while (waiting > seen && !most_waiting.compare_exchange_weak(seen, waiting)) {}
  };
  auto use = [&](std::string&) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    ++used;
  };
  for_each_batch_in_order(100, 4, 3, render, use);
  EXPECT_EQ(used.load(), 100);
  EXPECT_LE(most_waiting.load(), 3);
}

TEST(OrderedBatchesTest, AFailedRenderStopsTheWorkAndIsRethrown) {
  std::string used;
  auto render = [](size_t batch, std::string& text) {
    if (batch == 20) throw std::runtime_error("corrupt batch 20");
    text += std::to_string(batch) + ";";
  };
  EXPECT_THROW(for_each_batch_in_order(1000, 3, 4, render, [&](std::string& text) { used += text; }),
               std::runtime_error);
  EXPECT_EQ(used.substr(0, 6), "0;1;2;");
  EXPECT_EQ(used.find("20;"), std::string::npos);
}

TEST(OrderedBatchesTest, AFailedUseStopsTheRenderersAndIsRethrown) {
  std::atomic<int> rendered{0};
  auto render = [&](size_t, std::string& text) {
    text = "x";
    ++rendered;
  };
  auto use = [](std::string&) { throw std::runtime_error("disk full"); };
  EXPECT_THROW(for_each_batch_in_order(1000, 2, 4, render, use), std::runtime_error);
  EXPECT_LE(rendered.load(), 4);  // no batch is used, so no more than the window is ever rendered
}

}  // namespace
}  // namespace ec2::inventory::aws_ec2
