#include "resources.h"

#include <algorithm>

#include <fmt/format.h>

#include "checkip.h"
#include "ec2/ops/images.h"
#include "ec2/ops/instances.h"
#include "ec2/ops/keypairs.h"
#include "ec2/ops/security_groups.h"
#include "image_choice.h"
#include "key_match.h"
#include "ownership.h"

namespace ec2::cli {
namespace {

Error key_mismatch(Session& s, std::string why) {
  return make_error(
      ErrorCategory::Client, "KeyMismatch",
      fmt::format("{} Either put the matching private key at {}, or, if the instance of key '{}' "
                  "is no longer needed, run 'ec2 -r -k {}' to remove it and its key pair, or use "
                  "another key name with -k.",
                  why, s.store().path_for(s.key()), s.key(), s.key()));
}

bool live_state(const std::string& state) {
  return state == "pending" || state == "running" || state == "stopping" || state == "stopped";
}

bool launched_before(const Instance& a, const Instance& b) {
  if (a.launch_time != b.launch_time) return a.launch_time < b.launch_time;
  return a.instance_id < b.instance_id;
}

/// Imports the local public key, tagged as the tool's. A Duplicate answer (an earlier attempt
/// that succeeded, or a concurrent run) is fine when the existing pair is this key.
Status import_local_key(Session& s, const KeyMaterial& local) {
  ImportKeyPairRequest request;
  request.key_name = s.key();
  request.public_key_material = local.public_key_line;
  request.tag_specifications = {{"key-pair", owner_tags(s.key())}};
  auto imported = s.retrying("import key pair", [&] { return import_key_pair(s.client(), request); });
  if (imported) {
    s.progress().note(fmt::format("Imported key pair '{}' ({}).", s.key(), local.fingerprint));
    return {};
  }
  if (imported.error().code != "InvalidKeyPair.Duplicate") return imported.error();
  auto pair = s.retrying("describe key pairs", [&] {
    auto found = find_key_pair(s);
    if (found && !*found)
      return Result<std::optional<KeyPairInfo>>(
          make_error(ErrorCategory::NotFound, "InvalidKeyPair.NotFound", "not visible yet"));
    return found;
  }, {"InvalidKeyPair.NotFound"});
  if (!pair) return pair.error();
  if (!key_matches(**pair, local))
    return key_mismatch(s, fmt::format("Key pair '{}' was just created elsewhere with another key.", s.key()));
  return {};
}

/// Generates a key and writes its private half; the caller imports it afterwards.
Result<KeyMaterial> create_local_key(Session& s) {
  EC2_TRY(s.store().prepare());
  auto key = generate_key(s.options().key_type, s.key());
  if (!key) return key.error();
  auto written = s.store().write_new(s.key(), key->private_key_file);
  if (!written) return written.error();
  s.progress().note(fmt::format("Wrote private key {}.", s.store().path_for(s.key())));
  return key;
}

}  // namespace

std::string state_of(const Instance& instance) {
  return instance.state && instance.state->name ? *instance.state->name : "";
}

Result<OwnedInstances> find_owned_instances(Session& s) {
  DescribeInstancesRequest request;
  request.filters = {{"tag:" + std::string(kOwnerTagKey), {s.key()}},
                     {"instance-state-name",
                      {"pending", "running", "stopping", "stopped", "shutting-down"}}};
  auto found = s.retrying("describe instances",
                          [&] { return describe_instances_all(s.client(), request); });
  if (!found) return found.error();
  std::vector<Instance> live;
  OwnedInstances owned;
  for (auto& reservation : found->reservations) {
    if (!reservation.instances) continue;
    for (auto& instance : *reservation.instances) {
      // Double-check ownership locally: only instances carrying both marks are ours.
      if (!instance.tags || !owned_by(*instance.tags, s.key()) || instance.key_name != s.key()) continue;
      std::string state = state_of(instance);
      if (live_state(state)) {
        live.push_back(std::move(instance));
      } else if (state == "shutting-down") {
        owned.shutting_down.push_back(std::move(instance));
      }
    }
  }
  std::sort(live.begin(), live.end(), launched_before);
  if (!live.empty()) {
    owned.current = std::move(live.front());
    owned.extra.assign(std::make_move_iterator(live.begin() + 1), std::make_move_iterator(live.end()));
  }
  return owned;
}

Result<std::optional<KeyPairInfo>> find_key_pair(Session& s) {
  DescribeKeyPairsRequest request;
  request.key_names = {s.key()};
  request.include_public_key = true;
  auto found = s.retrying("describe key pairs", [&] { return describe_key_pairs(s.client(), request); });
  if (!found) {
    if (found.error().code == "InvalidKeyPair.NotFound") return std::optional<KeyPairInfo>();
    return found.error();
  }
  for (auto& pair : found->key_pairs)
    if (pair.key_name == s.key()) return std::optional<KeyPairInfo>(std::move(pair));
  return std::optional<KeyPairInfo>();
}

Result<std::optional<KeyMaterial>> read_local_key(Session& s) {
  auto text = s.store().read(s.key());
  if (!text) return text.error();
  if (!*text) return std::optional<KeyMaterial>();
  auto key = parse_private_key(**text, s.key());
  if (!key)
    return make_error(ErrorCategory::Client, "KeyFileUnusable",
                      fmt::format("{} is not a usable private key ({}). Move it away or use "
                                  "another key name with -k.",
                                  s.store().path_for(s.key()), key.error().message));
  return std::optional<KeyMaterial>(std::move(*key));
}

bool key_matches(const KeyPairInfo& pair, const KeyMaterial& local) {
  return same_key(pair.public_key.value_or(""), pair.key_fingerprint.value_or(""), local);
}

Result<KeyMaterial> ensure_key_pair(Session& s) {
  auto local = read_local_key(s);
  if (!local) return local.error();
  auto pair = find_key_pair(s);
  if (!pair) return pair.error();
  if (*pair) {
    if (!*local)
      return key_mismatch(s, fmt::format("Key pair '{}' exists in region {}, but its private key {} "
                                         "is missing.", s.key(), s.region(),
                                         s.store().path_for(s.key())));
    if (!key_matches(**pair, **local))
      return key_mismatch(s, fmt::format("Key pair '{}' in region {} (fingerprint {}) is not the key "
                                         "in {} (fingerprint {}).", s.key(), s.region(),
                                         (*pair)->key_fingerprint.value_or("?"),
                                         s.store().path_for(s.key()), (*local)->fingerprint));
    return std::move(**local);
  }
  KeyMaterial key;
  if (*local) {
    key = std::move(**local);
  } else {
    auto created = create_local_key(s);
    if (!created) return created.error();
    key = std::move(*created);
  }
  EC2_TRY(import_local_key(s, key));
  return key;
}

Result<std::optional<SecurityGroup>> find_security_group(Session& s) {
  DescribeSecurityGroupsRequest request;
  request.filters = {{"group-name", {security_group_name(s.key())}}};
  auto found = s.retrying("describe security groups",
                          [&] { return describe_security_groups_all(s.client(), request); });
  if (!found) return found.error();
  for (auto& group : found->security_groups)
    if (group.group_name == security_group_name(s.key()))
      return std::optional<SecurityGroup>(std::move(group));
  return std::optional<SecurityGroup>();
}

/// Description of the SSH rules the tool authorizes; it marks them as the tool's to revoke.
static constexpr const char* kSshRuleDescription = "ssh from ec2 user";

/// True when `group` already lets TCP 22 in from `cidr`.
static bool allows_ssh_from(const SecurityGroup& group, const std::string& cidr) {
  for (const auto& perm : group.ip_permissions.value_or(std::vector<IpPermission>{})) {
    bool tcp22 = (perm.ip_protocol == "tcp" || perm.ip_protocol == "6") && perm.from_port &&
                 perm.to_port && *perm.from_port <= 22 && *perm.to_port >= 22;
    bool all = perm.ip_protocol == "-1";
    if (!tcp22 && !all) continue;
    for (const auto& range : perm.ip_ranges.value_or(std::vector<IpRange>{}))
      if (range.cidr_ip == cidr) return true;
  }
  return false;
}

/// TCP 22 from `ranges`.
static IpPermission ssh_permission(std::vector<IpRange> ranges) {
  IpPermission perm;
  perm.ip_protocol = "tcp";
  perm.from_port = 22;
  perm.to_port = 22;
  perm.ip_ranges = std::move(ranges);
  return perm;
}

/// The tool's own TCP 22 rules for other sources than `cidr` (an address the caller had before).
static std::vector<std::string> stale_ssh_sources(const SecurityGroup& group, const std::string& cidr) {
  std::vector<std::string> stale;
  for (const auto& perm : group.ip_permissions.value_or(std::vector<IpPermission>{})) {
    if (perm.ip_protocol != "tcp" || perm.from_port != 22 || perm.to_port != 22) continue;
    for (const auto& range : perm.ip_ranges.value_or(std::vector<IpRange>{})) {
      if (range.description == kSshRuleDescription && range.cidr_ip && *range.cidr_ip != cidr)
        stale.push_back(*range.cidr_ip);
    }
  }
  return stale;
}

/// Revokes the rules `stale_ssh_sources` found, so SSH stays open to the current address only.
static Status revoke_stale_ssh(Session& s, const std::string& id, const std::vector<std::string>& sources) {
  if (sources.empty()) return {};
  RevokeSecurityGroupIngressRequest request;
  request.group_id = id;
  std::vector<IpRange> ranges;
  for (const std::string& source : sources) ranges.push_back({source, std::nullopt});
  request.ip_permissions = {ssh_permission(std::move(ranges))};
  auto revoked = s.retrying("revoke old SSH ingress", [&] {
    return revoke_security_group_ingress(s.client(), request);
  });
  if (!revoked && revoked.error().code != "InvalidPermission.NotFound") return revoked.error();
  s.progress().note(fmt::format("Security group {} no longer allows SSH from {}.", id,
                                fmt::join(sources, ", ")));
  return {};
}

/// Creates the group; a Duplicate (earlier attempt or concurrent run) means it exists.
static Result<std::string> create_group(Session& s) {
  CreateSecurityGroupRequest request;
  request.group_name = security_group_name(s.key());
  request.description = fmt::format("SSH access to the instance of key {} (managed by ec2)", s.key());
  request.tag_specifications = {{"security-group", owner_tags(s.key())}};
  auto created = s.retrying("create security group",
                            [&] { return create_security_group(s.client(), request); });
  if (created && created->group_id) {
    s.progress().note(fmt::format("Created security group {} ({}).", request.group_name,
                                  *created->group_id));
    return *created->group_id;
  }
  if (created || created.error().code != "InvalidGroup.Duplicate") {
    return created ? Result<std::string>(make_error(ErrorCategory::Parse, "MissingGroupId",
                                                    "CreateSecurityGroup returned no group id"))
                   : Result<std::string>(created.error());
  }
  auto group = s.retrying("describe security groups", [&] {
    auto g = find_security_group(s);
    if (g && !*g)
      return Result<std::optional<SecurityGroup>>(
          make_error(ErrorCategory::NotFound, "InvalidGroup.NotFound", "not visible yet"));
    return g;
  }, {"InvalidGroup.NotFound"});
  if (!group) return group.error();
  return (*group)->group_id.value_or("");
}

Result<std::string> ensure_security_group(Session& s, const std::string& cidr) {
  auto group = find_security_group(s);
  if (!group) return group.error();
  std::string id;
  std::vector<std::string> stale;
  if (*group) {
    id = (*group)->group_id.value_or("");
    stale = stale_ssh_sources(**group, cidr);
    if (allows_ssh_from(**group, cidr)) {
      EC2_TRY(revoke_stale_ssh(s, id, stale));
      return id;
    }
  } else {
    auto created = create_group(s);
    if (!created) return created.error();
    id = *created;
  }
  AuthorizeSecurityGroupIngressRequest request;
  request.group_id = id;
  request.ip_permissions = {ssh_permission({{cidr, std::string(kSshRuleDescription)}})};
  auto authorized = s.retrying("authorize SSH ingress", [&] {
    return authorize_security_group_ingress(s.client(), request);
  }, {"InvalidGroup.NotFound"});
  if (!authorized && authorized.error().code != "InvalidPermission.Duplicate") return authorized.error();
  s.progress().note(fmt::format("Security group {} allows SSH from {}.", id, cidr));
  EC2_TRY(revoke_stale_ssh(s, id, stale));
  return id;
}

Result<std::string> ssh_cidr(Session& s) {
  if (s.options().ssh_cidr) return *s.options().ssh_cidr;
  return caller_cidr(s.client().transport(), check_ip_url(s.env()));
}

Result<Image> resolve_image(Session& s) {
  ImageQuery query = image_query(s.options().ami, s.options().instance_type);
  DescribeImagesRequest request;
  request.owners = query.owners;
  if (!query.image_id.empty()) request.image_ids = {query.image_id};
  if (!query.name.empty()) request.filters.push_back({"name", {query.name}});
  if (!query.architecture.empty()) request.filters.push_back({"architecture", {query.architecture}});
  auto found = s.retrying("describe images", [&] { return describe_images(s.client(), request); });
  if (!found && found.error().code != "InvalidAMIID.NotFound" &&
      found.error().code != "InvalidAMIID.Malformed")
    return found.error();
  const Image* best = found ? newest_image(found->images) : nullptr;
  if (!best)
    return make_error(ErrorCategory::NotFound, "ImageNotFound",
                      fmt::format("No {} in region {}. Check --ami and --region.", query.describe(),
                                  s.region()));
  return *best;
}

Result<std::optional<Image>> describe_image(Session& s, const std::string& image_id) {
  DescribeImagesRequest request;
  request.image_ids = {image_id};
  auto found = s.retrying("describe images", [&] { return describe_images(s.client(), request); });
  if (!found) {
    if (found.error().code == "InvalidAMIID.NotFound") return std::optional<Image>();
    return found.error();
  }
  if (found->images.empty()) return std::optional<Image>();
  return std::optional<Image>(found->images.front());
}

}  // namespace ec2::cli
