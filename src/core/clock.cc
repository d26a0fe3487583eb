#include "ec2/clock.h"

#include <mutex>
#include <random>
#include <thread>

namespace ec2 {
namespace {

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() override { return std::chrono::system_clock::now(); }
  void sleep(std::chrono::milliseconds duration) override { std::this_thread::sleep_for(duration); }
};

class MersenneRandom final : public Random {
 public:
  MersenneRandom() : engine_(std::random_device{}()) {}
  double uniform01() override {
    std::lock_guard lock(mutex_);
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine_);
  }

 private:
  std::mutex mutex_;
  std::mt19937_64 engine_;
};

}  // namespace

std::shared_ptr<Clock> system_clock() {
  static auto clock = std::make_shared<SystemClock>();
  return clock;
}

std::shared_ptr<Random> default_random() { return std::make_shared<MersenneRandom>(); }

}  // namespace ec2
