// ec2_vpc_net: argument spec, returned fields and CIDR normalisation.
#include <arpa/inet.h>

#include <regex>

#include "ec2_vpc_net.h"

namespace ec2::ansible::vpc_net {

using nlohmann::json;

ModuleSpec spec() {
  ModuleSpec s;
  s.name = "ec2_vpc_net";
  auto add = [&](std::string name, ArgType type, json default_value = nullptr, std::vector<std::string> choices = {},
                 std::vector<std::string> aliases = {}) {
    ArgSpec arg;
    arg.name = std::move(name);
    arg.type = type;
    arg.default_value = std::move(default_value);
    arg.choices = std::move(choices);
    arg.aliases = std::move(aliases);
    s.args.push_back(std::move(arg));
  };
  add("name", ArgType::Str);
  add("vpc_id", ArgType::Str);
  add("cidr_block", ArgType::List);
  add("ipv6_cidr", ArgType::Bool);
  add("tenancy", ArgType::Str, "default", {"default", "dedicated"});
  add("dns_support", ArgType::Bool);
  add("dns_hostnames", ArgType::Bool);
  add("tags", ArgType::Dict, nullptr, {}, {"resource_tags"});
  add("purge_tags", ArgType::Bool, true);
  add("state", ArgType::Str, "present", {"present", "absent"});
  add("multi_ok", ArgType::Bool, false);
  add("purge_cidrs", ArgType::Bool, false);
  for (auto& arg : aws_common_args()) s.args.push_back(std::move(arg));
  s.required_one_of = {{"vpc_id", "name"}, {"vpc_id", "cidr_block"}};
  return s;
}

std::string camel_to_snake(const std::string& name) {
  static const std::regex plural("[A-Z]{3,}s$");
  static const std::regex first_cap("(.)([A-Z][a-z]+)");
  static const std::regex all_cap("([a-z0-9])([A-Z]+)");
  std::string s1 = name;
  std::smatch m;
  if (std::regex_search(s1, m, plural)) {
    std::string tail = m.str();
    for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    s1 = s1.substr(0, m.position()) + (m.position() > 0 ? "_" : "") + tail;
  }
  std::string s2 = std::regex_replace(s1, first_cap, "$1_$2");
  std::string s3 = std::regex_replace(s2, all_cap, "$1_$2");
  for (auto& c : s3) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s3;
}

namespace {

json snake_keys(const json& value) {
  if (value.is_array()) {
    json out = json::array();
    for (const auto& item : value) out.push_back(snake_keys(item));
    return out;
  }
  if (!value.is_object()) return value;
  json out = json::object();
  for (const auto& [key, item] : value.items()) out[camel_to_snake(key)] = snake_keys(item);
  return out;
}

}  // namespace

json vpc_result(const Vpc& vpc, bool classic_link) {
  json out = snake_keys(to_json(vpc));
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
