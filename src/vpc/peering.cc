// VPC peering connections through jittered backoff and the peering error mapping.
#include "ec2/vpc/peering.h"

#include <algorithm>

#include "ec2/vpc/layer.h"

namespace ec2::vpc {

Result<std::vector<VpcPeeringConnection>> describe_vpc_peering_connections(
    const Client& client, const std::vector<std::string>& ids, const Filters& filters) {
  DescribeVpcPeeringConnectionsRequest request;
  request.vpc_peering_connection_ids = ids;
  request.filters = filters;
  auto response = retry_call(client, [&] { return ec2::describe_vpc_peering_connections_all(client, request); });
  if (response) return std::move(response->vpc_peering_connections);
  if (has_code(response.error(), kPeeringNotFound)) return std::vector<VpcPeeringConnection>{};
  return failed_to(response.error(), "describe VPC peering connections");
}

Result<std::optional<VpcPeeringConnection>> get_vpc_peering_connection(const Client& client,
                                                                       const std::string& id) {
  auto found = describe_vpc_peering_connections(client, {id});
  if (!found) return found.error();
  if (found->empty()) return std::optional<VpcPeeringConnection>{};
  return std::optional<VpcPeeringConnection>(std::move(found->front()));
}

Result<VpcPeeringConnection> create_vpc_peering_connection(const Client& client,
                                                           const CreateVpcPeeringConnectionRequest& request) {
  auto response = retry_call(client, [&] { return ec2::create_vpc_peering_connection(client, request); },
                             {std::string(kVpcNotFound)});
  if (!response) return failed_to(response.error(), "create VPC peering connection");
  return std::move(response->vpc_peering_connection);
}

Result<VpcPeeringConnection> accept_vpc_peering_connection(const Client& client, const std::string& id) {
  auto response = retry_call(client, [&] { return ec2::accept_vpc_peering_connection(client, {id, false}); },
                             {std::string(kPeeringNotFound)});
  if (!response) return failed_to(response.error(), "accept VPC peering connection " + id);
  return std::move(response->vpc_peering_connection);
}

Status reject_vpc_peering_connection(const Client& client, const std::string& id) {
  auto response = retry_call(client, [&] { return ec2::reject_vpc_peering_connection(client, {id, false}); },
                             {std::string(kPeeringNotFound)});
  if (!response) return failed_to(response.error(), "reject VPC peering connection " + id);
  return {};
}

Result<bool> delete_vpc_peering_connection(const Client& client, const std::string& id) {
  auto response = retry_call(client, [&] { return ec2::delete_vpc_peering_connection(client, {id, false}); });
  if (response) return true;
  if (has_code(response.error(), kPeeringNotFound)) return false;
  return failed_to(response.error(), "delete VPC peering connection " + id);
}

std::string peering_status(const VpcPeeringConnection& connection) {
  return connection.status && connection.status->code ? *connection.status->code : "";
}

Status wait_peering_status(const Client& client, const std::string& id, const std::vector<std::string>& states,
                           std::optional<WaiterOptions> options) {
  WaiterOptions settings = options.value_or(waiter_defaults("VpcPeeringConnectionExists").value_or(WaiterOptions{}));
  if (!options) settings.description = "VPC peering connection " + id;
  static const std::vector<std::string> terminal = {"failed", "rejected", "expired", "deleted"};
  auto wanted = [&](const std::string& s) { return std::find(states.begin(), states.end(), s) != states.end(); };
  return wait_until(client.clock(), client.random(), settings, [&]() -> Result<WaitCheck> {
    DescribeVpcPeeringConnectionsRequest request;
    request.vpc_peering_connection_ids = {id};
    auto response = ec2::describe_vpc_peering_connections(client, request);
    std::string status = "deleted";
    if (response && !response->vpc_peering_connections.empty()) {
      status = peering_status(response->vpc_peering_connections.front());
    } else if (!response && !has_code(response.error(), kPeeringNotFound)) {
      return response.error();
    }
    if (wanted(status)) return WaitCheck{WaitState::Success, status};
    bool final = std::find(terminal.begin(), terminal.end(), status) != terminal.end();
    return WaitCheck{final ? WaitState::Failure : WaitState::Retry, status};
  });
}

}  // namespace ec2::vpc
