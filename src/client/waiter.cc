#include "ec2/waiter.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace ec2 {
namespace {

using std::chrono::milliseconds;

struct WaiterSpec {
  std::string_view name;
  int delay_seconds;
  int max_attempts;
};

/// Delay and attempt limits of the EC2 waiters (botocore's waiters-2.json for 2016-11-15).
constexpr std::array kWaiterSpecs = {
    WaiterSpec{"BundleTaskComplete", 15, 40},
    WaiterSpec{"ConversionTaskCancelled", 15, 40},
    WaiterSpec{"ConversionTaskCompleted", 15, 40},
    WaiterSpec{"ConversionTaskDeleted", 15, 40},
    WaiterSpec{"CustomerGatewayAvailable", 15, 40},
    WaiterSpec{"ExportTaskCancelled", 15, 40},
    WaiterSpec{"ExportTaskCompleted", 15, 40},
    WaiterSpec{"ImageAvailable", 15, 40},
    WaiterSpec{"ImageExists", 15, 40},
    WaiterSpec{"InstanceExists", 5, 40},
    WaiterSpec{"InstanceRunning", 15, 40},
    WaiterSpec{"InstanceStatusOk", 15, 40},
    WaiterSpec{"InstanceStopped", 15, 40},
    WaiterSpec{"InstanceTerminated", 15, 40},
    WaiterSpec{"InternetGatewayExists", 5, 6},
    WaiterSpec{"KeyPairExists", 5, 6},
    WaiterSpec{"NatGatewayAvailable", 15, 40},
    WaiterSpec{"NatGatewayDeleted", 15, 40},
    WaiterSpec{"NetworkInterfaceAvailable", 20, 10},
    WaiterSpec{"PasswordDataAvailable", 15, 40},
    WaiterSpec{"SecurityGroupExists", 5, 6},
    WaiterSpec{"SnapshotCompleted", 15, 40},
    WaiterSpec{"SpotInstanceRequestFulfilled", 15, 40},
    WaiterSpec{"SubnetAvailable", 15, 40},
    WaiterSpec{"SystemStatusOk", 15, 40},
    WaiterSpec{"VolumeAvailable", 15, 40},
    WaiterSpec{"VolumeDeleted", 15, 40},
    WaiterSpec{"VolumeInUse", 15, 40},
    WaiterSpec{"VpcAvailable", 15, 40},
    WaiterSpec{"VpcExists", 1, 5},
    WaiterSpec{"VpcPeeringConnectionDeleted", 15, 40},
    WaiterSpec{"VpcPeeringConnectionExists", 15, 40},
    WaiterSpec{"VpnConnectionAvailable", 15, 40},
    WaiterSpec{"VpnConnectionDeleted", 15, 40},
};

/// "42 s", "1.5 s", "250 ms".
std::string format_duration(milliseconds d) {
  char buffer[32];
  if (d < milliseconds(1000)) {
    std::snprintf(buffer, sizeof buffer, "%lld ms", static_cast<long long>(d.count()));
  } else if (d.count() % 1000 == 0) {
    std::snprintf(buffer, sizeof buffer, "%lld s", static_cast<long long>(d.count() / 1000));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f s", static_cast<double>(d.count()) / 1000.0);
  }
  return buffer;
}

/// Tracks elapsed time and reports progress for one wait.
class WaitRun {
 public:
  WaitRun(Clock& clock, Random& random, const WaiterOptions& options)
      : clock_(clock), random_(random), options_(options), start_(clock.now()) {}

  milliseconds elapsed() const {
    return std::chrono::duration_cast<milliseconds>(clock_.now() - start_);
  }

  void report(int attempt, const std::string& state) const {
    if (options_.progress) options_.progress(WaitProgress{attempt, state, elapsed()});
  }

  /// The delay before the next poll: jittered, and cut so the last poll lands on the timeout.
  milliseconds next_delay() const {
    double scale = 1.0;
    if (options_.jitter > 0)
      scale = 1.0 - options_.jitter + 2.0 * options_.jitter * random_.uniform01();
    auto delay =
        milliseconds(static_cast<int64_t>(static_cast<double>(options_.delay.count()) * scale));
    if (options_.timeout) delay = std::min(delay, *options_.timeout - elapsed());
    return std::max(delay, milliseconds(0));
  }

  /// Sleeps `delay`, in slices of `progress_interval` with a report after each when asked.
  void sleep(milliseconds delay, int attempt, const std::string& state) const {
    if (!options_.progress_interval || !options_.progress ||
        *options_.progress_interval <= milliseconds(0)) {
      clock_.sleep(delay);
      return;
    }
    while (delay > milliseconds(0)) {
      milliseconds slice = std::min(delay, *options_.progress_interval);
      clock_.sleep(slice);
      delay -= slice;
      report(attempt, state);
    }
  }

  bool out_of_time() const { return options_.timeout && elapsed() >= *options_.timeout; }

  Error timeout_error(int attempts, const std::string& state) const {
    std::string message = "Timed out after " + format_duration(elapsed()) + " waiting for " +
                          options_.description + " (" + std::to_string(attempts) +
                          (attempts == 1 ? " check" : " checks");
    if (!state.empty()) message += ", last state: " + state;
    return make_error(ErrorCategory::Timeout, "WaiterTimeout", message + ")");
  }

 private:
  Clock& clock_;
  Random& random_;
  const WaiterOptions& options_;
  std::chrono::system_clock::time_point start_;
};

}  // namespace

std::optional<WaiterOptions> waiter_defaults(std::string_view waiter_name) {
  for (const WaiterSpec& spec : kWaiterSpecs) {
    if (spec.name != waiter_name) continue;
    WaiterOptions options;
    options.delay = std::chrono::seconds(spec.delay_seconds);
    options.max_attempts = spec.max_attempts;
    return options;
  }
  return std::nullopt;
}

Status wait_until(Clock& clock, Random& random, const WaiterOptions& options,
                  const std::function<Result<WaitCheck>()>& check) {
  WaitRun run(clock, random, options);
  std::string state;
  for (int attempt = 1;; ++attempt) {
    auto result = check();
    if (!result) {
      const auto& codes = options.retry_codes;
      if (std::find(codes.begin(), codes.end(), result.error().code) == codes.end()) {
        return result.error();
      }
      state = result.error().code;
    } else {
      state = result->state;
      if (result->result == WaitState::Success) {
        run.report(attempt, state);
        return {};
      }
      if (result->result == WaitState::Failure) {
        return make_error(
            ErrorCategory::Client, "WaiterFailure",
            "Stopped waiting for " + options.description + ": it reached state '" + state + "'");
      }
    }
    run.report(attempt, state);
    if ((options.max_attempts > 0 && attempt >= options.max_attempts) || run.out_of_time()) {
      return run.timeout_error(attempt, state);
    }
    run.sleep(run.next_delay(), attempt, state);
  }
}

Status wait_for(const Client& client, std::string_view action, const QueryParams& params,
                const std::function<WaitCheck(const pugi::xml_node& response)>& judge,
                const WaiterOptions& options) {
  return wait_until(client.clock(), client.random(), options, [&]() -> Result<WaitCheck> {
    auto document = client.call(action, params);
    if (!document) return document.error();
    return judge((*document)->document_element());
  });
}

}  // namespace ec2
