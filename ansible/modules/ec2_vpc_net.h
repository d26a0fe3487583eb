#pragma once
/// ec2_vpc_net: VPCs with their IPv4/IPv6 CIDR blocks, tags and DNS attributes, with the
/// semantics of amazon.aws.ec2_vpc_net (docs/ansible-modules.md).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2/client.h"
#include "ec2/model/vpc.h"
#include "ec2/vpc/tags.h"
#include "module.h"

namespace ec2::ansible::vpc_net {

/// The module's options, converted.
struct Args {
  std::optional<std::string> name;
  std::optional<std::string> vpc_id;
  std::optional<std::vector<std::string>> cidr_block;
  std::optional<bool> ipv6_cidr;
  bool purge_cidrs = false;
  std::string tenancy = "default";
  std::optional<bool> dns_support;
  std::optional<bool> dns_hostnames;
  std::optional<vpc::TagMap> tags;
  bool purge_tags = true;
  std::string state = "present";
  bool multi_ok = false;
};

/// The module's argument spec.
ModuleSpec spec();

/// What the module changes on an existing VPC, step by step; each returns whether it changed.
struct Updater {
  const Client& client;
  Module& module;
  const Args& args;

  /// IPv4 blocks: adds missing ones, removes others with purge_cidrs. `desired` gets the set the
  /// VPC should end up with (when anything changes).
  Result<bool> cidrs(const Vpc& vpc, std::vector<std::string>& desired);
  /// The Amazon-provided IPv6 block, when ipv6_cidr is set.
  Result<bool> ipv6(const Vpc& vpc);
  /// Tags (with Name), as amazon.aws's update_vpc_tags.
  Result<bool> tags(const std::string& vpc_id, vpc::TagMap& after);
  /// enableDnsSupport / enableDnsHostnames.
  Result<bool> dns(const std::string& vpc_id, std::optional<bool> support, std::optional<bool> hostnames);
};

/// The `vpc` result: the VPC snake_cased, `tags` as a dict, `name`, `id`, `classic_link_enabled`.
nlohmann::json vpc_result(const Vpc& vpc, bool classic_link);

/// A short view of a VPC for `diff` (cidr blocks, IPv6, tags, tenancy).
nlohmann::json diff_view(const Vpc& vpc);

/// IPv4 CIDRs with host bits cleared (warning about each one that had some).
std::vector<std::string> network_cidrs(Module& module, const std::vector<std::string>& cidrs);

}  // namespace ec2::ansible::vpc_net
