#pragma once
/// ec2_vpc_peering: creates, accepts, rejects and deletes VPC peering connections and keeps their
/// tags, with the semantics of community.aws.ec2_vpc_peer (docs/ansible-vpc-peering.md). The
/// decisions live in `run`, which talks to EC2 only through `PeeringApi`, so tests can fake EC2.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/client.h"
#include "ec2/model/vpc_peering.h"
#include "ec2/ops/vpc_peering.h"
#include "ec2/vpc/tags.h"
#include "module.h"

namespace ec2::ansible::vpc_peering {

/// The module's options, converted.
struct Args {
  std::optional<std::string> vpc_id;
  std::optional<std::string> peer_vpc_id;
  std::optional<std::string> peer_region;
  std::optional<std::string> peer_owner_id;
  std::optional<std::string> peering_id;
  std::string state = "present";
  std::optional<vpc::TagMap> tags;  ///< nullopt: leave the tags alone.
  bool purge_tags = true;
  bool wait = false;
  std::chrono::seconds wait_timeout{600};
};

/// The module's argument spec (community.aws.ec2_vpc_peer's options, `wait_timeout`, the AWS
/// connection options, and its required_if rules).
ModuleSpec spec();

/// Converts the validated options; fails for what the argument spec cannot express (state absent
/// without peering_id or both VPC ids, a tag value that is a list or dict, wait_timeout < 1).
Result<Args> read_args(const Module& module);

/// The EC2 calls the module makes. `LiveApi` (live_api) sends them through libec2's VPC layer
/// (retries, NotFound mapping); tests substitute an in-memory EC2.
class PeeringApi {
 public:
  virtual ~PeeringApi() = default;
  /// Connections, in any state, requested by `vpc_id` towards `peer_vpc_id`.
  virtual Result<std::vector<VpcPeeringConnection>> find(const std::string& vpc_id,
                                                         const std::string& peer_vpc_id) = 0;
  /// One connection; nullopt when EC2 does not know it.
  virtual Result<std::optional<VpcPeeringConnection>> get(const std::string& id) = 0;
  virtual Result<VpcPeeringConnection> create(const CreateVpcPeeringConnectionRequest& request) = 0;
  virtual Status accept(const std::string& id) = 0;
  virtual Status reject(const std::string& id) = 0;
  /// False when the connection was already gone.
  virtual Result<bool> remove(const std::string& id) = 0;
  /// Brings the connection's tags to `tags` (see vpc::ensure_tags); sends nothing in check mode.
  virtual Result<vpc::EnsureTagsResult> ensure_tags(const std::string& id, const vpc::TagMap& tags,
                                                    bool purge, bool check_mode) = 0;
  /// Waits until the connection's status is one of `states` (vanished counts as "deleted").
  virtual Status wait(const std::string& id, const std::vector<std::string>& states,
                      std::chrono::seconds timeout) = 0;
};

/// The PeeringApi of a real (or emulated) EC2 endpoint. Waits poll every `poll_interval`.
std::unique_ptr<PeeringApi> live_api(const Client& client,
                                     std::chrono::milliseconds poll_interval = std::chrono::seconds(2));

/// Runs the module: the state's semantics, check mode (nothing is sent that changes EC2) and
/// `diff` when `diff_mode`. Every EC2 error becomes a failed result with the error's message.
ModuleExit run(const Args& args, PeeringApi& api, bool check_mode, bool diff_mode);

/// Statuses of a connection that exists and is not on its way out (initiating-request,
/// pending-acceptance, provisioning, active).
bool is_live(std::string_view status);

/// The `vpc_peering_connection` result: the boto3 shape snake_cased, `tags` as a dict (always).
nlohmann::json connection_result(const VpcPeeringConnection& connection);

}  // namespace ec2::ansible::vpc_peering
