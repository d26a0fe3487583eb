// ec2_vpc_net: argument spec, returned fields and CIDR normalisation.
#include <arpa/inet.h>

#include <regex>

#include "ec2/model/snake_case.h"
#include "ec2_vpc_net.h"

namespace ec2::ansible::vpc_net {

using nlohmann::json;

ModuleSpec spec() {
  ModuleSpec s;
  s.name = "ec2_vpc_net";
  s.add("name", ArgType::Str);
  s.add("vpc_id", ArgType::Str);
  s.add("cidr_block", ArgType::List);
  s.add("ipv6_cidr", ArgType::Bool);
  s.add("tenancy", ArgType::Str, "default", {"default", "dedicated"});
  s.add("dns_support", ArgType::Bool);
  s.add("dns_hostnames", ArgType::Bool);
  s.add("tags", ArgType::Dict, nullptr, {}, {"resource_tags"});
  s.add("purge_tags", ArgType::Bool, true);
  s.add("state", ArgType::Str, "present", {"present", "absent"});
  s.add("multi_ok", ArgType::Bool, false);
  s.add("purge_cidrs", ArgType::Bool, false);
  for (auto& arg : aws_common_args()) s.args.push_back(std::move(arg));
  s.required_one_of = {{"vpc_id", "name"}, {"vpc_id", "cidr_block"}};
  return s;
}

json vpc_result(const Vpc& vpc, bool classic_link) {
  json out = snake_case_keys(to_json(vpc));
  vpc::TagMap tags = vpc::to_tag_map(vpc.tags.value_or(Tags{}));
  out["tags"] = vpc::to_json(tags);
  out["name"] = tags.count("Name") ? json(tags["Name"]) : json(nullptr);
  out["id"] = out.contains("vpc_id") ? out["vpc_id"] : json(nullptr);
  out.erase("vpc_id");
  out["classic_link_enabled"] = classic_link;
  return out;
}

json diff_view(const Vpc& vpc) {
  json cidrs = json::array();
  for (const auto& a : vpc.cidr_block_association_set.value_or(std::vector<VpcCidrBlockAssociation>{})) {
    std::string state = a.cidr_block_state && a.cidr_block_state->state ? *a.cidr_block_state->state : "";
    if (state != "disassociating" && state != "disassociated") cidrs.push_back(a.cidr_block.value_or(""));
  }
  json ipv6 = json::array();
  for (const auto& a : vpc.ipv6_cidr_block_association_set.value_or(std::vector<VpcIpv6CidrBlockAssociation>{})) {
    std::string state = a.ipv6_cidr_block_state && a.ipv6_cidr_block_state->state ? *a.ipv6_cidr_block_state->state : "";
    if (state != "disassociating" && state != "disassociated") ipv6.push_back(a.ipv6_cidr_block.value_or(""));
  }
  return {{"id", vpc.vpc_id.value_or("")},
          {"cidr_block", cidrs},
          {"ipv6_cidr_block", ipv6},
          {"instance_tenancy", vpc.instance_tenancy.value_or("")},
          {"tags", vpc::to_json(vpc::to_tag_map(vpc.tags.value_or(Tags{})))}};
}

std::vector<std::string> network_cidrs(Module& module, const std::vector<std::string>& cidrs) {
  std::vector<std::string> fixed;
  for (const auto& cidr : cidrs) {
    auto slash = cidr.find('/');
    in_addr addr{};
    int bits = -1;
    if (slash != std::string::npos) {
      try {
        bits = std::stoi(cidr.substr(slash + 1));
      } catch (const std::exception&) {
        bits = -1;
      }
    }
    if (slash == std::string::npos || bits < 0 || bits > 32 ||
        inet_pton(AF_INET, cidr.substr(0, slash).c_str(), &addr) != 1) {
      fixed.push_back(cidr);  // left for EC2 to judge
      continue;
    }
    uint32_t mask = bits == 0 ? 0 : htonl(0xffffffffu << (32 - bits));
    addr.s_addr &= mask;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &addr, text, sizeof text);
    std::string valid = std::string(text) + "/" + std::to_string(bits);
    if (valid != cidr) {
      module.warn("One of your CIDR addresses (" + cidr + ") has host bits set. To get rid of this warning, check "
                  "the network mask and make sure that only network bits are set: " + valid + ".");
    }
    fixed.push_back(valid);
  }
  return fixed;
}

}  // namespace ec2::ansible::vpc_net
