#pragma once
/// Retry policies: the AWS SDK "standard" mode (with its shared retry quota) and Ansible-style
/// jittered exponential backoff (AWSRetry.jittered_backoff). Time and randomness are injected
/// (include/ec2/clock.h) so tests are deterministic.

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "ec2/clock.h"
#include "ec2/config.h"
#include "ec2/error.h"
#include "ec2/result.h"

namespace ec2 {

/// Bookkeeping for one logical call across its attempts. Each call owns its own RetryState;
/// the policy object itself is shared.
struct RetryState {
  /// 1-based number of the attempt that just ran.
  int attempt = 1;
  /// Quota taken for the latest retry of this call (standard mode), 0 if none.
  int acquired_cost = 0;
};

/// Decides whether a failed attempt is tried again and how long to wait first.
/// Thread-safe: one policy serves every concurrent call of a client (the quota is shared).
class RetryPolicy {
 public:
  virtual ~RetryPolicy() = default;
  /// Called after attempt `state.attempt` failed with `error`. Returns the delay before the next
  /// attempt, or nullopt when the error is final (not retryable, attempts or quota exhausted).
  virtual std::optional<std::chrono::milliseconds> retry_delay(const Error& error,
                                                               RetryState& state) = 0;
  /// Called once when an attempt succeeded (refunds quota in standard mode).
  virtual void on_success(const RetryState& state) = 0;
  /// Total attempts allowed, the first one included.
  virtual int max_attempts() const = 0;
};

/// Settings of the standard mode. Defaults are the AWS SDKs'.
struct StandardRetryOptions {
  int max_attempts = 3;
  std::chrono::milliseconds max_backoff{20'000};  ///< Cap of `2^(attempt-1)` seconds.
  bool use_quota = true;                          ///< False for legacy mode.
  int quota = 500;                                ///< Initial and maximum retry tokens.
  int retry_cost = 5;                             ///< Tokens a retry takes.
  int timeout_retry_cost = 10;                    ///< Tokens a retry after a timeout takes.
  int no_retry_increment = 1;                     ///< Tokens returned by a first-try success.
};

/// AWS SDK standard retry mode: retries throttling, transient (incl. HTTP 500/502/503/504),
/// network and timeout errors; delay `rand(0,1) × min(2^(attempt-1), 20)` s; each retry takes
/// tokens from a quota shared by all calls, and successes give tokens back.
class StandardRetry final : public RetryPolicy {
 public:
  explicit StandardRetry(StandardRetryOptions options = {},
                         std::shared_ptr<Random> random = default_random());

  std::optional<std::chrono::milliseconds> retry_delay(const Error& error,
                                                       RetryState& state) override;
  void on_success(const RetryState& state) override;
  int max_attempts() const override { return options_.max_attempts; }

  /// Tokens currently left in the quota.
  int available_quota() const;

 private:
  StandardRetryOptions options_;
  std::shared_ptr<Random> random_;
  mutable std::mutex mutex_;
  int available_;
};

/// Settings of Ansible's AWSRetry.jittered_backoff, with its defaults.
struct JitteredBackoffOptions {
  int tries = 10;                        ///< Total tries, the first included (Ansible's `retries`).
  double delay_seconds = 3.0;            ///< Base delay.
  double backoff = 2.0;                  ///< Multiplier per retry.
  double max_delay_seconds = 60.0;       ///< Cap before jitter.
  std::vector<std::string> extra_codes;  ///< Retried too, e.g. "InvalidVpcID.NotFound".
};

/// Ansible's AWSRetry.jittered_backoff: retries only AWS errors whose code is one of
/// `default_codes()` or `extra_codes`; the k-th retry waits `uniform(0, min(delay·backoff^(k-1),
/// max_delay))`. Errors without an AWS code (network, timeout) are final, as in Ansible, where
/// the SDK's own retries sit underneath (see `with_retry` to layer this over `Client::call`).
class JitteredBackoff final : public RetryPolicy {
 public:
  explicit JitteredBackoff(JitteredBackoffOptions options = {},
                           std::shared_ptr<Random> random = default_random());

  std::optional<std::chrono::milliseconds> retry_delay(const Error& error,
                                                       RetryState& state) override;
  void on_success(const RetryState&) override {}
  int max_attempts() const override { return options_.tries; }

  /// RequestLimitExceeded, Unavailable, ServiceUnavailable, InternalFailure, InternalError,
  /// TooManyRequestsException, Throttling.
  static const std::vector<std::string>& default_codes();

 private:
  JitteredBackoffOptions options_;
  std::shared_ptr<Random> random_;
};

/// The policy for a configured retry mode. Standard and Adaptive give StandardRetry (adaptive's
/// client-side rate limiter is not implemented); Legacy gives StandardRetry without quota and
/// without the 20 s cap, as the SDKs' legacy mode behaves. `max_attempts` <= 0 means the mode's
/// default (3, or 5 for legacy).
std::shared_ptr<RetryPolicy> make_retry_policy(RetryMode mode, int max_attempts,
                                               std::shared_ptr<Random> random = default_random());

/// Told about every retry: the error that caused it, the attempt that failed, the coming delay.
using RetryObserver =
    std::function<void(const Error& error, int attempt, std::chrono::milliseconds delay)>;

/// Runs `attempt` (a callable returning Result<T>) until it succeeds or `policy` gives up,
/// sleeping on `clock` between attempts. Returns the last result. Use it to layer a policy over
/// whole operations, e.g. jittered backoff with extra codes around a typed call.
template <class F>
auto with_retry(RetryPolicy& policy, Clock& clock, F&& attempt, const RetryObserver& observer = {})
    -> decltype(attempt()) {
  RetryState state;
  for (;;) {
    auto result = attempt();
    if (result) {
      policy.on_success(state);
      return result;
    }
    auto delay = policy.retry_delay(result.error(), state);
    if (!delay) return result;
    if (observer) observer(result.error(), state.attempt, *delay);
    clock.sleep(*delay);
    ++state.attempt;
  }
}

}  // namespace ec2
