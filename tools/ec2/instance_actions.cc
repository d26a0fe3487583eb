#include "instance_actions.h"

#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "ec2/ops/instances.h"
#include "ec2/waiter.h"
#include "ownership.h"
#include "resources.h"

namespace ec2::cli {
namespace {

constexpr size_t kMaxUserData = 16 * 1024;
constexpr int kMaxTokenChain = 8;

std::string describe_target(Target target) {
  switch (target) {
    case Target::Running: return "be running with status checks passed";
    case Target::RunningOnly: return "be running";
    case Target::Stopped: return "stop";
    case Target::Terminated: return "terminate";
  }
  return "";
}

/// The instance as DescribeInstances shows it now, nullopt when it is not (or no longer) listed.
Result<std::optional<Instance>> describe_one(Session& s, const std::string& id) {
  DescribeInstancesRequest request;
  request.instance_ids = {id};
  auto found = describe_instances(s.client(), request);
  if (!found) {
    if (found.error().code == "InvalidInstanceID.NotFound") return std::optional<Instance>();
    return found.error();
  }
  for (auto& reservation : found->reservations) {
    if (!reservation.instances) continue;
    for (auto& instance : *reservation.instances)
      if (instance.instance_id == id) return std::optional<Instance>(std::move(instance));
  }
  return std::optional<Instance>();
}

/// One poll for Target::Running: instance state plus both status checks.
Result<WaitCheck> check_running_and_ok(Session& s, const std::string& id) {
  DescribeInstanceStatusRequest request;
  request.instance_ids = {id};
  request.include_all_instances = true;
  auto found = describe_instance_status(s.client(), request);
  if (!found) return found.error();
  if (found->instance_statuses.empty()) return WaitCheck{WaitState::Retry, "not visible yet"};
  const InstanceStatus& status = found->instance_statuses.front();
  std::string state = status.instance_state && status.instance_state->name ? *status.instance_state->name : "";
  if (state == "pending") return WaitCheck{WaitState::Retry, state};
  if (state != "running") return WaitCheck{WaitState::Failure, state};
  std::string instance_ok = status.instance_status ? status.instance_status->status.value_or("") : "";
  std::string system_ok = status.system_status ? status.system_status->status.value_or("") : "";
  if (instance_ok == "ok" && system_ok == "ok") return WaitCheck{WaitState::Success, "running, checks ok"};
  if (instance_ok == "impaired" || system_ok == "impaired")
    return WaitCheck{WaitState::Failure, "running, status checks impaired"};
  return WaitCheck{WaitState::Retry,
                   fmt::format("running, status checks {}", instance_ok.empty() ? "initializing" : instance_ok)};
}

/// One poll for the other targets, from DescribeInstances.
Result<WaitCheck> check_state(Session& s, const std::string& id, Target target) {
  auto found = describe_one(s, id);
  if (!found) return found.error();
  if (!*found) {
    if (target == Target::Terminated) return WaitCheck{WaitState::Success, "gone"};
    return WaitCheck{WaitState::Retry, "not visible yet"};
  }
  std::string state = state_of(**found);
  switch (target) {
    case Target::RunningOnly:
      if (state == "running") return WaitCheck{WaitState::Success, state};
      if (state == "pending") return WaitCheck{WaitState::Retry, state};
      return WaitCheck{WaitState::Failure, state};
    case Target::Stopped:
      if (state == "stopped") return WaitCheck{WaitState::Success, state};
      if (state == "terminated" || state == "shutting-down") return WaitCheck{WaitState::Failure, state};
      return WaitCheck{WaitState::Retry, state};
    default:
      if (state == "terminated") return WaitCheck{WaitState::Success, state};
      return WaitCheck{WaitState::Retry, state};
  }
}

/// Runs one check, with the session's retries for transient failures.
Result<WaitCheck> poll(Session& s, const std::string& id, Target target) {
  return s.retrying("check instance state", [&] {
    return target == Target::Running ? check_running_and_ok(s, id) : check_state(s, id, target);
  });
}

/// Sends a state change. IncorrectInstanceState is fine when the instance is already in one of
/// `done_states` (an earlier attempt whose answer was lost already did the work).
Status instance_call(Session& s, std::string_view what,
                     Result<InstanceStateResponse> (*op)(const Client&, const InstanceStateRequest&),
                     const std::string& id, std::initializer_list<std::string_view> done_states) {
  InstanceStateRequest request;
  request.instance_ids = {id};
  auto done = s.retrying(what, [&] { return op(s.client(), request); }, {"InvalidInstanceID.NotFound"});
  if (done) return {};
  if (done.error().code != "IncorrectInstanceState") return done.error();
  auto now = s.retrying("describe instance", [&] { return describe_one(s, id); });
  if (now && *now) {
    std::string state = state_of(**now);
    for (auto ok : done_states)
      if (state == ok) return {};
  }
  return done.error();
}

}  // namespace

Result<Instance> wait_for(Session& s, const std::string& id, Target target) {
  std::string what = fmt::format("{} to {}", id, describe_target(target));
  WaiterOptions options;
  options.description = what;
  options.delay = s.poll_interval();
  options.max_attempts = 0;
  options.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(s.options().timeout);
  options.retry_codes = {"InvalidInstanceID.NotFound"};
  options.progress_interval = std::chrono::milliseconds(250);
  options.progress = [&](const WaitProgress& p) { s.progress().waiting(what, p.state, p.elapsed); };
  auto waited = wait_until(s.client().clock(), s.client().random(), options,
                           [&] { return poll(s, id, target); });
  s.progress().finish_wait();
  if (!waited) return waited.error();
  auto instance = s.retrying("describe instance", [&] { return describe_one(s, id); });
  if (!instance) return instance.error();
  if (!*instance) {
    Instance gone;
    gone.instance_id = id;
    gone.state = InstanceState{48, std::string("terminated")};
    return gone;
  }
  return std::move(**instance);
}

Error explain_launch_error(const Session& s, Error e) {
  if (e.code == "InvalidParameterValue" && (e.message.find("nstanceType") != std::string::npos ||
                                            e.message.find("instance type") != std::string::npos))
    e.message = fmt::format("instance type '{}' is not available in region {} ({})",
                            s.options().instance_type, s.region(), e.message);
  return e;
}

Result<Instance> launch_instance(Session& s, const KeyMaterial& key, const Image& image,
                                 const std::string& group_id) {
  auto user_data = read_user_data(s.options());
  if (!user_data) return user_data.error();
  RunInstancesRequest request;
  request.image_id = image.image_id.value_or("");
  request.instance_type = s.options().instance_type;
  request.key_name = s.key();
  request.security_group_ids = {group_id};
  if (!user_data->empty()) request.user_data = *user_data;
  request.tag_specifications = {{"instance", owner_tags(s.key())}};
  std::string after;
  for (int i = 0; i < kMaxTokenChain; ++i) {
    request.client_token = client_token(s.key(), key.fingerprint, after);
    auto ran = s.retrying("run instance", [&] { return run_instances(s.client(), request); });
    if (!ran && ran.error().code == "IdempotentInstanceTerminated") {
      // The token's instance is gone (EC2 no longer names it): derive the next token from this one.
      after = *request.client_token;
      continue;
    }
    if (!ran) return explain_launch_error(s, ran.error());
    if (!ran->reservation.instances || ran->reservation.instances->empty())
      return make_error(ErrorCategory::Parse, "EmptyReservation", "RunInstances returned no instance");
    Instance instance = ran->reservation.instances->front();
    std::string state = state_of(instance);
    if (state != "terminated" && state != "shutting-down") return instance;
    // This token already made an instance that has since been terminated: take the next one.
    after = instance.instance_id.value_or("");
  }
  return make_error(ErrorCategory::Client, "ClientTokenChainExhausted",
                    "Too many terminated instances for this key pair; run 'ec2 -r' to start afresh.");
}

Status start_instance(Session& s, const std::string& id) {
  return instance_call(s, "start instance", start_instances, id, {"pending", "running"});
}

Status stop_instance(Session& s, const std::string& id) {
  return instance_call(s, "stop instance", stop_instances, id, {"stopping", "stopped"});
}

Status terminate_instance(Session& s, const std::string& id) {
  return instance_call(s, "terminate instance", terminate_instances, id,
                       {"shutting-down", "terminated"});
}

Result<std::string> read_user_data(const Options& options) {
  if (!options.user_data_file) return std::string();
  std::ifstream in(*options.user_data_file, std::ios::binary);
  if (!in)
    return make_error(ErrorCategory::Io, "UserDataUnreadable",
                      fmt::format("Cannot read user data file {}.", *options.user_data_file));
  std::string data((std::istreambuf_iterator<char>(in)), {});
  if (data.size() > kMaxUserData)
    return make_error(ErrorCategory::Client, "UserDataTooLarge",
                      fmt::format("User data file {} is {} bytes; EC2 accepts at most 16 KiB.",
                                  *options.user_data_file, data.size()));
  return data;
}

}  // namespace ec2::cli
