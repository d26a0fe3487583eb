#pragma once
/// Deterministic Clock and Random for tests: sleeping advances a virtual time instantly and is
/// recorded; random numbers come from a fixed sequence. Thread-safe.

#include <chrono>
#include <mutex>
#include <vector>

#include "ec2/clock.h"

namespace ec2::testing {

class FakeClock final : public Clock {
 public:
  /// Starts at 2024-01-01T00:00:00Z.
  FakeClock() : now_(std::chrono::sys_days{std::chrono::year{2024} / 1 / 1}) {}

  std::chrono::system_clock::time_point now() override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  void sleep(std::chrono::milliseconds duration) override {
    std::lock_guard lock(mutex_);
    sleeps_.push_back(duration);
    now_ += duration;
  }
  /// Moves time forward without recording a sleep (time spent "inside" a call).
  void advance(std::chrono::milliseconds duration) {
    std::lock_guard lock(mutex_);
    now_ += duration;
  }
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard lock(mutex_);
    return sleeps_;
  }

 private:
  mutable std::mutex mutex_;
  std::chrono::system_clock::time_point now_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

/// Returns the given values in turn, repeating the last one when they run out.
class FakeRandom final : public Random {
 public:
  explicit FakeRandom(std::vector<double> values = {0.5}) : values_(std::move(values)) {}
  double uniform01() override {
    std::lock_guard lock(mutex_);
    double v = values_[next_ < values_.size() ? next_ : values_.size() - 1];
    ++next_;
    return v;
  }

 private:
  std::mutex mutex_;
  std::vector<double> values_;
  size_t next_ = 0;
};

}  // namespace ec2::testing
