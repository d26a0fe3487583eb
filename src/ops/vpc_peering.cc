#include "ec2/ops/vpc_peering.h"

#include "model/vpc_peering_schema.h"
#include "ops/operation.h"

namespace ec2 {
namespace model {

template <>
struct Schema<VpcPeeringConnectionResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &VpcPeeringConnectionResponse::request_id),
      field("VpcPeeringConnection", "vpcPeeringConnection",
            &VpcPeeringConnectionResponse::vpc_peering_connection));
};

template <>
struct Schema<DescribeVpcPeeringConnectionsResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeVpcPeeringConnectionsResponse::request_id),
      field("VpcPeeringConnections", "vpcPeeringConnectionSet",
            &DescribeVpcPeeringConnectionsResponse::vpc_peering_connections),
      field("NextToken", "nextToken", &DescribeVpcPeeringConnectionsResponse::next_token));
};

}  // namespace model

QueryParams to_params(const CreateVpcPeeringConnectionRequest& request) {
  QueryParams params;
  ops::add_dry_run(params, request.dry_run);
  ops::set_optional(params, "PeerOwnerId", request.peer_owner_id);
  params.set("PeerVpcId", request.peer_vpc_id);
  params.set("VpcId", request.vpc_id);
  ops::set_optional(params, "PeerRegion", request.peer_region);
  ops::add_tag_specifications(params, request.tag_specifications);
  return params;
}

QueryParams to_params(const VpcPeeringConnectionIdRequest& request) {
  QueryParams params;
  ops::add_dry_run(params, request.dry_run);
  params.set("VpcPeeringConnectionId", request.vpc_peering_connection_id);
  return params;
}

Result<VpcPeeringConnectionResponse> parse_vpc_peering_connection(const pugi::xml_document& doc) {
  return ops::parse_response<VpcPeeringConnectionResponse>(doc);
}

nlohmann::json to_json(const VpcPeeringConnectionResponse& response) {
  return model::json_value(response);
}

Result<VpcPeeringConnectionResponse> create_vpc_peering_connection(
    const Client& client, const CreateVpcPeeringConnectionRequest& request) {
  return ops::invoke(client, "CreateVpcPeeringConnection", to_params(request),
                     "create VPC peering connection", &parse_vpc_peering_connection);
}

Result<VpcPeeringConnectionResponse> accept_vpc_peering_connection(
    const Client& client, const VpcPeeringConnectionIdRequest& request) {
  return ops::invoke(client, "AcceptVpcPeeringConnection", to_params(request),
                     "accept VPC peering connection", &parse_vpc_peering_connection);
}

Result<ReturnResponse> reject_vpc_peering_connection(const Client& client,
                                                     const VpcPeeringConnectionIdRequest& request) {
  return ops::invoke(client, "RejectVpcPeeringConnection", to_params(request),
                     "reject VPC peering connection", &ops::parse_response<ReturnResponse>);
}

Result<ReturnResponse> delete_vpc_peering_connection(const Client& client,
                                                     const VpcPeeringConnectionIdRequest& request) {
  return ops::invoke(client, "DeleteVpcPeeringConnection", to_params(request),
                     "delete VPC peering connection", &ops::parse_response<ReturnResponse>);
}

QueryParams to_params(const DescribeVpcPeeringConnectionsRequest& request) {
  QueryParams params;
  params.set_filters(request.filters);
  ops::add_dry_run(params, request.dry_run);
  params.set_list("VpcPeeringConnectionId", request.vpc_peering_connection_ids);
  ops::set_optional(params, "NextToken", request.next_token);
  ops::set_optional(params, "MaxResults", request.max_results);
  return params;
}

Result<DescribeVpcPeeringConnectionsResponse> parse_describe_vpc_peering_connections(
    const pugi::xml_document& doc) {
  return ops::parse_response<DescribeVpcPeeringConnectionsResponse>(doc);
}

nlohmann::json to_json(const DescribeVpcPeeringConnectionsResponse& response) {
  return model::json_value(response);
}

Result<DescribeVpcPeeringConnectionsResponse> describe_vpc_peering_connections(
    const Client& client, const DescribeVpcPeeringConnectionsRequest& request) {
  return ops::invoke(client, "DescribeVpcPeeringConnections", to_params(request),
                     "describe VPC peering connections", &parse_describe_vpc_peering_connections);
}

Result<DescribeVpcPeeringConnectionsResponse> describe_vpc_peering_connections_all(
    const Client& client, const DescribeVpcPeeringConnectionsRequest& request) {
  return ops::collect_pages<DescribeVpcPeeringConnectionsRequest,
                            DescribeVpcPeeringConnectionsResponse>(
      request,
      [&](const DescribeVpcPeeringConnectionsRequest& r) {
        return describe_vpc_peering_connections(client, r);
      },
      [](DescribeVpcPeeringConnectionsResponse& r) -> auto& { return r.vpc_peering_connections; },
      "describe VPC peering connections");
}

}  // namespace ec2
