#pragma once
/// VPC peering connections through the layer's retries and error mapping (see layer.h): an
/// unknown connection (InvalidVpcPeeringConnectionID.NotFound) is an empty list or `false`.

#include <optional>
#include <string>
#include <vector>

#include "ec2/client.h"
#include "ec2/model/vpc_peering.h"
#include "ec2/ops/vpc_peering.h"
#include "ec2/result.h"
#include "ec2/types.h"
#include "ec2/waiter.h"

namespace ec2::vpc {

/// Connections by id and/or filters, every page. Unknown ids give an empty list.
Result<std::vector<VpcPeeringConnection>> describe_vpc_peering_connections(
    const Client& client, const std::vector<std::string>& ids, const Filters& filters = {});

/// One connection by id; nullopt when it does not exist.
Result<std::optional<VpcPeeringConnection>> get_vpc_peering_connection(const Client& client,
                                                                       const std::string& id);

/// Requests a peering connection; returns it as EC2 answered (status usually
/// `initiating-request` or `pending-acceptance`). InvalidVpcID.NotFound is retried (new VPCs).
Result<VpcPeeringConnection> create_vpc_peering_connection(const Client& client,
                                                           const CreateVpcPeeringConnectionRequest& request);

/// Accepts a connection; returns it as EC2 answered.
Result<VpcPeeringConnection> accept_vpc_peering_connection(const Client& client, const std::string& id);

/// Rejects a connection.
Status reject_vpc_peering_connection(const Client& client, const std::string& id);

/// Deletes a connection. False when it did not exist.
Result<bool> delete_vpc_peering_connection(const Client& client, const std::string& id);

/// The connection's status code ("pending-acceptance", "active", ...), empty when absent.
std::string peering_status(const VpcPeeringConnection& connection);

/// Waits until the connection's status code is one of `states` (a connection that vanished counts
/// as "deleted"). A terminal status not in `states` (failed, rejected, expired, deleted) ends the
/// wait with Error code "WaiterFailure". Default options: 15 s × 40 ("VpcPeeringConnectionExists").
Status wait_peering_status(const Client& client, const std::string& id,
                           const std::vector<std::string>& states,
                           std::optional<WaiterOptions> options = {});

}  // namespace ec2::vpc
