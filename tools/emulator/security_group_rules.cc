// Security group rules: parsing IpPermissions, Authorize/Revoke SecurityGroupIngress/Egress and the
// securityGroupRuleSet answer.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "api_error.h"
#include "cidr.h"
#include "describe.h"
#include "ids.h"
#include "registry.h"
#include "security_groups.h"

namespace ec2::emu {
namespace {

/// EC2 accepts names and numbers for the common protocols and reports the name.
std::string normalise_protocol(std::string protocol) {
  std::transform(protocol.begin(), protocol.end(), protocol.begin(), [](unsigned char c) { return std::tolower(c); });
  if (protocol == "6") return "tcp";
  if (protocol == "17") return "udp";
  if (protocol == "1") return "icmp";
  if (protocol == "58") return "icmpv6";
  if (protocol == "all") return "-1";
  return protocol;
}

bool valid_protocol(std::string_view protocol) {
  if (protocol == "tcp" || protocol == "udp" || protocol == "icmp" || protocol == "icmpv6" || protocol == "-1") {
    return true;
  }
  int number = -1;
  auto [end, ec] = std::from_chars(protocol.data(), protocol.data() + protocol.size(), number);
  return ec == std::errc() && end == protocol.data() + protocol.size() && number >= 0 && number <= 255;
}

bool valid_ipv6_cidr(std::string_view text) {
  size_t slash = text.find('/');
  if (slash == std::string_view::npos || text.find(':') > slash) return false;
  int prefix = -1;
  auto [end, ec] = std::from_chars(text.data() + slash + 1, text.data() + text.size(), prefix);
  return ec == std::errc() && end == text.data() + text.size() && prefix >= 0 && prefix <= 128 &&
         text.substr(0, slash).find_first_not_of("0123456789abcdefABCDEF:.") == std::string_view::npos;
}

/// Protocol and ports of one permission; the port checks EC2 applies to tcp/udp.
Status parse_ports(const Params& params, const std::string& base, SecurityRule& rule) {
  const std::string* protocol = params.find(base + "IpProtocol");
  if (!protocol || protocol->empty()) return missing_parameter("IpProtocol");
  rule.protocol = normalise_protocol(*protocol);
  if (!valid_protocol(rule.protocol)) {
    return invalid_value(fmt::format("Invalid value '{}' for IP protocol. Unknown protocol.", *protocol));
  }
  auto from = params.integer(base + "FromPort", -1, -1, 65535);
  if (!from) return from.error();
  auto to = params.integer(base + "ToPort", -1, -1, 65535);
  if (!to) return to.error();
  bool ports = rule.protocol == "tcp" || rule.protocol == "udp" || rule.protocol == "icmp" ||
               rule.protocol == "icmpv6";
  if (!ports) return {};  // -1 and other protocols cover every port.
  rule.from_port = static_cast<int>(*from);
  rule.to_port = static_cast<int>(*to);
  if ((rule.protocol == "tcp" || rule.protocol == "udp") &&
      (rule.from_port < 0 || rule.to_port < 0 || rule.from_port > rule.to_port)) {
    return invalid_value(fmt::format("Invalid TCP/UDP port range: from port {} to port {}.", rule.from_port,
                                     rule.to_port));
  }
  return {};
}

Status check_cidr4(const std::string& cidr) {
  if (!parse_cidr4(cidr)) return invalid_value(fmt::format("CIDR block {} is malformed", cidr));
  return {};
}

/// The sources of `IpPermissions.N` (`base` = "IpPermissions.N.").
Status parse_sources(RegionState& region, const Params& params, const std::string& base, const SecurityRule& ports,
                     std::vector<SecurityRule>& out) {
  for (int m : params.indices(base + "IpRanges")) {
    SecurityRule rule = ports;
    rule.cidr_ipv4 = params.get(fmt::format("{}IpRanges.{}.CidrIp", base, m));
    EC2_TRY(check_cidr4(rule.cidr_ipv4));
    rule.description = params.get(fmt::format("{}IpRanges.{}.Description", base, m));
    out.push_back(rule);
  }
  for (int m : params.indices(base + "Ipv6Ranges")) {
    SecurityRule rule = ports;
    rule.cidr_ipv6 = params.get(fmt::format("{}Ipv6Ranges.{}.CidrIpv6", base, m));
    if (!valid_ipv6_cidr(rule.cidr_ipv6)) return invalid_value(fmt::format("CIDR block {} is malformed", rule.cidr_ipv6));
    rule.description = params.get(fmt::format("{}Ipv6Ranges.{}.Description", base, m));
    out.push_back(rule);
  }
  for (int m : params.indices(base + "UserIdGroupPairs") ) {
    SecurityRule rule = ports;
    std::string prefix = fmt::format("{}UserIdGroupPairs.{}.", base, m);
    rule.group_id = params.get(prefix + "GroupId");
    if (rule.group_id.empty() && params.has(prefix + "GroupName")) {
      const Vpc* vpc = region.default_vpc();
      const SecurityGroup* named = vpc ? region.find_group_by_name(vpc->id, params.get(prefix + "GroupName")) : nullptr;
      if (!named) return group_not_found(params.get(prefix + "GroupName"));
      rule.group_id = named->id;
    }
    if (!region.security_groups.count(rule.group_id)) return group_not_found(rule.group_id);
    rule.description = params.get(prefix + "Description");
    out.push_back(rule);
  }
  for (int m : params.indices(base + "PrefixListIds")) {
    SecurityRule rule = ports;
    rule.prefix_list_id = params.get(fmt::format("{}PrefixListIds.{}.PrefixListId", base, m));
    rule.description = params.get(fmt::format("{}PrefixListIds.{}.Description", base, m));
    out.push_back(rule);
  }
  return {};
}

/// The legacy form: top-level IpProtocol/FromPort/ToPort with CidrIp or SourceSecurityGroupName.
Status parse_legacy(RegionState& region, const SecurityGroup& group, const Params& params,
                    std::vector<SecurityRule>& out) {
  SecurityRule rule;
  if (params.has("SourceSecurityGroupName") && !params.has("IpProtocol")) {
    rule.protocol = "-1";  // A source group alone allows everything from it.
  } else {
    EC2_TRY(parse_ports(params, "", rule));
  }
  if (params.has("CidrIp")) {
    rule.cidr_ipv4 = params.get("CidrIp");
    EC2_TRY(check_cidr4(rule.cidr_ipv4));
  } else if (params.has("SourceSecurityGroupName")) {
    const SecurityGroup* named = region.find_group_by_name(group.vpc_id, params.get("SourceSecurityGroupName"));
    if (!named) return group_not_found(params.get("SourceSecurityGroupName"));
    rule.group_id = named->id;
  } else {
    rule.cidr_ipv4 = "0.0.0.0/0";
  }
  out.push_back(rule);
  return {};
}

bool same_rule(const SecurityRule& a, const SecurityRule& b) {
  return a.protocol == b.protocol && a.from_port == b.from_port && a.to_port == b.to_port &&
         a.cidr_ipv4 == b.cidr_ipv4 && a.cidr_ipv6 == b.cidr_ipv6 && a.group_id == b.group_id &&
         a.prefix_list_id == b.prefix_list_id;
}

std::string describe_rule(const SecurityRule& rule) {
  std::string peer = !rule.cidr_ipv4.empty() ? rule.cidr_ipv4
                     : !rule.cidr_ipv6.empty() ? rule.cidr_ipv6
                     : !rule.group_id.empty() ? rule.group_id
                                               : rule.prefix_list_id;
  std::string protocol = rule.protocol == "-1" ? "ALL" : rule.protocol;
  std::transform(protocol.begin(), protocol.end(), protocol.begin(), [](unsigned char c) { return std::toupper(c); });
  if (rule.protocol == "-1") return fmt::format("peer: {}, {}, ALLOW", peer, protocol);
  return fmt::format("peer: {}, {}, from port: {}, to port: {}, ALLOW", peer, protocol, rule.from_port, rule.to_port);
}

}  // namespace

Result<std::vector<SecurityRule>> parse_rules(RegionState& region, const SecurityGroup& group, const Params& params) {
  std::vector<SecurityRule> out;
  std::vector<int> indices = params.indices("IpPermissions");
  if (indices.empty()) {
    if (!params.has("IpProtocol") && !params.has("CidrIp") && !params.has("SourceSecurityGroupName")) {
      return missing_parameter("IpPermissions");
    }
    EC2_TRY(parse_legacy(region, group, params, out));
    return out;
  }
  for (int n : indices) {
    std::string base = fmt::format("IpPermissions.{}.", n);
    SecurityRule ports;
    EC2_TRY(parse_ports(params, base, ports));
    size_t before = out.size();
    EC2_TRY(parse_sources(region, params, base, ports, out));
    if (out.size() == before) {
      return invalid_value("The request must contain at least one of IpRanges, Ipv6Ranges, UserIdGroupPairs or "
                           "PrefixListIds in each IpPermission.");
    }
  }
  return out;
}

std::vector<SecurityRule> rules_of(const std::vector<IpPermission>& permissions) {
  std::vector<SecurityRule> out;
  for (const IpPermission& p : permissions) {
    SecurityRule base{p.protocol, p.from_port, p.to_port, "", "", "", "", ""};
    for (const auto& range : p.ipv4_ranges) {
      out.push_back(base);
      out.back().cidr_ipv4 = range.cidr;
      out.back().description = range.description;
    }
    for (const auto& range : p.ipv6_ranges) {
      out.push_back(base);
      out.back().cidr_ipv6 = range.cidr;
      out.back().description = range.description;
    }
    for (const auto& pair : p.groups) {
      out.push_back(base);
      out.back().group_id = pair.group_id;
      out.back().description = pair.description;
    }
    for (const auto& id : p.prefix_list_ids) {
      out.push_back(base);
      out.back().prefix_list_id = id;
    }
  }
  return out;
}

bool has_rule(const std::vector<IpPermission>& permissions, const SecurityRule& rule) {
  for (const SecurityRule& existing : rules_of(permissions)) {
    if (same_rule(existing, rule)) return true;
  }
  return false;
}

void add_rule(std::vector<IpPermission>& permissions, const SecurityRule& rule) {
  auto it = std::find_if(permissions.begin(), permissions.end(), [&](const IpPermission& p) {
    return p.protocol == rule.protocol && p.from_port == rule.from_port && p.to_port == rule.to_port;
  });
  if (it == permissions.end()) {
    IpPermission permission;
    permission.protocol = rule.protocol;
    permission.from_port = rule.from_port;
    permission.to_port = rule.to_port;
    it = permissions.insert(permissions.end(), permission);
  }
  if (!rule.cidr_ipv4.empty()) it->ipv4_ranges.push_back({rule.cidr_ipv4, rule.description});
  if (!rule.cidr_ipv6.empty()) it->ipv6_ranges.push_back({rule.cidr_ipv6, rule.description});
  if (!rule.group_id.empty()) it->groups.push_back({rule.group_id, std::string(active_account_id()), rule.description});
  if (!rule.prefix_list_id.empty()) it->prefix_list_ids.push_back(rule.prefix_list_id);
}

void remove_rule(std::vector<IpPermission>& permissions, const SecurityRule& rule) {
  for (IpPermission& p : permissions) {
    if (p.protocol != rule.protocol || p.from_port != rule.from_port || p.to_port != rule.to_port) continue;
    std::erase_if(p.ipv4_ranges, [&](auto& r) { return !rule.cidr_ipv4.empty() && r.cidr == rule.cidr_ipv4; });
    std::erase_if(p.ipv6_ranges, [&](auto& r) { return !rule.cidr_ipv6.empty() && r.cidr == rule.cidr_ipv6; });
    std::erase_if(p.groups, [&](auto& g) { return !rule.group_id.empty() && g.group_id == rule.group_id; });
    std::erase_if(p.prefix_list_ids, [&](auto& id) { return id == rule.prefix_list_id; });
  }
  std::erase_if(permissions, [](const IpPermission& p) {
    return p.ipv4_ranges.empty() && p.ipv6_ranges.empty() && p.groups.empty() && p.prefix_list_ids.empty();
  });
}

std::string rule_id(std::string_view group_id, bool egress, const SecurityRule& rule) {
  return stable_id("sgr-", fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}", group_id, egress, rule.protocol, rule.from_port,
                                       rule.to_port, rule.cidr_ipv4, rule.cidr_ipv6, rule.group_id,
                                       rule.prefix_list_id));
}

