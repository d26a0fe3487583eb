#include "commands.h"

#include <unistd.h>

#include <fmt/format.h>

#include "ec2/ops/common.h"
#include "ec2/ops/instances.h"
#include "instance_actions.h"
#include "report.h"
#include "resources.h"

namespace ec2::cli {
namespace {

void print(std::FILE* out, const std::string& text) {
  std::fputs(text.c_str(), out);
  std::fflush(out);
}

void on_lock_wait(std::string_view path) {
  std::fprintf(stderr, "Another ec2 run for this key is in progress (%.*s); waiting for it...\n",
               static_cast<int>(path.size()), path.data());
}

/// Prepares the key directory and takes the per-key lock.
Result<KeyLock> lock_key(Session& s) {
  EC2_TRY(s.store().prepare());
  return KeyLock::acquire(s.store(), s.key(), on_lock_wait);
}

void warn_extra(Session& s, const OwnedInstances& owned) {
  for (const auto& extra : owned.extra)
    s.progress().warn(fmt::format("Note: instance {} ({}) is tagged for key '{}' too; 'ec2 -r' "
                                  "removes it as well.",
                                  extra.instance_id.value_or("?"), state_of(extra), s.key()));
}

/// A DryRun call's outcome: DryRunOperation means it would have succeeded.
Status dry_run_outcome(Result<InstanceStateResponse> result) {
  if (result || !is_dry_run_success(result.error())) return result ? Status() : Status(result.error());
  return {};
}

Status dry_run_instance_call(Session& s, Result<InstanceStateResponse> (*op)(const Client&, const InstanceStateRequest&),
                             const std::string& id) {
  InstanceStateRequest request;
  request.instance_ids = {id};
  request.dry_run = true;
  return dry_run_outcome(op(s.client(), request));
}

/// `ec2 -d`: checks with DryRun what a real run would do; changes nothing.
CommandResult dry_run_ensure(Session& s, std::FILE* out) {
  auto owned = find_owned_instances(s);
  if (!owned) return owned.error();
  if (owned->current) {
    std::string id = owned->current->instance_id.value_or("");
    std::string state = state_of(*owned->current);
    if (state != "stopped") {
      print(out, fmt::format("Dry run: instance {} is {}; nothing checked beyond that.\n", id, state));
      return kExitOk;
    }
    EC2_TRY(dry_run_instance_call(s, start_instances, id));
    print(out, fmt::format("Dry run: StartInstances for {} would succeed; nothing changed.\n", id));
    return kExitOk;
  }
  auto image = resolve_image(s);
  if (!image) return image.error();
  auto pair = find_key_pair(s);
  if (!pair) return pair.error();
  auto group = find_security_group(s);
  if (!group) return group.error();
  RunInstancesRequest request;
  request.image_id = image->image_id.value_or("");
  request.instance_type = s.options().instance_type;
  if (*pair) request.key_name = s.key();
  if (*group && (*group)->group_id) request.security_group_ids = {*(*group)->group_id};
  request.dry_run = true;
  auto ran = run_instances(s.client(), request);
  if (ran || !is_dry_run_success(ran.error()))
    return ran ? make_error(ErrorCategory::Client, "DryRunIgnored", "EC2 ignored DryRun") : ran.error();
  print(out, fmt::format("Dry run: RunInstances would succeed ({} of {} {}); nothing created.\n",
                         s.options().instance_type, *image->image_id, image->name.value_or("")));
  return kExitOk;
}

/// The key's security group, letting SSH in from the caller's current address (or --ssh-cidr) and
/// no longer from the addresses `ec2` allowed before.
Result<std::string> ssh_group(Session& s) {
  auto cidr = ssh_cidr(s);
  if (!cidr) return cidr.error();
  return ensure_security_group(s, *cidr);
}

/// Starts a stopped (or stopping) instance with a current SSH rule, and returns it.
Result<Instance> start_existing(Session& s, const Instance& instance) {
  std::string id = instance.instance_id.value_or("");
  if (state_of(instance) == "stopping") {
    auto stopped = wait_for(s, id, Target::Stopped);
    if (!stopped) return stopped.error();
  }
  auto group = ssh_group(s);
  if (!group) return group.error();
  EC2_TRY(start_instance(s, id));
  s.progress().note(fmt::format("Starting instance {}.", id));
  return instance;
}

/// Checks with DryRun that EC2 would launch `image` as the requested type, before anything is
/// created (so an invalid instance type leaves no key pair or group behind).
Status preflight_launch(Session& s, const Image& image) {
  RunInstancesRequest request;
  request.image_id = image.image_id.value_or("");
  request.instance_type = s.options().instance_type;
  request.dry_run = true;
  auto ran = s.retrying("check instance launch", [&] { return run_instances(s.client(), request); });
  if (!ran && is_dry_run_success(ran.error())) return {};
  if (ran) return {};
  return explain_launch_error(s, ran.error());
}

/// Creates the security group and instance for the key.
Result<Instance> create_new(Session& s, const KeyMaterial& key, const Image& image) {
  auto group = ssh_group(s);
  if (!group) return group.error();
  auto instance = launch_instance(s, key, image, *group);
  if (!instance) return instance.error();
  s.progress().note(fmt::format("Launched instance {} ({}, {}).", instance->instance_id.value_or("?"),
                                s.options().instance_type, image.name.value_or(*image.image_id)));
  return instance;
}

/// The ensure flow up to a running instance; the result is the instance as last seen.
Result<Instance> bring_up(Session& s) {
  auto user_data = read_user_data(s.options());  // fail early on a bad file
  if (!user_data) return user_data.error();
  auto lock = lock_key(s);
  if (!lock) return lock.error();
  auto owned = find_owned_instances(s);
  if (!owned) return owned.error();
  warn_extra(s, *owned);
  std::optional<Image> image;
  if (!owned->current) {
    // Everything a new instance needs is checked before anything is created.
    auto resolved = resolve_image(s);
    if (!resolved) return resolved.error();
    EC2_TRY(preflight_launch(s, *resolved));
    image = std::move(*resolved);
  }
  auto key = ensure_key_pair(s);
  if (!key) return key.error();
  Result<Instance> instance = Instance{};
  std::string state = owned->current ? state_of(*owned->current) : "";
  if (!owned->current) {
    instance = create_new(s, *key, *image);
  } else if (state == "stopped" || state == "stopping") {
    instance = start_existing(s, *owned->current);
  } else {
    // A pending or running instance is left alone; only its SSH rule follows the caller's address.
    auto group = ssh_group(s);
    if (!group) return group.error();
    instance = *owned->current;
  }
  if (!instance || s.options().no_wait) return instance;
  return wait_for(s, instance->instance_id.value_or(""), Target::Running);
}

std::string outcome_text(Session& s, const Instance& instance) {
  std::string text = fmt::format("Instance {} {}.\n", instance.instance_id.value_or("?"),
                                 s.options().no_wait ? state_of(instance) : "running");
  if (instance.public_dns_name && !instance.public_dns_name->empty())
    text += *instance.public_dns_name + "\n";
  if (s.options().verbose) {
    auto report = make_report(instance, std::nullopt, s.region(), s.store().path_for(s.key()));
    if (auto image = describe_image(s, report.image_id); image && *image)
      report = make_report(instance, *image, s.region(), report.key_file);
    if (auto ssh = ssh_command_line(report); !ssh.empty()) text += ssh + "\n";
  }
  return text;
}

}  // namespace

CommandResult run_ensure(Session& s, std::FILE* out) {
  if (s.options().dry_run) return dry_run_ensure(s, out);
  auto instance = bring_up(s);
  if (!instance) return instance.error();
  print(out, outcome_text(s, *instance));
  return kExitOk;
}

CommandResult run_stop(Session& s, std::FILE* out) {
  auto lock = lock_key(s);
  if (!lock) return lock.error();
  auto owned = find_owned_instances(s);
  if (!owned) return owned.error();
  if (!owned->current) {
    s.progress().warn(fmt::format("No instance for key '{}' in region {}; nothing to stop.", s.key(), s.region()));
    return kExitOk;
  }
  warn_extra(s, *owned);
  std::string id = owned->current->instance_id.value_or("");
  std::string state = state_of(*owned->current);
  if (state == "stopped") {
    print(out, fmt::format("Instance {} is already stopped.\n", id));
    return kExitOk;
  }
  if (s.options().dry_run && state != "running") {
    print(out, fmt::format("Dry run: instance {} is {}; a real run would wait for it and stop it.\n", id, state));
    return kExitOk;
  }
  if (s.options().dry_run) {
    EC2_TRY(dry_run_instance_call(s, stop_instances, id));
    print(out, fmt::format("Dry run: StopInstances for {} would succeed; nothing changed.\n", id));
    return kExitOk;
  }
  if (state == "pending") {
    auto running = wait_for(s, id, Target::RunningOnly);
    if (!running) return running.error();
  }
  if (state != "stopping") {
    EC2_TRY(stop_instance(s, id));
    s.progress().note(fmt::format("Stopping instance {}.", id));
  }
  if (s.options().no_wait) {
    print(out, fmt::format("Instance {} stopping.\n", id));
    return kExitOk;
  }
  auto stopped = wait_for(s, id, Target::Stopped);
  if (!stopped) return stopped.error();
  print(out, fmt::format("Instance {} stopped.\n", id));
  return kExitOk;
}

CommandResult run_info(Session& s, std::FILE* out) {
  auto owned = find_owned_instances(s);
  if (!owned) return owned.error();
  if (!owned->current) {
    s.progress().warn(fmt::format("No instance for key '{}' in region {}.", s.key(), s.region()));
    return kExitNotFound;
  }
  const Instance& instance = *owned->current;
  if (s.options().verbose || s.options().json) {
    auto image = describe_image(s, instance.image_id.value_or(""));
    if (!image) return image.error();
    auto report = make_report(instance, *image, s.region(), s.store().path_for(s.key()));
    print(out, s.options().json ? describe_json(report).dump(2) + "\n" : describe_text(report));
    return kExitOk;
  }
  std::string dns = instance.public_dns_name.value_or("");
  if (dns.empty()) {
    s.progress().warn(fmt::format("Instance {} is {} and has no public DNS name.",
                                  instance.instance_id.value_or("?"), state_of(instance)));
    return kExitNotFound;
  }
  print(out, dns + "\n");
  return kExitOk;
}

CommandResult run_ssh(Session& s, std::FILE* out) {
  (void)out;  // the ssh session owns stdout; the outcome goes to stderr
  auto instance = bring_up(s);
  if (!instance) return instance.error();
  auto image = describe_image(s, instance->image_id.value_or(""));
  if (!image) return image.error();
  auto report = make_report(*instance, *image, s.region(), s.store().path_for(s.key()));
  std::string program = s.env().get("EC2_SSH").value_or("ssh");
  auto argv = ssh_argv(report, program.empty() ? "ssh" : program, s.options().ssh_command);
  if (argv.empty())
    return make_error(ErrorCategory::NotFound, "NoPublicAddress",
                      fmt::format("Instance {} has no public address to ssh to.", report.instance_id));
  s.progress().note(fmt::format("Connecting: {}", ssh_command_line(report)));
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  std::fflush(nullptr);
  ::execvp(args[0], args.data());
  return make_error(ErrorCategory::Io, "SshFailed",
                    fmt::format("Cannot run {}: {}", argv[0], std::strerror(errno)));
}

}  // namespace ec2::cli
