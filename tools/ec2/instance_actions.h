#pragma once
/// Launching, starting, stopping and terminating the key's instance, and waiting for it (with
/// progress on stderr and the `--timeout` limit).

#include <string>

#include "ec2/model/image.h"
#include "ec2/model/instance.h"
#include "key_material.h"
#include "session.h"

namespace ec2::cli {

/// What a wait is for.
enum class Target {
  Running,     ///< running and both status checks ok
  RunningOnly, ///< running (status checks not awaited; used before stopping a pending instance)
  Stopped,
  Terminated,  ///< terminated, or gone from DescribeInstances
};

/// Waits until instance `id` reaches `target`; returns the instance as last described.
/// Errors: code "WaiterTimeout" (after --timeout), "WaiterFailure" when it can no longer get there.
Result<Instance> wait_for(Session& session, const std::string& id, Target target);

/// RunInstances with the key pair's ClientToken (see client_token), the ownership tags and the
/// security group. When a token turns out to belong to an already terminated instance, the next
/// token of the chain is used, so the outcome is the same for every concurrent or repeated run.
Result<Instance> launch_instance(Session& session, const KeyMaterial& key, const Image& image,
                                 const std::string& group_id);

/// A RunInstances error, reworded when EC2 rejected the instance type (code and request id kept).
Error explain_launch_error(const Session& session, Error error);

/// StartInstances / StopInstances / TerminateInstances for one instance, retried.
Status start_instance(Session& session, const std::string& id);
Status stop_instance(Session& session, const std::string& id);
Status terminate_instance(Session& session, const std::string& id);

/// Reads `--user-data FILE` (at most 16 KiB, EC2's limit), "" when not given.
Result<std::string> read_user_data(const Options& options);

}  // namespace ec2::cli
