// Waiters of the VPC layer: VPC exists/available, CIDR association states, attributes.
#include <algorithm>

#include "ec2/vpc/layer.h"
#include "ec2/vpc/vpcs.h"

namespace ec2::vpc {
namespace {

/// Polls DescribeVpcs of `vpc_id` with `filters` and judges the VPC (nullopt: not found).
Status poll_vpc(const Client& client, const std::string& vpc_id, const Filters& filters,
                const WaiterOptions& options,
                const std::function<WaitCheck(const std::optional<Vpc>&)>& judge) {
  return wait_until(client.clock(), client.random(), options, [&]() -> Result<WaitCheck> {
    DescribeVpcsRequest request;
    request.vpc_ids = {vpc_id};
    request.filters = filters;
    auto response = ec2::describe_vpcs(client, request);
    if (!response) {
      if (has_code(response.error(), kVpcNotFound)) return judge(std::nullopt);
      return response.error();
    }
    if (response->vpcs.empty()) return judge(std::nullopt);
    return judge(response->vpcs.front());
  });
}

std::string block_state(const std::optional<VpcCidrBlockState>& state) {
  return state && state->state ? *state->state : "";
}

}  // namespace

WaiterOptions vpc_waiter_options(std::string description) {
  WaiterOptions options = waiter_defaults("VpcAvailable").value_or(WaiterOptions{});
  options.description = std::move(description);
  return options;
}

Status wait_vpc_exists(const Client& client, const std::string& vpc_id, const Filters& filters,
                       std::optional<WaiterOptions> options) {
  auto settings = options.value_or(vpc_waiter_options("VPC " + vpc_id + " to exist"));
  return poll_vpc(client, vpc_id, filters, settings, [](const std::optional<Vpc>& vpc) {
    return vpc ? WaitCheck{WaitState::Success, "exists"} : WaitCheck{WaitState::Retry, "not found"};
  });
}

Status wait_vpc_available(const Client& client, const std::string& vpc_id, const Filters& filters,
                          std::optional<WaiterOptions> options) {
  auto settings = options.value_or(vpc_waiter_options("VPC " + vpc_id + " to be available"));
  return poll_vpc(client, vpc_id, filters, settings, [](const std::optional<Vpc>& vpc) {
    if (!vpc) return WaitCheck{WaitState::Retry, "not found"};
    std::string state = vpc->state.value_or("");
    return WaitCheck{state == "available" ? WaitState::Success : WaitState::Retry, state};
  });
}

Status wait_cidr_blocks(const Client& client, const std::string& vpc_id,
                        const std::vector<std::string>& cidr_blocks, std::optional<WaiterOptions> options) {
  auto settings = options.value_or(vpc_waiter_options("the CIDR blocks of VPC " + vpc_id + " to settle"));
  return poll_vpc(client, vpc_id, {}, settings, [&](const std::optional<Vpc>& vpc) {
    if (!vpc) return WaitCheck{WaitState::Failure, "VPC not found"};
    for (const auto& cidr : cidr_blocks) {
      const auto& set = vpc->cidr_block_association_set.value_or(std::vector<VpcCidrBlockAssociation>{});
      bool associated = std::any_of(set.begin(), set.end(), [&](const VpcCidrBlockAssociation& a) {
        return a.cidr_block == cidr && block_state(a.cidr_block_state) == "associated";
      });
      if (!associated) return WaitCheck{WaitState::Retry, cidr + " not associated yet"};
    }
    for (const auto& a : vpc->cidr_block_association_set.value_or(std::vector<VpcCidrBlockAssociation>{})) {
      std::string state = block_state(a.cidr_block_state);
      if (state == "associating" || state == "disassociating") {
        return WaitCheck{WaitState::Retry, a.cidr_block.value_or("") + " " + state};
      }
    }
    return WaitCheck{WaitState::Success, "settled"};
  });
}

Status wait_ipv6_state(const Client& client, const std::string& vpc_id, bool associated,
                       std::optional<WaiterOptions> options) {
  auto settings = options.value_or(vpc_waiter_options("the IPv6 CIDR of VPC " + vpc_id));
  return poll_vpc(client, vpc_id, {}, settings, [&](const std::optional<Vpc>& vpc) {
    if (!vpc) return WaitCheck{WaitState::Failure, "VPC not found"};
    int amazon = 0, in_state = 0;
    for (const auto& a : vpc->ipv6_cidr_block_association_set.value_or(std::vector<VpcIpv6CidrBlockAssociation>{})) {
      if (a.ipv6_pool.value_or("") != "Amazon") continue;
      ++amazon;
      std::string state = block_state(a.ipv6_cidr_block_state);
      if (state == (associated ? "associated" : "disassociated")) ++in_state;
    }
    bool done = associated ? in_state > 0 : in_state == amazon;
    return WaitCheck{done ? WaitState::Success : WaitState::Retry, done ? "settled" : "pending"};
  });
}

Status wait_vpc_attribute(const Client& client, const std::string& vpc_id, VpcAttribute attribute, bool value,
                          std::optional<WaiterOptions> options) {
  auto settings = options.value_or(vpc_waiter_options(std::string(to_string(attribute)) + " of VPC " + vpc_id));
  return wait_until(client.clock(), client.random(), settings, [&]() -> Result<WaitCheck> {
    auto current = get_vpc_attribute(client, vpc_id, attribute);
    if (!current) return current.error();
    return WaitCheck{*current == value ? WaitState::Success : WaitState::Retry, *current ? "true" : "false"};
  });
}

}  // namespace ec2::vpc
