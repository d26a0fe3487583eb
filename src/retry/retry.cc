#include "ec2/retry.h"

#include <algorithm>
#include <cmath>

namespace ec2 {
namespace {

std::chrono::milliseconds seconds_to_ms(double seconds) {
  return std::chrono::milliseconds(static_cast<int64_t>(std::llround(seconds * 1000.0)));
}

bool contains(const std::vector<std::string>& codes, const std::string& code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

StandardRetry::StandardRetry(StandardRetryOptions options, std::shared_ptr<Random> random)
    : options_(options), random_(std::move(random)), available_(options.quota) {}

std::optional<std::chrono::milliseconds> StandardRetry::retry_delay(const Error& error,
                                                                    RetryState& state) {
  if (state.attempt >= options_.max_attempts || !error.retryable()) return std::nullopt;
  if (options_.use_quota) {
    int cost = error.category == ErrorCategory::Timeout ? options_.timeout_retry_cost
                                                        : options_.retry_cost;
    std::lock_guard lock(mutex_);
    if (cost > available_) return std::nullopt;
    available_ -= cost;
    state.acquired_cost = cost;
  }
  double cap = std::chrono::duration<double>(options_.max_backoff).count();
  double backoff = std::min(std::pow(2.0, state.attempt - 1), cap);
  return seconds_to_ms(random_->uniform01() * backoff);
}

void StandardRetry::on_success(const RetryState& state) {
  if (!options_.use_quota) return;
  int refund = state.acquired_cost > 0 ? state.acquired_cost : options_.no_retry_increment;
  std::lock_guard lock(mutex_);
  available_ = std::min(options_.quota, available_ + refund);
}

int StandardRetry::available_quota() const {
  std::lock_guard lock(mutex_);
  return available_;
}

JitteredBackoff::JitteredBackoff(JitteredBackoffOptions options, std::shared_ptr<Random> random)
    : options_(std::move(options)), random_(std::move(random)) {}

const std::vector<std::string>& JitteredBackoff::default_codes() {
  static const std::vector<std::string> codes = {
      "RequestLimitExceeded", "Unavailable",   "ServiceUnavailable",
      "InternalFailure",      "InternalError", "TooManyRequestsException",
      "Throttling",
  };
  return codes;
}

std::optional<std::chrono::milliseconds> JitteredBackoff::retry_delay(const Error& error,
                                                                      RetryState& state) {
  if (state.attempt >= options_.tries || error.code.empty()) return std::nullopt;
  if (!contains(default_codes(), error.code) && !contains(options_.extra_codes, error.code)) {
    return std::nullopt;
  }
  double step = options_.delay_seconds * std::pow(options_.backoff, state.attempt - 1);
  double capped = std::min(step, options_.max_delay_seconds);
  return seconds_to_ms(random_->uniform01() * capped);
}

std::shared_ptr<RetryPolicy> make_retry_policy(RetryMode mode, int max_attempts,
                                               std::shared_ptr<Random> random) {
  StandardRetryOptions options;
  if (mode == RetryMode::Legacy) {
    options.max_attempts = 5;
    options.use_quota = false;
    options.max_backoff = std::chrono::hours(1);
  }
  if (max_attempts > 0) options.max_attempts = max_attempts;
  return std::make_shared<StandardRetry>(options, std::move(random));
}

}  // namespace ec2
