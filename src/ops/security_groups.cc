#include "ec2/ops/security_groups.h"

#include "model/security_group_schema.h"
#include "ops/operation.h"

namespace ec2 {
namespace model {

template <>
struct Schema<CreateSecurityGroupResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &CreateSecurityGroupResponse::request_id),
      field("GroupId", "groupId", &CreateSecurityGroupResponse::group_id),
      field("Tags", "tagSet", &CreateSecurityGroupResponse::tags));
};

template <>
struct Schema<DescribeSecurityGroupsResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeSecurityGroupsResponse::request_id),
      field("SecurityGroups", "securityGroupInfo",
            &DescribeSecurityGroupsResponse::security_groups),
      field("NextToken", "nextToken", &DescribeSecurityGroupsResponse::next_token));
};

template <>
struct Schema<AuthorizeSecurityGroupIngressResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &AuthorizeSecurityGroupIngressResponse::request_id),
      field("Return", "return", &AuthorizeSecurityGroupIngressResponse::return_value),
      field("SecurityGroupRules", "securityGroupRuleSet",
            &AuthorizeSecurityGroupIngressResponse::security_group_rules));
};

template <>
struct Schema<RevokeSecurityGroupIngressResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &RevokeSecurityGroupIngressResponse::request_id),
      field("Return", "return", &RevokeSecurityGroupIngressResponse::return_value));
};

}  // namespace model

namespace {

/// `prefix.N.<Field>` for each entry of an IpPermission list member.
void add_permission(QueryParams& params, const std::string& base, const IpPermission& p) {
  ops::set_optional(params, base + ".IpProtocol", p.ip_protocol);
  ops::set_optional(params, base + ".FromPort", p.from_port);
  ops::set_optional(params, base + ".ToPort", p.to_port);
  auto each = [&](const auto& list, const std::string& name, auto add) {
    if (!list) return;
    for (size_t i = 0; i < list->size(); ++i) {
      add(base + "." + name + "." + std::to_string(i + 1), (*list)[i]);
    }
  };
  each(p.ip_ranges, "IpRanges", [&](const std::string& b, const IpRange& r) {
    ops::set_optional(params, b + ".CidrIp", r.cidr_ip);
    ops::set_optional(params, b + ".Description", r.description);
  });
  each(p.ipv6_ranges, "Ipv6Ranges", [&](const std::string& b, const Ipv6Range& r) {
    ops::set_optional(params, b + ".CidrIpv6", r.cidr_ipv6);
    ops::set_optional(params, b + ".Description", r.description);
  });
  each(p.prefix_list_ids, "PrefixListIds", [&](const std::string& b, const PrefixListId& r) {
    ops::set_optional(params, b + ".PrefixListId", r.prefix_list_id);
    ops::set_optional(params, b + ".Description", r.description);
  });
  each(p.user_id_group_pairs, "Groups", [&](const std::string& b, const UserIdGroupPair& g) {
    ops::set_optional(params, b + ".GroupId", g.group_id);
    ops::set_optional(params, b + ".GroupName", g.group_name);
    ops::set_optional(params, b + ".UserId", g.user_id);
    ops::set_optional(params, b + ".VpcId", g.vpc_id);
    ops::set_optional(params, b + ".VpcPeeringConnectionId", g.vpc_peering_connection_id);
    ops::set_optional(params, b + ".Description", g.description);
  });
}

/// The group and its `IpPermissions.N.*`, shared by Authorize- and RevokeSecurityGroupIngress.
QueryParams rule_change_params(const std::optional<std::string>& group_id,
                               const std::optional<std::string>& group_name,
                               const std::vector<IpPermission>& permissions) {
  QueryParams params;
  ops::set_optional(params, "GroupId", group_id);
  ops::set_optional(params, "GroupName", group_name);
  for (size_t i = 0; i < permissions.size(); ++i) {
    add_permission(params, "IpPermissions." + std::to_string(i + 1), permissions[i]);
  }
  return params;
}

}  // namespace

