#pragma once
/// VPCs: DescribeVpcs, CreateVpc, DeleteVpc, AssociateVpcCidrBlock, DisassociateVpcCidrBlock.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/client.h"
#include "ec2/model/vpc.h"
#include "ec2/ops/common.h"
#include "ec2/query.h"
#include "ec2/types.h"

namespace ec2 {

struct DescribeVpcsRequest {
  std::vector<std::string> vpc_ids;       ///< VpcId.N
  Filters filters;                        ///< Filter.N
  std::optional<int> max_results;         ///< MaxResults
  std::optional<std::string> next_token;  ///< NextToken
  bool dry_run = false;                   ///< DryRun
};

struct DescribeVpcsResponse {
  std::string request_id;
  std::vector<Vpc> vpcs;
  std::optional<std::string> next_token;
};

QueryParams to_params(const DescribeVpcsRequest& request);
Result<DescribeVpcsResponse> parse_describe_vpcs(const pugi::xml_document& doc);
/// `{"Vpcs": [...], "NextToken": ...}`.
nlohmann::json to_json(const DescribeVpcsResponse& response);
Result<DescribeVpcsResponse> describe_vpcs(const Client& client,
                                           const DescribeVpcsRequest& request = {});
/// Every page, VPCs concatenated.
Result<DescribeVpcsResponse> describe_vpcs_all(const Client& client,
                                               const DescribeVpcsRequest& request = {});

struct CreateVpcRequest {
  std::optional<std::string> cidr_block;                       ///< CidrBlock
  std::optional<bool> amazon_provided_ipv6_cidr_block;          ///< AmazonProvidedIpv6CidrBlock
  std::optional<std::string> ipv6_pool;                         ///< Ipv6Pool
  std::optional<std::string> ipv6_cidr_block;                   ///< Ipv6CidrBlock
  std::optional<std::string> ipv6_cidr_block_network_border_group;  ///< Ipv6CidrBlockNetworkBorderGroup
  std::optional<std::string> instance_tenancy;                  ///< InstanceTenancy
  std::vector<TagSpecification> tag_specifications;             ///< TagSpecification.N
  bool dry_run = false;                                         ///< DryRun
};

struct CreateVpcResponse {
  std::string request_id;
  Vpc vpc;
};

QueryParams to_params(const CreateVpcRequest& request);
Result<CreateVpcResponse> parse_create_vpc(const pugi::xml_document& doc);
/// `{"Vpc": {...}}`.
nlohmann::json to_json(const CreateVpcResponse& response);
Result<CreateVpcResponse> create_vpc(const Client& client, const CreateVpcRequest& request);

struct DeleteVpcRequest {
  std::string vpc_id;    ///< VpcId
  bool dry_run = false;  ///< DryRun
};

QueryParams to_params(const DeleteVpcRequest& request);
Result<EmptyResponse> delete_vpc(const Client& client, const DeleteVpcRequest& request);

/// AssociateVpcCidrBlock input: an IPv4 `cidr_block`, or an IPv6 block (Amazon-provided or from
/// a pool).
struct AssociateVpcCidrBlockRequest {
  std::string vpc_id;                                           ///< VpcId
  std::optional<std::string> cidr_block;                        ///< CidrBlock
  std::optional<bool> amazon_provided_ipv6_cidr_block;          ///< AmazonProvidedIpv6CidrBlock
  std::optional<std::string> ipv6_cidr_block_network_border_group;  ///< Ipv6CidrBlockNetworkBorderGroup
  std::optional<std::string> ipv6_pool;                         ///< Ipv6Pool
  std::optional<std::string> ipv6_cidr_block;                   ///< Ipv6CidrBlock
};

/// Output of AssociateVpcCidrBlock and DisassociateVpcCidrBlock: one of the two associations.
struct VpcCidrBlockResponse {
  std::string request_id;
  std::optional<VpcIpv6CidrBlockAssociation> ipv6_cidr_block_association;
  std::optional<VpcCidrBlockAssociation> cidr_block_association;
  std::optional<std::string> vpc_id;
};

QueryParams to_params(const AssociateVpcCidrBlockRequest& request);
Result<VpcCidrBlockResponse> parse_vpc_cidr_block(const pugi::xml_document& doc);
/// `{"CidrBlockAssociation": {...}, "VpcId": ...}` (or `Ipv6CidrBlockAssociation`).
nlohmann::json to_json(const VpcCidrBlockResponse& response);
Result<VpcCidrBlockResponse> associate_vpc_cidr_block(const Client& client,
                                                      const AssociateVpcCidrBlockRequest& request);

struct DisassociateVpcCidrBlockRequest {
  std::string association_id;  ///< AssociationId
};

QueryParams to_params(const DisassociateVpcCidrBlockRequest& request);
Result<VpcCidrBlockResponse> disassociate_vpc_cidr_block(
    const Client& client, const DisassociateVpcCidrBlockRequest& request);

}  // namespace ec2
