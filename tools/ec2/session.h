#pragma once
/// What one `ec2` run works with: the options, the EC2 client, the key store, progress output,
/// and the retry layer the tool puts over every EC2 call.

#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "ec2/client.h"
#include "ec2/config.h"
#include "ec2/retry.h"
#include "key_store.h"
#include "options.h"
#include "progress.h"

namespace ec2::cli {

/// Retries a whole typed call on top of the client's own (standard-mode) retries: the errors the
/// client gives up on after its attempts (throttling, server faults, connection resets) and the
/// eventual-consistency codes a caller names (e.g. InvalidInstanceID.NotFound right after a
/// create). Delay: full jitter over min(base·2^(n-1), cap).
class CallRetry final : public RetryPolicy {
 public:
  CallRetry(std::vector<std::string> not_yet_codes, Random& random, int max_attempts = 8,
            std::chrono::milliseconds base = std::chrono::milliseconds(200),
            std::chrono::milliseconds cap = std::chrono::milliseconds(5000));
  std::optional<std::chrono::milliseconds> retry_delay(const Error& error, RetryState& state) override;
  void on_success(const RetryState&) override {}
  int max_attempts() const override { return max_attempts_; }

 private:
  std::vector<std::string> not_yet_codes_;
  Random& random_;
  int max_attempts_;
  std::chrono::milliseconds base_, cap_;
};

/// The state of one run.
class Session {
 public:
  Session(Options options, Client client, KeyStore store, Progress progress,
          const Environment& env);

  const Options& options() const { return options_; }
  const Client& client() const { return client_; }
  const KeyStore& store() const { return store_; }
  Progress& progress() { return progress_; }
  const Environment& env() const { return env_; }
  const std::string& key() const { return options_.key; }
  const std::string& region() const { return client_.region(); }
  /// Delay between polls while waiting ($EC2_POLL_INTERVAL seconds, default 5).
  std::chrono::milliseconds poll_interval() const { return poll_interval_; }

  /// Runs `call()` (returning a Result) with CallRetry; `not_yet` are codes that mean "not
  /// visible yet". A final error gets `what` as context ("Failed to <what>: ...").
  template <class F>
  auto retrying(std::string_view what, F&& call, std::initializer_list<std::string> not_yet = {})
      -> decltype(call()) {
    CallRetry policy(std::vector<std::string>(not_yet), client_.random());
    auto result = with_retry(policy, client_.clock(), call, [&](const Error& e, int attempt,
                                                               std::chrono::milliseconds delay) {
      if (options_.debug) note_retry(what, e, attempt, delay);
    });
    if (!result) result.error() = result.error().with_context(std::string(what));
    return result;
  }

 private:
  void note_retry(std::string_view what, const Error& error, int attempt,
                  std::chrono::milliseconds delay);

  Options options_;
  Client client_;
  KeyStore store_;
  Progress progress_;
  const Environment& env_;
  std::chrono::milliseconds poll_interval_{5000};
};

}  // namespace ec2::cli
