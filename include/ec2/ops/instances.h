#pragma once
/// Instance operations: DescribeInstances (one page, all pages, or page by page),
/// DescribeInstanceStatus, RunInstances, StartInstances, StopInstances, TerminateInstances.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ec2/client.h"
#include "ec2/model/instance.h"
#include "ec2/model/instance_status.h"
#include "ec2/ops/common.h"
#include "ec2/query.h"
#include "ec2/types.h"

namespace ec2 {

/// DescribeInstances input. `max_results` (5–1000) cannot be combined with `instance_ids`.
struct DescribeInstancesRequest {
  std::vector<std::string> instance_ids;  ///< InstanceId.N
  Filters filters;                        ///< Filter.N.Name / Filter.N.Value.M
  std::optional<int> max_results;         ///< MaxResults
  std::optional<std::string> next_token;  ///< NextToken
  bool dry_run = false;                   ///< DryRun
};

/// DescribeInstances output (one page, or every page for describe_instances_all).
struct DescribeInstancesResponse {
  std::string request_id;
  std::vector<Reservation> reservations;
  std::optional<std::string> next_token;
};

QueryParams to_params(const DescribeInstancesRequest& request);
/// Reads a `<DescribeInstancesResponse>` document.
Result<DescribeInstancesResponse> parse_describe_instances(const pugi::xml_document& doc);
/// `{"Reservations": [...], "NextToken": ...}` as boto3 returns it (without ResponseMetadata).
nlohmann::json to_json(const DescribeInstancesResponse& response);

/// One page.
Result<DescribeInstancesResponse> describe_instances(const Client& client,
                                                     const DescribeInstancesRequest& request = {});
/// Every page, reservations concatenated in order; `next_token` is empty and `request_id` is the
/// last page's.
Result<DescribeInstancesResponse> describe_instances_all(
    const Client& client, const DescribeInstancesRequest& request = {});
/// Every page, handed to `on_page` as it arrives (so callers can stream large fleets).
/// Stops early when `on_page` returns false.
Status describe_instances_pages(const Client& client, const DescribeInstancesRequest& request,
                                const PageCallback<DescribeInstancesResponse>& on_page);

/// DescribeInstanceStatus input.
struct DescribeInstanceStatusRequest {
  std::vector<std::string> instance_ids;       ///< InstanceId.N
  Filters filters;                             ///< Filter.N
  std::optional<bool> include_all_instances;   ///< IncludeAllInstances (default: running only)
  std::optional<int> max_results;              ///< MaxResults
  std::optional<std::string> next_token;       ///< NextToken
  bool dry_run = false;                        ///< DryRun
};

struct DescribeInstanceStatusResponse {
  std::string request_id;
  std::vector<InstanceStatus> instance_statuses;
  std::optional<std::string> next_token;
};

QueryParams to_params(const DescribeInstanceStatusRequest& request);
Result<DescribeInstanceStatusResponse> parse_describe_instance_status(const pugi::xml_document& doc);
nlohmann::json to_json(const DescribeInstanceStatusResponse& response);
Result<DescribeInstanceStatusResponse> describe_instance_status(
    const Client& client, const DescribeInstanceStatusRequest& request = {});
/// Every page, statuses concatenated.
Result<DescribeInstanceStatusResponse> describe_instance_status_all(
    const Client& client, const DescribeInstanceStatusRequest& request = {});

/// RunInstances input. `user_data` is the raw script: it is base64-encoded before sending unless
/// `user_data_is_base64` says it already is.
struct RunInstancesRequest {
  std::string image_id;                                   ///< ImageId
  std::optional<std::string> instance_type;               ///< InstanceType
  int min_count = 1;                                      ///< MinCount
  int max_count = 1;                                      ///< MaxCount
  std::optional<std::string> key_name;                    ///< KeyName
  std::optional<std::string> subnet_id;                   ///< SubnetId
  std::vector<std::string> security_group_ids;            ///< SecurityGroupId.N
  std::vector<std::string> security_groups;               ///< SecurityGroup.N (names)
  std::optional<std::string> user_data;                   ///< UserData
  bool user_data_is_base64 = false;
  std::optional<std::string> instance_initiated_shutdown_behavior;  ///< "stop" | "terminate"
  std::optional<std::string> client_token;                ///< ClientToken (idempotency)
  std::optional<std::string> private_ip_address;          ///< PrivateIpAddress
  std::optional<std::string> availability_zone;           ///< Placement.AvailabilityZone
  std::optional<std::string> iam_instance_profile_name;   ///< IamInstanceProfile.Name
  std::optional<std::string> iam_instance_profile_arn;    ///< IamInstanceProfile.Arn
  std::optional<bool> ebs_optimized;                      ///< EbsOptimized
  std::optional<bool> monitoring;                         ///< Monitoring.Enabled
  std::optional<bool> disable_api_termination;            ///< DisableApiTermination
  std::vector<TagSpecification> tag_specifications;       ///< TagSpecification.N
  bool dry_run = false;                                   ///< DryRun
};

/// RunInstances output: the new reservation.
struct RunInstancesResponse {
  std::string request_id;
  Reservation reservation;
};

QueryParams to_params(const RunInstancesRequest& request);
Result<RunInstancesResponse> parse_run_instances(const pugi::xml_document& doc);
Result<RunInstancesResponse> run_instances(const Client& client, const RunInstancesRequest& request);

/// Input of StartInstances, StopInstances and TerminateInstances.
struct InstanceStateRequest {
  std::vector<std::string> instance_ids;  ///< InstanceId.N
  bool force = false;                     ///< Force (StopInstances only)
  bool hibernate = false;                 ///< Hibernate (StopInstances only)
  bool dry_run = false;                   ///< DryRun
};

/// Output of Start/Stop/TerminateInstances: previous and current state of each instance.
struct InstanceStateResponse {
  std::string request_id;
  std::vector<InstanceStateChange> state_changes;
};

/// `action` is "StartInstances", "StopInstances" or "TerminateInstances".
QueryParams to_params(std::string_view action, const InstanceStateRequest& request);
Result<InstanceStateResponse> parse_instance_state_changes(const pugi::xml_document& doc);
Result<InstanceStateResponse> start_instances(const Client& client, const InstanceStateRequest& request);
Result<InstanceStateResponse> stop_instances(const Client& client, const InstanceStateRequest& request);
Result<InstanceStateResponse> terminate_instances(const Client& client,
                                                  const InstanceStateRequest& request);

}  // namespace ec2
