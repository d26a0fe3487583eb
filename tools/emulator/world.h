#pragma once
/// The whole emulated cloud: one RegionState per account and served region, the emulated clock, the transition
/// scheduler and the id generator.
///
/// Locking rule: everything in a World is guarded by `World::mutex`. The dispatcher takes it once per
/// EC2 request (and per control call) and holds it while the handler runs, so handlers never lock
/// and must never block or sleep.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ids.h"
#include "keys.h"
#include "model.h"
#include "sim_clock.h"
#include "tag_store.h"

namespace ec2::emu {

struct Accounts;

/// A region of the standard list (DescribeRegions).
struct RegionInfo {
  std::string_view name;
  bool opt_in_required;  ///< Opt-in regions are listed with AllRegions but not served.
};

/// The standard commercial region list.
const std::vector<RegionInfo>& standard_regions();
/// True when `name` is a served (non-opt-in) standard region.
bool is_served_region(std::string_view name);

/// Everything of one region of one account. Maps are keyed by id (key pairs by name) so Describe output is
/// ordered and deterministic.
struct RegionState {
  std::string name;
  std::string account_id;  ///< The account owning everything in it.

  /// Instances in launch order (seq) plus an id index.
  std::map<uint64_t, Instance> instances;
  std::unordered_map<std::string, uint64_t> instance_index;
  std::map<std::string, KeyPair, std::less<>> key_pairs;
  std::map<std::string, Image, std::less<>> images;
  std::map<std::string, Vpc, std::less<>> vpcs;
  std::map<std::string, Subnet, std::less<>> subnets;
  std::map<std::string, SecurityGroup, std::less<>> security_groups;
  std::map<std::string, VpcPeering, std::less<>> peerings;
  std::map<std::string, ClientTokenRecord, std::less<>> client_tokens;
  TagStore tags;

  /// What stable ids of this region's fixed resources derive from: the region name, prefixed with
  /// the account id for every account but the default one (whose ids are as they always were).
  std::string stable_base() const;
  /// `<region>a`, `<region>b`, `<region>c`.
  std::vector<std::string> zones() const;
  /// The instance with `id`, or nullptr.
  Instance* find_instance(std::string_view id);
  const Instance* find_instance(std::string_view id) const;
  /// Adds `instance` (its seq must be set) and indexes it.
  Instance& add_instance(Instance instance);
  /// Removes instance `id` and its tags.
  void remove_instance(std::string_view id);
  /// The default VPC (always present unless deleted), or nullptr.
  const Vpc* default_vpc() const;
  /// The default subnet of zone `az` in the default VPC, or nullptr.
  const Subnet* default_subnet(std::string_view az) const;
  /// The security group named `name` in `vpc_id`, or nullptr.
  const SecurityGroup* find_group_by_name(std::string_view vpc_id, std::string_view name) const;
};

/// The account id of the resources the calling thread works on: the account World::select_account
/// last selected in this thread (the default account before any selection). Filters and XML
/// writers use it for `ownerId`.
std::string_view active_account_id();

/// One account's regions.
struct AccountState {
  std::string id;
  std::map<std::string, RegionState, std::less<>> regions;
};

class World {
 public:
  /// A fresh world (defaults in every served region) whose ids derive from `seed`.
  explicit World(uint64_t seed = 1, std::shared_ptr<ec2::Clock> base_clock = ec2::system_clock());

  /// Guards everything below (see the locking rule above).
  std::mutex mutex;

  /// Declares the accounts besides the default one (kAccountId); call before reset().
  void set_accounts(std::vector<std::string> ids);
  /// Every account id, the default one included, sorted.
  std::vector<std::string> account_ids() const;
  /// Makes `id` the account that region(), regions() and schedule() refer to (lock held); false
  /// when the account is unknown (the selection is then unchanged).
  bool select_account(std::string_view id);
  /// The selected account's id.
  const std::string& account_id() const { return active_->id; }
  /// The state of region `name` of the selected account, or nullptr when it is not served.
  RegionState* region(std::string_view name);
  /// The selected account's regions.
  std::map<std::string, RegionState, std::less<>>& regions() { return active_->regions; }
  /// Region `name` of account `account`, or nullptr.
  RegionState* region_of(std::string_view account, std::string_view name);

  TimePoint now() const { return clock.now(); }
  /// Schedules `kind` event for resource `id` of `region` (of the selected account) at `at`.
  void schedule(std::string_view region, std::string_view kind, std::string_view id, TimePoint at,
                bool expiry = false);
  /// Next launch sequence number.
  uint64_t next_seq() { return ++last_seq_; }
  uint64_t last_seq() const { return last_seq_; }
  void set_last_seq(uint64_t seq) { last_seq_ = seq; }

  /// Forgets everything and recreates the per-region defaults (ids restart from the seed).
  void reset();

  SimClock clock;
  Timings timings;
  /// The accounts file (null without --accounts): instance profiles for RunInstances.
  const Accounts* accounts = nullptr;
  /// How new key pairs are fingerprinted and described (test-only switches; not saved).
  KeyPairStyle key_pair_style;
  Scheduler scheduler;
  IdGenerator ids;

  /// Private IPv4 addresses handed out so far per subnet (for stable, unique private IPs).
  std::unordered_map<std::string, uint32_t> subnet_next_host;
  /// Public IPv4 addresses handed out so far (each start gets a new one).
  uint64_t public_ips_issued = 0;

 private:
  void create_defaults(RegionState& region);

  uint64_t seed_;
  uint64_t last_seq_ = 0;
  std::vector<std::string> extra_accounts_;
  std::map<std::string, AccountState, std::less<>> accounts_;
  AccountState* active_ = nullptr;
};

/// Adds the image catalogue of `region` (fixed list, ids stable per region).
void add_image_catalogue(RegionState& region);

}  // namespace ec2::emu
