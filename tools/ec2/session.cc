#include "session.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

namespace ec2::cli {

CallRetry::CallRetry(std::vector<std::string> not_yet_codes, Random& random, int max_attempts,
                     std::chrono::milliseconds base, std::chrono::milliseconds cap)
    : not_yet_codes_(std::move(not_yet_codes)),
      random_(random),
      max_attempts_(max_attempts),
      base_(base),
      cap_(cap) {}

std::optional<std::chrono::milliseconds> CallRetry::retry_delay(const Error& error,
                                                               RetryState& state) {
  if (state.attempt >= max_attempts_) return std::nullopt;
  bool not_yet = std::find(not_yet_codes_.begin(), not_yet_codes_.end(), error.code) !=
                 not_yet_codes_.end();
  if (!not_yet && !error.retryable()) return std::nullopt;
  // A waiter that ran out of time is final, whatever its category says.
  if (error.code == "WaiterTimeout") return std::nullopt;
  std::chrono::milliseconds ceiling = std::min(cap_, std::chrono::milliseconds(base_.count() << std::min(state.attempt - 1, 20)));
  return std::chrono::milliseconds(
      static_cast<long long>(random_.uniform01() * static_cast<double>(ceiling.count())));
}

Session::Session(Options options, Client client, KeyStore store, Progress progress,
                 const Environment& env)
    : options_(std::move(options)),
      client_(std::move(client)),
      store_(std::move(store)),
      progress_(std::move(progress)),
      env_(env) {
  if (auto poll = env.get("EC2_POLL_INTERVAL"); poll && !poll->empty()) {
    char* end = nullptr;
    double seconds = std::strtod(poll->c_str(), &end);
    if (end && *end == '\0' && seconds >= 0)
      poll_interval_ = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  }
}

void Session::note_retry(std::string_view what, const Error& error, int attempt,
                         std::chrono::milliseconds delay) {
  progress_.warn(fmt::format("debug: retrying {} after attempt {} ({}) in {} ms", what, attempt,
                             error.code.empty() ? error.message : error.code, delay.count()));
}

}  // namespace ec2::cli
