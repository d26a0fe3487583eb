#pragma once
/// Time and randomness as interfaces, so retries, waiters and signing are deterministic in tests.

#include <chrono>
#include <memory>

namespace ec2 {

/// Wall clock plus sleep. The real one uses system_clock and std::this_thread::sleep_for.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() = 0;
  virtual void sleep(std::chrono::milliseconds duration) = 0;
};

/// A source of uniform doubles in [0, 1).
class Random {
 public:
  virtual ~Random() = default;
  virtual double uniform01() = 0;
};

/// The process-wide real clock.
std::shared_ptr<Clock> system_clock();
/// A fresh random source seeded from std::random_device.
std::shared_ptr<Random> default_random();

}  // namespace ec2