void write_permissions(XmlWriter& xml, std::string_view element, const std::vector<IpPermission>& permissions) {
  if (permissions.empty()) {
    xml.empty(element);
    return;
  }
  xml.open(element);
  for (const IpPermission& p : permissions) {
    xml.open("item").leaf("ipProtocol", p.protocol);
    if (p.from_port >= 0 || p.protocol == "icmp" || p.protocol == "icmpv6") {
      xml.leaf("fromPort", p.from_port).leaf("toPort", p.to_port);
    }
    xml.open("groups");
    for (const auto& g : p.groups) {
      xml.open("item").leaf("userId", g.user_id).leaf("groupId", g.group_id).leaf_if("description", g.description);
      xml.close();
    }
    xml.close().open("ipRanges");
    for (const auto& r : p.ipv4_ranges) xml.open("item").leaf("cidrIp", r.cidr).leaf_if("description", r.description).close();
    xml.close().open("ipv6Ranges");
    for (const auto& r : p.ipv6_ranges) xml.open("item").leaf("cidrIpv6", r.cidr).leaf_if("description", r.description).close();
    xml.close().open("prefixListIds");
    for (const auto& id : p.prefix_list_ids) xml.open("item").leaf("prefixListId", id).close();
    xml.close().close();
  }
  xml.close();
}

