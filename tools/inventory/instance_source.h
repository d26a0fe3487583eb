#pragma once
/// The contract between the fetch layer and the two output modes of ec2-inventory (ec2.ini and
/// aws_ec2.yml): what one instance looks like once fetched, and how instances are fetched.
///
/// Fetching queries every (region × filter set) pair in parallel, converts each DescribeInstances
/// page into records as soon as it arrives (the XML page is dropped right after), and hands back
/// the records in a deterministic order: regions in the order asked for, then filter sets in
/// order, then the order EC2 returned. An instance matched by several filter sets appears once.

#include <algorithm>
#include <any>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/client.h"
#include "ec2/model/instance.h"
#include "ec2/result.h"
#include "ec2/types.h"

namespace ec2::inventory {

/// The account of a many-account run (aws_ec2.yml `ec2_inventory.accounts`) a record was fetched in.
struct AccountInfo {
  size_t index = 0;      ///< Position among the run's accounts (config or ListAccounts order).
  std::string id;        ///< 12-digit account id.
  std::string name;      ///< Organizations account Name in organization form, else the id.
  std::string role_arn;  ///< The role the account was read with.
};

/// One instance as DescribeInstances returned it: records fetched without a prepare hook carry the
/// typed instance, records fetched with one what the hook kept (`prepared`), records made by hand
/// (tests) its JSON.
struct InstanceRecord {
  std::string region;       ///< The region it was fetched from.
  nlohmann::json instance;  ///< botocore-shaped dict, as boto3 returns it: "InstanceId",
                            ///< "State": {"Code", "Name"}, "Tags": [{"Key", "Value"}],
                            ///< "LaunchTime" (ISO 8601 text), "Placement": {...}, ...
                            ///< Null when `typed` is set.
  std::string owner_id;        ///< OwnerId of its reservation.
  std::string requester_id;    ///< RequesterId of its reservation (often empty).
  std::string reservation_id;  ///< ReservationId of its reservation.
  std::shared_ptr<const Instance> typed;  ///< The instance as parsed, when fetched from EC2.
  std::string id;  ///< Its instance id, set when fetched (also when no typed instance is kept).
  /// What FetchRequest::prepare derived from the instance while its page was at hand (a type of
  /// the output mode's own); empty when no hook ran.
  std::any prepared;
  /// The instance's element in its DescribeInstances page while FetchRequest::prepare runs
  /// (read it with `visit_xml` or `to_ordered_json_from_xml`); null otherwise.
  pugi::xml_node xml;
  /// The account it was fetched in, in a many-account run; null otherwise.
  std::shared_ptr<const AccountInfo> account;
};

/// The record's instance as boto3's dict (from `typed` when set, else `instance`).
inline nlohmann::json instance_json(const InstanceRecord& record) {
  return record.typed ? to_json(*record.typed) : record.instance;
}

/// The record's instance id ("" when it has none).
inline std::string instance_id(const InstanceRecord& record) {
  if (!record.id.empty()) return record.id;
  if (record.typed) return record.typed->instance_id.value_or("");
  auto id = record.instance.find("InstanceId");
  return id != record.instance.end() && id->is_string() ? id->get<std::string>() : std::string();
}

/// What to fetch.
struct FetchRequest {
  std::vector<std::string> regions;   ///< Queried in parallel; order kept in the result.
  std::vector<Filters> filter_sets;   ///< One DescribeInstances query per set and region; the
                                      ///< results are OR-ed. Empty: one unfiltered query.
  /// False: a region answering UnauthorizedOperation, AccessDenied or AuthFailure is skipped
  /// with a warning on stderr instead of failing the whole fetch.
  bool strict_permissions = true;
  int max_parallel = 16;  ///< Upper bound on concurrent DescribeInstances streams (threads).
  /// When set, pages are not mapped to typed instances: every record is handed to `prepare` as
  /// soon as its page is parsed, with `xml` set and `typed` null, on the fetching thread (so
  /// concurrently for different streams). The record keeps what `prepare` puts in `prepared`
  /// (besides region, id and reservation members): the fleet never sits in memory as parsed
  /// instances, and no instance is built that is not needed.
  std::function<void(InstanceRecord&)> prepare;
};

/// Where instances come from. The real one talks to EC2; tests substitute canned records.
class InstanceSource {
 public:
  virtual ~InstanceSource() = default;

