#pragma once
/// Emulated time and the transition scheduler shared by every resource with a lifecycle
/// (instances, VPC CIDR associations, peering connections, …).
///
/// Time is the real clock plus an offset the control endpoint can advance. A resource that enters a
/// transitional state stores when it will leave it and schedules a `ScheduledEvent`; before each
/// request the dispatcher runs the events that are due. The control endpoint can also "complete"
/// transitions: run every non-expiry event immediately.

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "ec2/clock.h"

namespace ec2::emu {

using TimePoint = std::chrono::system_clock::time_point;
using Duration = std::chrono::milliseconds;

/// How long transitional states last. `scale` multiplies every duration (0 = instantaneous,
/// 0.1 = ten times faster); set with `--transition-scale` or the control endpoint.
struct Timings {
  Duration instance_pending{std::chrono::seconds(4)};
  Duration instance_stopping{std::chrono::seconds(4)};
  Duration instance_shutting_down{std::chrono::seconds(4)};
  Duration status_initializing{std::chrono::seconds(8)};   ///< running → status checks "ok"
  Duration terminated_retention{std::chrono::minutes(60)};  ///< terminated → gone
  Duration cidr_associating{std::chrono::seconds(2)};
  Duration peering_initiating{std::chrono::seconds(2)};
  Duration peering_pending_expiry{std::chrono::hours(24 * 7)};
  Duration peering_deleted_retention{std::chrono::hours(2)};
  double scale = 1.0;

  /// `d` multiplied by `scale`.
  Duration scaled(Duration d) const {
    return Duration(static_cast<int64_t>(static_cast<double>(d.count()) * scale));
  }
};

/// Real time plus a settable offset. Not thread-safe by itself: guarded by the World lock.
class SimClock {
 public:
  explicit SimClock(std::shared_ptr<ec2::Clock> base = ec2::system_clock()) : base_(std::move(base)) {}
  TimePoint now() const { return base_->now() + offset_; }
  /// Moves emulated time forward by `d`.
  void advance(Duration d) { offset_ += d; }
  Duration offset() const { return offset_; }
  void set_offset(Duration d) { offset_ = d; }

 private:
  std::shared_ptr<ec2::Clock> base_;
  Duration offset_{0};
};

/// "Resource `id` of `region` of kind `kind` changes at `at`". Handlers (registered per kind with
/// `ActionRegistry::on_due`) must check that the resource still expects this change (compare a
/// stored deadline with `at`) because a later action may have superseded it.
struct ScheduledEvent {
  TimePoint at;
  std::string region;
  std::string kind;
  std::string id;
  bool expiry = false;  ///< Removal of a finished resource: not run by "complete transitions".
  std::string account;  ///< The account owning `region`'s resource (empty: the default account).
};

/// Min-heap of ScheduledEvents.
class Scheduler {
 public:
  void schedule(ScheduledEvent event);
  /// Removes and returns the earliest event due at or before `now` (expiry events only when
  /// `include_expiry`); false when none.
  bool pop_due(TimePoint now, bool include_expiry, ScheduledEvent& out);
  /// Removes and returns the earliest non-expiry event regardless of time.
  bool pop_any_transition(ScheduledEvent& out);
  size_t size() const { return heap_.size(); }
  const std::vector<ScheduledEvent>& events() const { return heap_; }
  /// Replaces all events (state-file load).
  void assign(std::vector<ScheduledEvent> events);
  void clear() { heap_.clear(); }

 private:
  std::vector<ScheduledEvent> heap_;
};

/// ISO 8601 UTC with milliseconds: `2024-01-02T03:04:05.000Z` (EC2's timestamp format).
std::string iso8601(TimePoint t);
/// Parses what iso8601 writes (and the same without milliseconds); false on malformed input.
bool parse_iso8601(std::string_view text, TimePoint& out);

}  // namespace ec2::emu