void write_rule(XmlWriter& xml, std::string_view group_id, bool egress, const SecurityRule& rule) {
  xml.open("item").leaf("securityGroupRuleId", rule_id(group_id, egress, rule)).leaf("groupId", group_id);
  xml.leaf("groupOwnerId", active_account_id()).leaf_bool("isEgress", egress).leaf("ipProtocol", rule.protocol);
  xml.leaf("fromPort", rule.from_port).leaf("toPort", rule.to_port);
  xml.leaf_if("cidrIpv4", rule.cidr_ipv4).leaf_if("cidrIpv6", rule.cidr_ipv6).leaf_if("prefixListId", rule.prefix_list_id);
  if (!rule.group_id.empty()) {
    xml.open("referencedGroupInfo").leaf("groupId", rule.group_id).leaf("userId", active_account_id()).close();
  }
  xml.leaf_if("description", rule.description);
  xml.empty("tagSet").close();
}

namespace {

/// Authorize (add) or revoke (remove) the rules of the request on one direction of a group.
Status change_rules(Call& call, XmlWriter& xml, bool egress, bool add) {
  RegionState& region = call.state();
  if (egress && !call.params.has("GroupId")) return missing_parameter("GroupId");
  auto group = find_group(region, call.params);
  if (!group) return group.error();
  auto rules = parse_rules(region, **group, call.params);
  if (!rules) return rules.error();
  std::vector<IpPermission>& permissions = egress ? (*group)->egress : (*group)->ingress;
  for (size_t i = 0; i < rules->size(); ++i) {
    const SecurityRule& rule = (*rules)[i];
    bool repeated = std::any_of(rules->begin(), rules->begin() + static_cast<long>(i),
                                [&](const SecurityRule& r) { return same_rule(r, rule); });
    if (add && (repeated || has_rule(permissions, rule))) {
      return client_error("InvalidPermission.Duplicate",
                          fmt::format("the specified rule \"{}\" already exists", describe_rule(rule)));
    }
    if (!add && !has_rule(permissions, rule)) {
      return client_error("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
    }
  }
  EC2_TRY(call.check_dry_run());
  xml.leaf_bool("return", true);
  if (add) xml.open("securityGroupRuleSet");
  for (const SecurityRule& rule : *rules) {
    if (add) {
      add_rule(permissions, rule);
      write_rule(xml, (*group)->id, egress, rule);
    } else {
      remove_rule(permissions, rule);
    }
  }
  if (add) xml.close();
  return {};
}

void register_security_group_rules(ActionRegistry& registry) {
  registry
      .on("AuthorizeSecurityGroupIngress", [](Call& c, XmlWriter& x) { return change_rules(c, x, false, true); })
      .on("RevokeSecurityGroupIngress", [](Call& c, XmlWriter& x) { return change_rules(c, x, false, false); })
      .on("AuthorizeSecurityGroupEgress", [](Call& c, XmlWriter& x) { return change_rules(c, x, true, true); })
      .on("RevokeSecurityGroupEgress", [](Call& c, XmlWriter& x) { return change_rules(c, x, true, false); });
}
EC2EMU_MODULE(register_security_group_rules);

}  // namespace
}  // namespace ec2::emu
