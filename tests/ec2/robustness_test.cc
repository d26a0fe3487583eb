// Concurrency, crashes (SIGKILL at random points) and injected faults: the tool always converges
// to exactly one instance and one key pair with a usable private key, and never duplicates.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <random>
#include <thread>

#include "fixture.h"

namespace ec2::test {
namespace {

using Robustness = Ec2Test;

TEST_F(Robustness, SixteenConcurrentRunsMakeOneInstanceAndOneKey) {
  ec2_.start_fast_forward();
  std::vector<pid_t> pids;
  for (int i = 0; i < 16; ++i) pids.push_back(ec2_.spawn({"-k", key_}, i + 1));
  std::vector<RunResult> results;
  for (int i = 0; i < 16; ++i) results.push_back(ec2_.finish(pids[i], i + 1));
  ec2_.stop_fast_forward();
  for (auto& r : results) EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(instances_with_key(ec2_.aws(), key_).size(), 1u);
  expect_one_instance_and_matching_key();
}

/// Runs `ec2 args` and kills it with SIGKILL after `delay` (while time is fast-forwarded).
void run_and_kill(Ec2Runner& runner, const std::vector<std::string>& args, std::chrono::milliseconds delay) {
  pid_t pid = runner.spawn(args, 99);
  std::this_thread::sleep_for(delay);
  kill(pid, SIGKILL);
  runner.finish(pid, 99);
}

/// Wall time of one uninterrupted run, to spread kill points over.
std::chrono::milliseconds timed_run(Ec2Test& t, Ec2Runner& runner, const std::vector<std::string>& args) {
  auto start = std::chrono::steady_clock::now();
  auto r = runner.run(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  (void)t;
}

TEST_F(Robustness, KilledAtRandomPointsAPlainRerunConverges) {
  std::mt19937 rng(20261125);
  // Calibrate: one full create and one remove.
  auto create_time = timed_run(*this, ec2_, {"-k", key_});
  auto remove_time = timed_run(*this, ec2_, {"-k", key_, "-r"});
  const int trials = 10;
  for (int trial = 0; trial < trials; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    std::uniform_int_distribution<int> create_at(0, static_cast<int>(create_time.count()) + 50);
    std::uniform_int_distribution<int> remove_at(0, static_cast<int>(remove_time.count()) + 50);
    // Create, killed, then a plain rerun.
    ec2_.start_fast_forward();
    run_and_kill(ec2_, {"-k", key_}, std::chrono::milliseconds(create_at(rng)));
    ec2_.stop_fast_forward();
    auto up = ec2({});
    ASSERT_EQ(up.exit_code, 0) << up.err;
    expect_one_instance_and_matching_key();
    EXPECT_EQ(state(the_instance()), "running");
    // Start from stopped, killed, then a plain rerun.
    ASSERT_EQ(ec2({"-s"}).exit_code, 0);
    ec2_.start_fast_forward();
    run_and_kill(ec2_, {"-k", key_}, std::chrono::milliseconds(create_at(rng)));
    ec2_.stop_fast_forward();
    auto restart = ec2({});
    ASSERT_EQ(restart.exit_code, 0) << restart.err;
    expect_one_instance_and_matching_key();
    // Remove, killed, then a plain rerun of the removal.
    ec2_.start_fast_forward();
    run_and_kill(ec2_, {"-k", key_, "-r"}, std::chrono::milliseconds(remove_at(rng)));
    ec2_.stop_fast_forward();
    auto removed = ec2({"-r"});
    ASSERT_EQ(removed.exit_code, 0) << removed.err;
    expect_nothing_left();
  }
}

TEST_F(Robustness, InjectedFaultsConvergeWithoutDuplicates) {
  emulator_.set_faults(0.30, 0.05, 0.05);
  for (int round = 0; round < 2; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    auto created = ec2({});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    auto stopped = ec2({"-s"});
    ASSERT_EQ(stopped.exit_code, 0) << stopped.err;
    auto started = ec2({});
    ASSERT_EQ(started.exit_code, 0) << started.err;
    emulator_.clear_faults();
    size_t live = 0;
    for (const auto& i : instances_with_key(ec2_.aws(), key_)) live += state(i) != "terminated";
    EXPECT_EQ(live, 1u) << "exactly one live instance uses the key (no duplicate was launched)";
    expect_one_instance_and_matching_key();
    EXPECT_EQ(state(the_instance()), "running");
    emulator_.set_faults(0.30, 0.05, 0.05);
    auto removed = ec2({"-r"});
    ASSERT_EQ(removed.exit_code, 0) << removed.err;
    emulator_.clear_faults();
    expect_nothing_left();
    emulator_.set_faults(0.30, 0.05, 0.05);
  }
  auto stats = emulator_.control("GET", "stats");
  EXPECT_NE(stats.find("throttle"), std::string::npos) << "faults were injected";
}

}  // namespace
}  // namespace ec2::test
