// ec2_vpc_peering: the EC2 calls of the module, through libec2's VPC layer.
#include "ec2/vpc/filters.h"
#include "ec2/vpc/layer.h"
#include "ec2/vpc/peering.h"
#include "ec2_vpc_peering.h"

namespace ec2::ansible::vpc_peering {
namespace {

class LiveApi final : public PeeringApi {
 public:
  LiveApi(const Client& client, std::chrono::milliseconds poll_interval)
      : client_(client), poll_interval_(poll_interval) {}

  Result<std::vector<VpcPeeringConnection>> find(const std::string& vpc_id,
                                                 const std::string& peer_vpc_id) override {
    vpc::FilterMap filters = {{"requester-vpc-info.vpc-id", vpc_id}, {"accepter-vpc-info.vpc-id", peer_vpc_id}};
    return vpc::describe_vpc_peering_connections(client_, {}, vpc::to_filters(filters));
  }

  Result<std::optional<VpcPeeringConnection>> get(const std::string& id) override {
    return vpc::get_vpc_peering_connection(client_, id);
  }

  Result<VpcPeeringConnection> create(const CreateVpcPeeringConnectionRequest& request) override {
    return vpc::create_vpc_peering_connection(client_, request);
  }

  Status accept(const std::string& id) override {
    auto accepted = vpc::accept_vpc_peering_connection(client_, id);
    if (!accepted) return accepted.error();
    return {};
  }

  Status reject(const std::string& id) override { return vpc::reject_vpc_peering_connection(client_, id); }

  Result<bool> remove(const std::string& id) override { return vpc::delete_vpc_peering_connection(client_, id); }

  Result<vpc::EnsureTagsResult> ensure_tags(const std::string& id, const vpc::TagMap& tags, bool purge,
                                            bool check_mode) override {
    // A connection created a moment ago may not be visible to the tagging calls yet.
    return vpc::ensure_tags(client_, id, tags, purge, check_mode, {std::string(vpc::kPeeringNotFound)});
  }

  Status wait(const std::string& id, const std::vector<std::string>& states, std::chrono::seconds timeout) override {
    WaiterOptions options;
    options.description = "VPC peering connection " + id;
    options.delay = poll_interval_;
    options.max_attempts = 0;
    options.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
    return vpc::wait_peering_status(client_, id, states, options);
  }

 private:
  const Client& client_;
  std::chrono::milliseconds poll_interval_;
};

}  // namespace

std::unique_ptr<PeeringApi> live_api(const Client& client, std::chrono::milliseconds poll_interval) {
  return std::make_unique<LiveApi>(client, poll_interval);
}

}  // namespace ec2::ansible::vpc_peering
