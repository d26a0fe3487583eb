// RefreshingCredentials: botocore's advisory and mandatory windows, one refresher at a time.
#include "auth/refreshing_credentials.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <thread>
#include <vector>

#include "retry/fake_clock.h"

namespace ec2::auth {
namespace {

using namespace std::chrono_literals;

class RefreshingTest : public ::testing::Test {
 protected:
  /// Credentials "AK<n>" for the n-th fetch, expiring an hour after the fake clock's now.
  Result<Credentials> next() {
    int n = ++fetches_;
    if (fail_) return make_error(ErrorCategory::Network, "Down", "sts unreachable");
    Credentials c;
    c.access_key_id = "AK" + std::to_string(n);
    c.secret_access_key = "SK";
    c.source = "test";
    c.expiration = clock_->now() + lifetime_;
    return c;
  }
  RefreshingCredentials provider() {
    return RefreshingCredentials([this] { return next(); }, clock_);
  }

  std::shared_ptr<testing::FakeClock> clock_ = std::make_shared<testing::FakeClock>();
  std::atomic<int> fetches_{0};
  std::atomic<bool> fail_{false};
  std::chrono::seconds lifetime_{3600};
};

TEST_F(RefreshingTest, FetchesOnFirstUseAndKeepsFreshCredentials) {
  auto p = provider();
  EXPECT_EQ(fetches_, 0);
  EXPECT_EQ(p.get()->access_key_id, "AK1");
  clock_->advance(44min);  // 16 minutes left: outside the advisory window
  EXPECT_EQ(p.get()->access_key_id, "AK1");
  EXPECT_EQ(fetches_, 1);
}

TEST_F(RefreshingTest, RefreshesInTheAdvisoryWindow) {
  auto p = provider();
  ASSERT_TRUE(p.get().ok());
  clock_->advance(46min);  // 14 minutes left
  EXPECT_EQ(p.get()->access_key_id, "AK2");
  EXPECT_EQ(fetches_, 2);
}

TEST_F(RefreshingTest, AdvisoryFailureKeepsTheCurrentCredentials) {
  auto p = provider();
  ASSERT_TRUE(p.get().ok());
  clock_->advance(46min);
  fail_ = true;
  auto c = p.get();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->access_key_id, "AK1");
  EXPECT_EQ(fetches_, 2);
}

TEST_F(RefreshingTest, MandatoryFailureIsAnError) {
  auto p = provider();
  ASSERT_TRUE(p.get().ok());
  clock_->advance(51min);  // 9 minutes left
  fail_ = true;
  auto c = p.get();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, "Down");
  fail_ = false;
  EXPECT_EQ(p.get()->access_key_id, "AK3");
}

TEST_F(RefreshingTest, FirstFetchFailureIsAnError) {
  fail_ = true;
  auto p = provider();
  EXPECT_FALSE(p.get().ok());
}

TEST_F(RefreshingTest, NeverHandsOutExpiredCredentials) {
  lifetime_ = -1s;
  auto p = provider();
  auto c = p.get();
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, "ExpiredCredentials");
}

TEST_F(RefreshingTest, CredentialsWithoutExpirationAreKept) {
  RefreshingCredentials p(
      [this]() -> Result<Credentials> {
        ++fetches_;
        return Credentials{"AK", "SK", "", "test", {}, {}};
      },
      clock_);
  ASSERT_TRUE(p.get().ok());
  clock_->advance(std::chrono::hours(24 * 365));
  ASSERT_TRUE(p.get().ok());
  EXPECT_EQ(fetches_, 1);
}

TEST_F(RefreshingTest, OneThreadRefreshesWhileTheOthersWait) {
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> inside{0};
  std::atomic<int> most_inside{0};
  RefreshingCredentials p(
      [&]() -> Result<Credentials> {
        int now_inside = ++inside;
        most_inside = std::max(most_inside.load(), now_inside);
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return release; });
        --inside;
        return next();
      },
      clock_);
  std::vector<std::thread> threads;
  std::vector<std::string> keys(8);
  for (size_t i = 0; i < keys.size(); ++i) {
    threads.emplace_back([&, i] {
      auto c = p.get();
      keys[i] = c ? c->access_key_id : "error";
    });
  }
  while (inside.load() == 0) std::this_thread::yield();
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  for (auto& t : threads) t.join();
  EXPECT_EQ(most_inside, 1);
  EXPECT_EQ(fetches_, 1);
  for (const auto& k : keys) EXPECT_EQ(k, "AK1");
}

TEST_F(RefreshingTest, OthersKeepSigningWithCurrentKeysDuringAnAdvisoryRefresh) {
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::atomic<bool> refreshing{false};
  bool first = true;
  RefreshingCredentials p(
      [&]() -> Result<Credentials> {
        if (!first) {
          refreshing = true;
          std::unique_lock lock(m);
          cv.wait(lock, [&] { return release; });
        }
        first = false;
        return next();
      },
      clock_);
  ASSERT_EQ(p.get()->access_key_id, "AK1");
  clock_->advance(46min);
  std::thread refresher([&] { EXPECT_EQ(p.get()->access_key_id, "AK2"); });
  while (!refreshing) std::this_thread::yield();
  EXPECT_EQ(p.get()->access_key_id, "AK1");  // does not wait for the refresh in progress
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  refresher.join();
  EXPECT_EQ(p.get()->access_key_id, "AK2");
}

}  // namespace
}  // namespace ec2::auth
