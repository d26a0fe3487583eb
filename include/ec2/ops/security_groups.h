#pragma once
/// Security groups: CreateSecurityGroup, DeleteSecurityGroup, DescribeSecurityGroups,
/// AuthorizeSecurityGroupIngress.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/client.h"
#include "ec2/model/security_group.h"
#include "ec2/ops/common.h"
#include "ec2/query.h"
#include "ec2/types.h"

namespace ec2 {

struct CreateSecurityGroupRequest {
  std::string group_name;                            ///< GroupName
  std::string description;                           ///< GroupDescription
  std::optional<std::string> vpc_id;                 ///< VpcId
  std::vector<TagSpecification> tag_specifications;  ///< TagSpecification.N
  bool dry_run = false;                              ///< DryRun
};

struct CreateSecurityGroupResponse {
  std::string request_id;
  std::optional<std::string> group_id;  ///< GroupId
  std::optional<Tags> tags;             ///< Tags
};

QueryParams to_params(const CreateSecurityGroupRequest& request);
Result<CreateSecurityGroupResponse> parse_create_security_group(const pugi::xml_document& doc);
nlohmann::json to_json(const CreateSecurityGroupResponse& response);
Result<CreateSecurityGroupResponse> create_security_group(const Client& client,
                                                          const CreateSecurityGroupRequest& request);

/// DeleteSecurityGroup input: by id, or by name (default VPC).
struct DeleteSecurityGroupRequest {
  std::optional<std::string> group_id;    ///< GroupId
  std::optional<std::string> group_name;  ///< GroupName
  bool dry_run = false;                   ///< DryRun
};

QueryParams to_params(const DeleteSecurityGroupRequest& request);
Result<EmptyResponse> delete_security_group(const Client& client,
                                            const DeleteSecurityGroupRequest& request);

struct DescribeSecurityGroupsRequest {
  std::vector<std::string> group_ids;     ///< GroupId.N
  std::vector<std::string> group_names;   ///< GroupName.N
  Filters filters;                        ///< Filter.N
  std::optional<int> max_results;         ///< MaxResults
  std::optional<std::string> next_token;  ///< NextToken
  bool dry_run = false;                   ///< DryRun
};

struct DescribeSecurityGroupsResponse {
  std::string request_id;
  std::vector<SecurityGroup> security_groups;
  std::optional<std::string> next_token;
};

QueryParams to_params(const DescribeSecurityGroupsRequest& request);
Result<DescribeSecurityGroupsResponse> parse_describe_security_groups(const pugi::xml_document& doc);
/// `{"SecurityGroups": [...], "NextToken": ...}`.
nlohmann::json to_json(const DescribeSecurityGroupsResponse& response);
Result<DescribeSecurityGroupsResponse> describe_security_groups(
    const Client& client, const DescribeSecurityGroupsRequest& request = {});
/// Every page, groups concatenated.
Result<DescribeSecurityGroupsResponse> describe_security_groups_all(
    const Client& client, const DescribeSecurityGroupsRequest& request = {});

/// AuthorizeSecurityGroupIngress input. Rules go in `ip_permissions` (encoded as
/// `IpPermissions.N.IpProtocol`, `.FromPort`, `.ToPort`, `.IpRanges.M.CidrIp`,
/// `.Ipv6Ranges.M.CidrIpv6`, `.PrefixListIds.M.PrefixListId`, `.Groups.M.GroupId`, ...).
struct AuthorizeSecurityGroupIngressRequest {
  std::optional<std::string> group_id;               ///< GroupId
  std::optional<std::string> group_name;             ///< GroupName (default VPC only)
  std::vector<IpPermission> ip_permissions;          ///< IpPermissions.N
  std::vector<TagSpecification> tag_specifications;  ///< TagSpecification.N
  bool dry_run = false;                              ///< DryRun
};

struct AuthorizeSecurityGroupIngressResponse {
  std::string request_id;
  bool return_value = false;                                    ///< Return
  std::optional<std::vector<SecurityGroupRule>> security_group_rules;  ///< SecurityGroupRules
};

QueryParams to_params(const AuthorizeSecurityGroupIngressRequest& request);
Result<AuthorizeSecurityGroupIngressResponse> parse_authorize_security_group_ingress(
    const pugi::xml_document& doc);
nlohmann::json to_json(const AuthorizeSecurityGroupIngressResponse& response);
Result<AuthorizeSecurityGroupIngressResponse> authorize_security_group_ingress(
    const Client& client, const AuthorizeSecurityGroupIngressRequest& request);

/// RevokeSecurityGroupIngress input: the rules to remove, given exactly as they were authorized
/// (same `IpPermissions.N` encoding as AuthorizeSecurityGroupIngress).
struct RevokeSecurityGroupIngressRequest {
  std::optional<std::string> group_id;       ///< GroupId
  std::optional<std::string> group_name;     ///< GroupName (default VPC only)
  std::vector<IpPermission> ip_permissions;  ///< IpPermissions.N
  bool dry_run = false;                      ///< DryRun
};

struct RevokeSecurityGroupIngressResponse {
  std::string request_id;
  bool return_value = false;  ///< Return
};

QueryParams to_params(const RevokeSecurityGroupIngressRequest& request);
Result<RevokeSecurityGroupIngressResponse> parse_revoke_security_group_ingress(
    const pugi::xml_document& doc);
Result<RevokeSecurityGroupIngressResponse> revoke_security_group_ingress(
    const Client& client, const RevokeSecurityGroupIngressRequest& request);


}  // namespace ec2
