// VPCs and CIDR blocks through jittered backoff and the VPC error mapping.
#include "ec2/vpc/vpcs.h"

#include "ec2/vpc/layer.h"

namespace ec2::vpc {

Result<std::vector<Vpc>> describe_vpcs(const Client& client, const std::vector<std::string>& vpc_ids,
                                       const Filters& filters) {
  DescribeVpcsRequest request;
  request.vpc_ids = vpc_ids;
  request.filters = filters;
  auto response = retry_call(client, [&] { return ec2::describe_vpcs_all(client, request); });
  if (response) return std::move(response->vpcs);
  if (has_code(response.error(), kVpcNotFound)) return std::vector<Vpc>{};
  return failed_to(response.error(), "describe VPCs");
}

Result<std::optional<Vpc>> get_vpc(const Client& client, const std::string& vpc_id, bool retry_not_found) {
  DescribeVpcsRequest request;
  request.vpc_ids = {vpc_id};
  std::vector<std::string> extra;
  if (retry_not_found) extra.emplace_back(kVpcNotFound);
  auto response = retry_call(client, [&] { return ec2::describe_vpcs(client, request); }, extra);
  if (!response) {
    if (has_code(response.error(), kVpcNotFound)) return std::optional<Vpc>{};
    return failed_to(response.error(), "describe VPC " + vpc_id);
  }
  if (response->vpcs.empty()) return std::optional<Vpc>{};
  return std::optional<Vpc>(std::move(response->vpcs.front()));
}

Result<Vpc> create_vpc(const Client& client, const CreateVpcRequest& request) {
  auto response = retry_call(client, [&] { return ec2::create_vpc(client, request); });
  if (!response) return failed_to(response.error(), "create the VPC");
  return std::move(response->vpc);
}

Result<bool> delete_vpc(const Client& client, const std::string& vpc_id) {
  auto response = retry_call(client, [&] { return ec2::delete_vpc(client, {vpc_id, false}); });
  if (response) return true;
  if (has_code(response.error(), kVpcNotFound)) return false;
  return failed_to(response.error(), "delete VPC " + vpc_id);
}

Result<VpcCidrBlockAssociation> associate_vpc_cidr_block(const Client& client, const std::string& vpc_id,
                                                         const std::string& cidr_block) {
  AssociateVpcCidrBlockRequest request;
  request.vpc_id = vpc_id;
  request.cidr_block = cidr_block;
  auto response = retry_call(client, [&] { return ec2::associate_vpc_cidr_block(client, request); },
                             {std::string(kVpcNotFound)});
  if (!response) return failed_to(response.error(), "associate CIDR " + cidr_block + " with VPC " + vpc_id);
  return response->cidr_block_association.value_or(VpcCidrBlockAssociation{});
}

Result<VpcIpv6CidrBlockAssociation> associate_vpc_ipv6_cidr_block(const Client& client,
                                                                  const std::string& vpc_id) {
  AssociateVpcCidrBlockRequest request;
  request.vpc_id = vpc_id;
  request.amazon_provided_ipv6_cidr_block = true;
  auto response = retry_call(client, [&] { return ec2::associate_vpc_cidr_block(client, request); },
                             {std::string(kVpcNotFound)});
  if (!response) return failed_to(response.error(), "associate an IPv6 CIDR with VPC " + vpc_id);
  return response->ipv6_cidr_block_association.value_or(VpcIpv6CidrBlockAssociation{});
}

Result<bool> disassociate_vpc_cidr_block(const Client& client, const std::string& association_id) {
  auto response =
      retry_call(client, [&] { return ec2::disassociate_vpc_cidr_block(client, {association_id}); });
  if (response) return true;
  if (has_code(response.error(), kCidrAssociationNotFound)) return false;
  return failed_to(response.error(), "disassociate CIDR block " + association_id);
}

std::string_view to_string(VpcAttribute attribute) {
  return attribute == VpcAttribute::EnableDnsSupport ? "enableDnsSupport" : "enableDnsHostnames";
}

Result<bool> get_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute) {
  QueryParams params;
  params.set("VpcId", vpc_id).set("Attribute", std::string(to_string(attribute)));
  auto doc = retry_call(client, [&] { return client.call("DescribeVpcAttribute", params); },
                        {std::string(kVpcNotFound)});
  if (!doc) return failed_to(doc.error(), "describe " + std::string(to_string(attribute)) + " of VPC " + vpc_id);
  pugi::xml_node root = (*doc)->document_element();
  return std::string(root.child(to_string(attribute).data()).child_value("value")) == "true";
}

Status set_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute, bool value) {
  QueryParams params;
  std::string name(to_string(attribute));
  name[0] = 'E';
  params.set("VpcId", vpc_id).set(name + ".Value", value ? "true" : "false");
  auto doc = retry_call(client, [&] { return client.call("ModifyVpcAttribute", params); },
                        {std::string(kVpcNotFound)});
  if (!doc) return failed_to(doc.error(), "update " + std::string(to_string(attribute)) + " of VPC " + vpc_id);
  return {};
}

Result<bool> classic_link_enabled(const Client& client, const std::string& vpc_id) {
  QueryParams params;
  params.set("VpcId.1", vpc_id);
  auto doc = retry_call(client, [&] { return client.call("DescribeVpcClassicLink", params); });
  if (!doc) {
    if (doc.error().message == "The functionality you requested is not available in this region.") return false;
    return failed_to(doc.error(), "describe ClassicLink of VPC " + vpc_id);
  }
  pugi::xml_node item = (*doc)->document_element().child("vpcSet").child("item");
  return std::string(item.child_value("classicLinkEnabled")) == "true";
}

}  // namespace ec2::vpc