  /// Every instance of every account and region of `request`, deduplicated by (account, region,
  /// instance id), in order: accounts, then regions, then filter sets. A region that fails fails
  /// the whole fetch with an error naming the account (when there are several), the region, the
  /// AWS code and the request id (except permission errors when `strict_permissions` is false).
  virtual Result<std::vector<InstanceRecord>> fetch(const FetchRequest& request) = 0;

  /// The region names DescribeRegions returns (enabled regions only), in its order.
  virtual Result<std::vector<std::string>> describe_regions() = 0;
};

/// Receives warnings (skipped regions). Defaults to writing `warning: ...` lines on stderr.
using WarningSink = std::function<void(const std::string& message)>;

/// An InstanceSource backed by `client` (each region gets `client.for_region(region)`).
std::unique_ptr<InstanceSource> make_ec2_source(Client client, WarningSink warn = {});

/// Bounds the HTTP requests in flight of a whole run: a counting semaphore. Thread-safe.
class RequestGate {
 public:
  explicit RequestGate(int slots) : free_(std::max(slots, 1)) {}
  void enter();
  void leave();

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  int free_;
};

/// `inner` with every request passing through `gate` (a slot held while it is sent).
std::shared_ptr<HttpTransport> gated_transport(std::shared_ptr<HttpTransport> inner, std::shared_ptr<RequestGate> gate);

/// One account of a many-account source: who it is and the client of its role.
struct AccountTarget {
  std::shared_ptr<const AccountInfo> account;
  Client client;
};

/// An InstanceSource over several accounts: every (account × region × filter set) stream runs at
/// once on up to FetchRequest::max_parallel threads, each stream's requests passing through `gate`
/// (none when null). DescribeRegions asks the first account.
std::unique_ptr<InstanceSource> make_accounts_source(std::vector<AccountTarget> targets,
                                                     std::shared_ptr<RequestGate> gate, WarningSink warn = {});

/// A client configured as the AWS CLI would be from `overrides` and `env`, starting in us-east-1
/// when no region is configured anywhere (each query names its region).
Result<Client> open_client(const ConfigOverrides& overrides, const Environment& env);

/// An EC2 source configured as the AWS CLI would be from `overrides` and `env`. With no region
/// configured anywhere it starts in us-east-1 (as both inventories did): each query names its region.
Result<std::unique_ptr<InstanceSource>> open_ec2_source(const ConfigOverrides& overrides, const Environment& env);

/// Receives --debug lines: the profile, region, endpoint and credential provider of each source
/// opened, and a redacted trace of every HTTP exchange (STS included). Empty (the default): none.
using DebugSink = std::function<void(std::string_view line)>;
/// Sets where open_ec2_source sends --debug lines (call before opening sources).
void set_debug_sink(DebugSink sink);
/// Where --debug lines go (empty: nowhere), for sources opened by the modes themselves.
DebugSink& debug_sink();

/// Appends the instances of one DescribeInstances page of `region`, still as XML, to `out`: each
/// record is handed to `prepare` while its element is at hand (FetchRequest::prepare), and keeps
/// only what `prepare` left. Fails on a reservation whose ids do not read.
Status append_xml_page(const std::string& region, const pugi::xml_document& page,
                       const std::function<void(InstanceRecord&)>& prepare, std::vector<InstanceRecord>& out);

/// True for the AWS error codes that mean "not allowed here": UnauthorizedOperation,
/// AccessDenied, AccessDeniedException and AuthFailure.
bool is_permission_error(const Error& error);

}  // namespace ec2::inventory
