#include "ec2/ops/vpcs.h"

#include "model/vpc_schema.h"
#include "ops/operation.h"

namespace ec2 {
namespace model {

template <>
struct Schema<DescribeVpcsResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeVpcsResponse::request_id),
      field("Vpcs", "vpcSet", &DescribeVpcsResponse::vpcs),
      field("NextToken", "nextToken", &DescribeVpcsResponse::next_token));
};

template <>
struct Schema<CreateVpcResponse> {
  static constexpr auto fields =
      std::make_tuple(field(nullptr, "requestId", &CreateVpcResponse::request_id),
                      field("Vpc", "vpc", &CreateVpcResponse::vpc));
};

template <>
struct Schema<VpcCidrBlockResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &VpcCidrBlockResponse::request_id),
      field("Ipv6CidrBlockAssociation", "ipv6CidrBlockAssociation",
            &VpcCidrBlockResponse::ipv6_cidr_block_association),
      field("CidrBlockAssociation", "cidrBlockAssociation",
            &VpcCidrBlockResponse::cidr_block_association),
      field("VpcId", "vpcId", &VpcCidrBlockResponse::vpc_id));
};

}  // namespace model

QueryParams to_params(const DescribeVpcsRequest& request) {
  QueryParams params;
  params.set_filters(request.filters);
  params.set_list("VpcId", request.vpc_ids);
  ops::add_dry_run(params, request.dry_run);
  ops::set_optional(params, "NextToken", request.next_token);
  ops::set_optional(params, "MaxResults", request.max_results);
  return params;
}

Result<DescribeVpcsResponse> parse_describe_vpcs(const pugi::xml_document& doc) {
  return ops::parse_response<DescribeVpcsResponse>(doc);
}

nlohmann::json to_json(const DescribeVpcsResponse& response) {
  return model::json_value(response);
}

Result<DescribeVpcsResponse> describe_vpcs(const Client& client,
                                           const DescribeVpcsRequest& request) {
  return ops::invoke(client, "DescribeVpcs", to_params(request), "describe VPCs",
                     &parse_describe_vpcs);
}

Result<DescribeVpcsResponse> describe_vpcs_all(const Client& client,
                                               const DescribeVpcsRequest& request) {
  return ops::collect_pages<DescribeVpcsRequest, DescribeVpcsResponse>(
      request, [&](const DescribeVpcsRequest& r) { return describe_vpcs(client, r); },
      [](DescribeVpcsResponse& r) -> auto& { return r.vpcs; }, "describe VPCs");
}

QueryParams to_params(const CreateVpcRequest& request) {
  QueryParams params;
  ops::set_optional(params, "CidrBlock", request.cidr_block);
  ops::set_optional(params, "AmazonProvidedIpv6CidrBlock",
                    request.amazon_provided_ipv6_cidr_block);
  ops::set_optional(params, "Ipv6Pool", request.ipv6_pool);
  ops::set_optional(params, "Ipv6CidrBlock", request.ipv6_cidr_block);
  ops::add_dry_run(params, request.dry_run);
  ops::set_optional(params, "InstanceTenancy", request.instance_tenancy);
  ops::set_optional(params, "Ipv6CidrBlockNetworkBorderGroup",
                    request.ipv6_cidr_block_network_border_group);
  ops::add_tag_specifications(params, request.tag_specifications);
  return params;
}

Result<CreateVpcResponse> parse_create_vpc(const pugi::xml_document& doc) {
  return ops::parse_response<CreateVpcResponse>(doc);
}

nlohmann::json to_json(const CreateVpcResponse& response) { return model::json_value(response); }

Result<CreateVpcResponse> create_vpc(const Client& client, const CreateVpcRequest& request) {
  return ops::invoke(client, "CreateVpc", to_params(request), "create VPC", &parse_create_vpc);
}

QueryParams to_params(const DeleteVpcRequest& request) {
  QueryParams params;
  params.set("VpcId", request.vpc_id);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<EmptyResponse> delete_vpc(const Client& client, const DeleteVpcRequest& request) {
  return ops::invoke(client, "DeleteVpc", to_params(request), "delete VPC",
                     &ops::parse_response<EmptyResponse>);
}

QueryParams to_params(const AssociateVpcCidrBlockRequest& request) {
  QueryParams params;
  ops::set_optional(params, "AmazonProvidedIpv6CidrBlock",
                    request.amazon_provided_ipv6_cidr_block);
  ops::set_optional(params, "CidrBlock", request.cidr_block);
  params.set("VpcId", request.vpc_id);
  ops::set_optional(params, "Ipv6CidrBlockNetworkBorderGroup",
                    request.ipv6_cidr_block_network_border_group);
  ops::set_optional(params, "Ipv6Pool", request.ipv6_pool);
  ops::set_optional(params, "Ipv6CidrBlock", request.ipv6_cidr_block);
  return params;
}

Result<VpcCidrBlockResponse> parse_vpc_cidr_block(const pugi::xml_document& doc) {
  return ops::parse_response<VpcCidrBlockResponse>(doc);
}

nlohmann::json to_json(const VpcCidrBlockResponse& response) {
  return model::json_value(response);
}

Result<VpcCidrBlockResponse> associate_vpc_cidr_block(const Client& client,
                                                      const AssociateVpcCidrBlockRequest& request) {
  return ops::invoke(client, "AssociateVpcCidrBlock", to_params(request),
                     "associate VPC CIDR block", &parse_vpc_cidr_block);
}

QueryParams to_params(const DisassociateVpcCidrBlockRequest& request) {
  QueryParams params;
  params.set("AssociationId", request.association_id);
  return params;
}

Result<VpcCidrBlockResponse> disassociate_vpc_cidr_block(
    const Client& client, const DisassociateVpcCidrBlockRequest& request) {
  return ops::invoke(client, "DisassociateVpcCidrBlock", to_params(request),
                     "disassociate VPC CIDR block", &parse_vpc_cidr_block);
}

}  // namespace ec2
