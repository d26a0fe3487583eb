// `ec2 -r`: the removal flow (declared in commands.h). Order matters for crash safety: the
// instance goes first, then the security group it used, then the key pair in AWS, and the local
// private key last — so a run killed at any point leaves either a usable key or nothing.
#include <fmt/format.h>

#include "commands.h"
#include "ec2/ops/instances.h"
#include "ec2/ops/keypairs.h"
#include "ec2/ops/security_groups.h"
#include "instance_actions.h"
#include "ownership.h"
#include "resources.h"

namespace ec2::cli {
namespace {

/// What one removal found and did, for the summary.
struct Removal {
  std::vector<std::string> removed;
  std::vector<std::string> would_remove;  ///< For --dry-run.
};

std::vector<Instance> live_instances(const OwnedInstances& owned) {
  std::vector<Instance> live;
  if (owned.current) live.push_back(*owned.current);
  live.insert(live.end(), owned.extra.begin(), owned.extra.end());
  return live;
}

Status remove_instances(Session& s, const OwnedInstances& owned, Removal& r) {
  std::vector<Instance> live = live_instances(owned);
  for (const auto& instance : live) {
    std::string id = instance.instance_id.value_or("");
    if (s.options().dry_run) {
      InstanceStateRequest request;
      request.instance_ids = {id};
      request.dry_run = true;
      auto checked = terminate_instances(s.client(), request);
      if (!checked && !is_dry_run_success(checked.error())) return checked.error();
      r.would_remove.push_back(fmt::format("instance {}", id));
      continue;
    }
    EC2_TRY(terminate_instance(s, id));
    s.progress().note(fmt::format("Terminating instance {}.", id));
    r.removed.push_back(fmt::format("instance {}", id));
  }
  if (s.options().dry_run || s.options().no_wait) return {};
  live.insert(live.end(), owned.shutting_down.begin(), owned.shutting_down.end());
  for (const auto& instance : live) {
    auto done = wait_for(s, instance.instance_id.value_or(""), Target::Terminated);
    if (!done) return done.error();
  }
  return {};
}

Status remove_group(Session& s, bool instances_may_linger, Removal& r) {
  auto group = find_security_group(s);
  if (!group) return group.error();
  if (!*group) return {};
  std::string id = (*group)->group_id.value_or("");
  if (!owned_by((*group)->tags.value_or(Tags{}), s.key())) {
    s.progress().warn(fmt::format("Security group {} ({}) was not created by ec2 for key '{}'; left alone.",
                                  security_group_name(s.key()), id, s.key()));
    return {};
  }
  if (s.options().dry_run) {
    r.would_remove.push_back(fmt::format("security group {}", id));
    return {};
  }
  if (instances_may_linger) {
    s.progress().warn(fmt::format("Security group {} is kept while the instance shuts down "
                                  "(--no-wait); run 'ec2 -r' again later to delete it.", id));
    return {};
  }
  DeleteSecurityGroupRequest request;
  request.group_id = id;
  // DependencyViolation: the terminated instance can hold the group for a short while.
  auto deleted = s.retrying("delete security group",
                            [&] { return delete_security_group(s.client(), request); },
                            {"DependencyViolation"});
  if (!deleted && deleted.error().code != "InvalidGroup.NotFound") return deleted.error();
  r.removed.push_back(fmt::format("security group {}", id));
  return {};
}

/// Deletes the key pair (when it is the tool's or matches the local key) and the local file.
Status remove_keys(Session& s, Removal& r) {
  auto pair = find_key_pair(s);
  if (!pair) return pair.error();
  auto local = read_local_key(s);
  bool have_file = local && *local;
  bool ours = *pair && (owned_by((*pair)->tags.value_or(Tags{}), s.key()) ||
                        (have_file && key_matches(**pair, **local)));
  if (*pair && !ours) {
    s.progress().warn(fmt::format("Key pair '{}' was not created by ec2 and does not match {}; left "
                                  "alone, and so is the local file.", s.key(), s.store().path_for(s.key())));
    return {};
  }
  if (s.options().dry_run) {
    if (*pair) r.would_remove.push_back(fmt::format("key pair {}", s.key()));
    if (have_file || !local) r.would_remove.push_back(fmt::format("key file {}", s.store().path_for(s.key())));
    return {};
  }
  if (*pair) {
    DeleteKeyPairRequest request;
    request.key_name = s.key();
    auto deleted = s.retrying("delete key pair", [&] { return delete_key_pair(s.client(), request); });
    if (!deleted && deleted.error().code != "InvalidKeyPair.NotFound") return deleted.error();
    r.removed.push_back(fmt::format("key pair {}", s.key()));
  }
  // A file that is not a usable key (e.g. cut short by a crash) goes too: it is the tool's file.
  auto text = s.store().read(s.key());
  if (text && *text) {
    EC2_TRY(s.store().remove(s.key()));
    r.removed.push_back(fmt::format("key file {}", s.store().path_for(s.key())));
  }
  return {};
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace

CommandResult run_remove(Session& s, std::FILE* out) {
  EC2_TRY(s.store().prepare());
  auto lock = KeyLock::acquire(s.store(), s.key());
  if (!lock) return lock.error();
  auto owned = find_owned_instances(s);
  if (!owned) return owned.error();
  Removal r;
  EC2_TRY(remove_instances(s, *owned, r));
  bool lingering = s.options().no_wait && !(live_instances(*owned).empty() && owned->shutting_down.empty());
  EC2_TRY(remove_group(s, lingering, r));
  EC2_TRY(remove_keys(s, r));
  std::string text;
  if (s.options().dry_run) {
    text = r.would_remove.empty() ? fmt::format("Dry run: nothing to remove for key '{}' in region {}.\n", s.key(), s.region())
                                  : fmt::format("Dry run: would remove {}.\n", join(r.would_remove));
  } else if (r.removed.empty()) {
    text = fmt::format("Nothing to remove for key '{}' in region {}.\n", s.key(), s.region());
  } else {
    text = fmt::format("Removed {}.\n", join(r.removed));
  }
  std::fputs(text.c_str(), out);
  return kExitOk;
}

}  // namespace ec2::cli
