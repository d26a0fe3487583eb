#pragma once
/// VPCs and their CIDR blocks through the layer's retries and error mapping (see layer.h):
/// a missing VPC is an empty list or `false`, never an error, and a VPC created a moment ago is
/// waited for (InvalidVpcID.NotFound is retried where eventual consistency needs it).

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "ec2/client.h"
#include "ec2/model/vpc.h"
#include "ec2/ops/vpcs.h"
#include "ec2/result.h"
#include "ec2/types.h"
#include "ec2/waiter.h"

namespace ec2::vpc {

/// VPCs by id and/or filters, every page. Unknown ids give an empty list.
Result<std::vector<Vpc>> describe_vpcs(const Client& client, const std::vector<std::string>& vpc_ids,
                                       const Filters& filters = {});

/// One VPC by id; nullopt when it does not exist. `retry_not_found` retries InvalidVpcID.NotFound
/// first (for a VPC created a moment ago).
Result<std::optional<Vpc>> get_vpc(const Client& client, const std::string& vpc_id,
                                   bool retry_not_found = false);

/// Creates a VPC (request as the typed op takes it) and returns it as CreateVpc answered.
Result<Vpc> create_vpc(const Client& client, const CreateVpcRequest& request);

/// Deletes a VPC. False when it did not exist.
Result<bool> delete_vpc(const Client& client, const std::string& vpc_id);

/// Associates an IPv4 CIDR block with a VPC; returns the new association.
Result<VpcCidrBlockAssociation> associate_vpc_cidr_block(const Client& client, const std::string& vpc_id,
                                                         const std::string& cidr_block);

/// Associates an Amazon-provided IPv6 /56 with a VPC; returns the new association.
Result<VpcIpv6CidrBlockAssociation> associate_vpc_ipv6_cidr_block(const Client& client,
                                                                  const std::string& vpc_id);

/// Disassociates an IPv4 or IPv6 CIDR block association. False when it did not exist.
Result<bool> disassociate_vpc_cidr_block(const Client& client, const std::string& association_id);

/// VPC attributes of Describe/ModifyVpcAttribute.
enum class VpcAttribute { EnableDnsSupport, EnableDnsHostnames };

/// "enableDnsSupport" or "enableDnsHostnames".
std::string_view to_string(VpcAttribute attribute);

Result<bool> get_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute);
Status set_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute,
                         bool value);

/// Whether ClassicLink is enabled (DescribeVpcClassicLink); false where the region has none.
Result<bool> classic_link_enabled(const Client& client, const std::string& vpc_id);

/// Waiter settings of the layer (VpcAvailable's 15 s × 40 unless changed).
WaiterOptions vpc_waiter_options(std::string description);

/// Waits until DescribeVpcs of `vpc_id` with `filters` returns the VPC (InvalidVpcID.NotFound
/// counts as "not yet").
Status wait_vpc_exists(const Client& client, const std::string& vpc_id, const Filters& filters = {},
                       std::optional<WaiterOptions> options = {});

/// Waits until the VPC (matching `filters`, if any) is `available`.
Status wait_vpc_available(const Client& client, const std::string& vpc_id, const Filters& filters = {},
                          std::optional<WaiterOptions> options = {});

/// Waits until every IPv4 association of `cidr_blocks` is `associated` and no other one is still
/// `associating`/`disassociating` (disassociated blocks are gone from the VPC).
Status wait_cidr_blocks(const Client& client, const std::string& vpc_id,
                        const std::vector<std::string>& cidr_blocks,
                        std::optional<WaiterOptions> options = {});

/// Waits until the VPC has an `associated` Amazon IPv6 block (`associated` true) or none that is
/// not `disassociated` (false).
Status wait_ipv6_state(const Client& client, const std::string& vpc_id, bool associated,
                       std::optional<WaiterOptions> options = {});

/// Waits until the attribute reads `value`.
Status wait_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute,
                          bool value, std::optional<WaiterOptions> options = {});

}  // namespace ec2::vpc
