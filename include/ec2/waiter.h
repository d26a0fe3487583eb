#pragma once
/// Waiters: poll until a predicate reports success, a failure state, or time runs out, with the
/// delays and attempt limits of the SDK waiter definitions (waiters-2.json) and a progress
/// callback for spinners.

#include <chrono>
#include <functional>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ec2/client.h"
#include "ec2/clock.h"
#include "ec2/query.h"
#include "ec2/result.h"

namespace ec2 {

/// What one poll found.
enum class WaitState {
  Retry,    ///< Not there yet; poll again.
  Success,  ///< The awaited state was reached.
  Failure,  ///< A state from which the awaited one cannot be reached (e.g. terminated).
};

/// One poll's outcome. `state` is a short description shown in progress and errors ("pending").
struct WaitCheck {
  WaitState result = WaitState::Retry;
  std::string state;
};

/// Reported after each poll and, with `progress_interval`, while sleeping between polls.
struct WaitProgress {
  int attempt = 0;                       ///< Polls done so far.
  std::string state;                     ///< Latest state description (or error code).
  std::chrono::milliseconds elapsed{0};  ///< Time since the wait began.
};

/// How to wait. Defaults match most EC2 waiters (InstanceRunning: 15 s, 40 attempts).
struct WaiterOptions {
  std::string description = "the resource";  ///< Used in errors: "waiting for <description>".
  std::chrono::milliseconds delay{15'000};   ///< Between polls.
  int max_attempts = 40;                     ///< Polls before giving up; <= 0 means no limit.
  std::optional<std::chrono::milliseconds> timeout;  ///< Overall limit, whichever comes first.
  double jitter = 0.0;  ///< Each delay is scaled by uniform(1 - jitter, 1 + jitter); 0 = fixed.
  /// AWS error codes that mean "not yet" (e.g. InvalidInstanceID.NotFound right after a create).
  std::vector<std::string> retry_codes;
  /// When set, sleeps are cut into slices of this length and progress is reported after each.
  std::optional<std::chrono::milliseconds> progress_interval;
  /// Told about progress (for a spinner or log lines); may be empty.
  std::function<void(const WaitProgress&)> progress;
};

/// Delay and max attempts of a waiters-2.json waiter by name ("InstanceRunning", "VpcAvailable",
/// ...); nullopt for an unknown name. `description` is left as the default.
std::optional<WaiterOptions> waiter_defaults(std::string_view waiter_name);

/// Polls `check` until Success (ok), Failure (Error code "WaiterFailure"), or the attempts/timeout
/// run out (Error category Timeout, code "WaiterTimeout", naming the description, the elapsed
/// time and the last state). Errors from `check` end the wait unless their code is in
/// `retry_codes`.
Status wait_until(Clock& clock, Random& random, const WaiterOptions& options,
                  const std::function<Result<WaitCheck>()>& check);

/// Polls `client.call(action, params)` and judges each response root with `judge`.
Status wait_for(const Client& client, std::string_view action, const QueryParams& params,
                const std::function<WaitCheck(const pugi::xml_node& response)>& judge,
                const WaiterOptions& options);

}  // namespace ec2
