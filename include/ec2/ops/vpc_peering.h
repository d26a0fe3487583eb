#pragma once
/// VPC peering: Create/Accept/Reject/Delete/DescribeVpcPeeringConnections.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/client.h"
#include "ec2/model/vpc_peering.h"
#include "ec2/ops/common.h"
#include "ec2/query.h"
#include "ec2/types.h"

namespace ec2 {

/// CreateVpcPeeringConnection input. Without `peer_owner_id` the peer is in this account;
/// without `peer_region` it is in this region.
struct CreateVpcPeeringConnectionRequest {
  std::string vpc_id;                                ///< VpcId (requester)
  std::string peer_vpc_id;                           ///< PeerVpcId (accepter)
  std::optional<std::string> peer_owner_id;          ///< PeerOwnerId
  std::optional<std::string> peer_region;            ///< PeerRegion
  std::vector<TagSpecification> tag_specifications;  ///< TagSpecification.N
  bool dry_run = false;                              ///< DryRun
};

/// Output of Create- and AcceptVpcPeeringConnection.
struct VpcPeeringConnectionResponse {
  std::string request_id;
  VpcPeeringConnection vpc_peering_connection;
};

/// Input of Accept-, Reject- and DeleteVpcPeeringConnection.
struct VpcPeeringConnectionIdRequest {
  std::string vpc_peering_connection_id;  ///< VpcPeeringConnectionId
  bool dry_run = false;                   ///< DryRun
};

QueryParams to_params(const CreateVpcPeeringConnectionRequest& request);
QueryParams to_params(const VpcPeeringConnectionIdRequest& request);
Result<VpcPeeringConnectionResponse> parse_vpc_peering_connection(const pugi::xml_document& doc);
/// `{"VpcPeeringConnection": {...}}`.
nlohmann::json to_json(const VpcPeeringConnectionResponse& response);

Result<VpcPeeringConnectionResponse> create_vpc_peering_connection(
    const Client& client, const CreateVpcPeeringConnectionRequest& request);
Result<VpcPeeringConnectionResponse> accept_vpc_peering_connection(
    const Client& client, const VpcPeeringConnectionIdRequest& request);
/// `return_value` is EC2's `<return>`.
Result<ReturnResponse> reject_vpc_peering_connection(const Client& client,
                                                     const VpcPeeringConnectionIdRequest& request);
Result<ReturnResponse> delete_vpc_peering_connection(const Client& client,
                                                     const VpcPeeringConnectionIdRequest& request);

struct DescribeVpcPeeringConnectionsRequest {
  std::vector<std::string> vpc_peering_connection_ids;  ///< VpcPeeringConnectionId.N
  Filters filters;                                      ///< Filter.N
  std::optional<int> max_results;                       ///< MaxResults
  std::optional<std::string> next_token;                ///< NextToken
  bool dry_run = false;                                 ///< DryRun
};

struct DescribeVpcPeeringConnectionsResponse {
  std::string request_id;
  std::vector<VpcPeeringConnection> vpc_peering_connections;
  std::optional<std::string> next_token;
};

QueryParams to_params(const DescribeVpcPeeringConnectionsRequest& request);
Result<DescribeVpcPeeringConnectionsResponse> parse_describe_vpc_peering_connections(
    const pugi::xml_document& doc);
/// `{"VpcPeeringConnections": [...], "NextToken": ...}`.
nlohmann::json to_json(const DescribeVpcPeeringConnectionsResponse& response);
Result<DescribeVpcPeeringConnectionsResponse> describe_vpc_peering_connections(
    const Client& client, const DescribeVpcPeeringConnectionsRequest& request = {});
/// Every page, connections concatenated.
Result<DescribeVpcPeeringConnectionsResponse> describe_vpc_peering_connections_all(
    const Client& client, const DescribeVpcPeeringConnectionsRequest& request = {});

}  // namespace ec2