QueryParams to_params(const CreateSecurityGroupRequest& request) {
  QueryParams params;
  params.set("GroupDescription", request.description);
  params.set("GroupName", request.group_name);
  ops::set_optional(params, "VpcId", request.vpc_id);
  ops::add_tag_specifications(params, request.tag_specifications);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<CreateSecurityGroupResponse> parse_create_security_group(const pugi::xml_document& doc) {
  return ops::parse_response<CreateSecurityGroupResponse>(doc);
}

nlohmann::json to_json(const CreateSecurityGroupResponse& response) {
  return model::json_value(response);
}

Result<CreateSecurityGroupResponse> create_security_group(
    const Client& client, const CreateSecurityGroupRequest& request) {
  return ops::invoke(client, "CreateSecurityGroup", to_params(request), "create security group",
                     &parse_create_security_group);
}

QueryParams to_params(const DeleteSecurityGroupRequest& request) {
  QueryParams params;
  ops::set_optional(params, "GroupId", request.group_id);
  ops::set_optional(params, "GroupName", request.group_name);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<EmptyResponse> delete_security_group(const Client& client,
                                            const DeleteSecurityGroupRequest& request) {
  return ops::invoke(client, "DeleteSecurityGroup", to_params(request), "delete security group",
                     &ops::parse_response<EmptyResponse>);
}

QueryParams to_params(const DescribeSecurityGroupsRequest& request) {
  QueryParams params;
  params.set_filters(request.filters);
  params.set_list("GroupId", request.group_ids);
  params.set_list("GroupName", request.group_names);
  ops::add_dry_run(params, request.dry_run);
  ops::set_optional(params, "NextToken", request.next_token);
  ops::set_optional(params, "MaxResults", request.max_results);
  return params;
}

Result<DescribeSecurityGroupsResponse> parse_describe_security_groups(
    const pugi::xml_document& doc) {
  return ops::parse_response<DescribeSecurityGroupsResponse>(doc);
}

nlohmann::json to_json(const DescribeSecurityGroupsResponse& response) {
  return model::json_value(response);
}

Result<DescribeSecurityGroupsResponse> describe_security_groups(
    const Client& client, const DescribeSecurityGroupsRequest& request) {
  return ops::invoke(client, "DescribeSecurityGroups", to_params(request),
                     "describe security groups", &parse_describe_security_groups);
}

Result<DescribeSecurityGroupsResponse> describe_security_groups_all(
    const Client& client, const DescribeSecurityGroupsRequest& request) {
  return ops::collect_pages<DescribeSecurityGroupsRequest, DescribeSecurityGroupsResponse>(
      request,
      [&](const DescribeSecurityGroupsRequest& r) { return describe_security_groups(client, r); },
      [](DescribeSecurityGroupsResponse& r) -> auto& { return r.security_groups; },
      "describe security groups");
}

QueryParams to_params(const AuthorizeSecurityGroupIngressRequest& request) {
  QueryParams params = rule_change_params(request.group_id, request.group_name, request.ip_permissions);
  ops::add_tag_specifications(params, request.tag_specifications);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<AuthorizeSecurityGroupIngressResponse> parse_authorize_security_group_ingress(
    const pugi::xml_document& doc) {
  return ops::parse_response<AuthorizeSecurityGroupIngressResponse>(doc);
}

nlohmann::json to_json(const AuthorizeSecurityGroupIngressResponse& response) {
  return model::json_value(response);
}

Result<AuthorizeSecurityGroupIngressResponse> authorize_security_group_ingress(
    const Client& client, const AuthorizeSecurityGroupIngressRequest& request) {
  return ops::invoke(client, "AuthorizeSecurityGroupIngress", to_params(request),
                     "authorize security group ingress", &parse_authorize_security_group_ingress);
}

QueryParams to_params(const RevokeSecurityGroupIngressRequest& request) {
  QueryParams params = rule_change_params(request.group_id, request.group_name, request.ip_permissions);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<RevokeSecurityGroupIngressResponse> parse_revoke_security_group_ingress(
    const pugi::xml_document& doc) {
  return ops::parse_response<RevokeSecurityGroupIngressResponse>(doc);
}

Result<RevokeSecurityGroupIngressResponse> revoke_security_group_ingress(
    const Client& client, const RevokeSecurityGroupIngressRequest& request) {
  return ops::invoke(client, "RevokeSecurityGroupIngress", to_params(request),
                     "revoke security group ingress", &parse_revoke_security_group_ingress);
}

}  // namespace ec2
