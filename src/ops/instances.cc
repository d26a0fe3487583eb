#include "ec2/ops/instances.h"

#include "model/instance_schema.h"
#include "model/instance_status_schema.h"
#include "ops/operation.h"

namespace ec2 {
namespace model {

template <>
struct Schema<DescribeInstancesResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeInstancesResponse::request_id),
      field("Reservations", "reservationSet", &DescribeInstancesResponse::reservations),
      field("NextToken", "nextToken", &DescribeInstancesResponse::next_token));
};

template <>
struct Schema<DescribeInstanceStatusResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &DescribeInstanceStatusResponse::request_id),
      field("InstanceStatuses", "instanceStatusSet",
            &DescribeInstanceStatusResponse::instance_statuses),
      field("NextToken", "nextToken", &DescribeInstanceStatusResponse::next_token));
};

template <>
struct Schema<InstanceStateResponse> {
  static constexpr auto fields = std::make_tuple(
      field(nullptr, "requestId", &InstanceStateResponse::request_id),
      field("InstanceStateChanges", "instancesSet", &InstanceStateResponse::state_changes));
};

}  // namespace model

QueryParams to_params(const DescribeInstancesRequest& request) {
  QueryParams params;
  params.set_list("InstanceId", request.instance_ids);
  params.set_filters(request.filters);
  ops::set_optional(params, "MaxResults", request.max_results);
  ops::set_optional(params, "NextToken", request.next_token);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<DescribeInstancesResponse> parse_describe_instances(const pugi::xml_document& doc) {
  return ops::parse_response<DescribeInstancesResponse>(doc);
}

nlohmann::json to_json(const DescribeInstancesResponse& response) {
  return model::json_value(response);
}

Result<DescribeInstancesResponse> describe_instances(const Client& client,
                                                     const DescribeInstancesRequest& request) {
  return ops::invoke(client, "DescribeInstances", to_params(request), "describe instances",
                     &parse_describe_instances);
}

Status describe_instances_pages(const Client& client, const DescribeInstancesRequest& request,
                                const PageCallback<DescribeInstancesResponse>& on_page) {
  return ops::for_each_page<DescribeInstancesRequest, DescribeInstancesResponse>(
      request, [&](const DescribeInstancesRequest& r) { return describe_instances(client, r); },
      on_page, "describe instances");
}

Result<DescribeInstancesResponse> describe_instances_all(const Client& client,
                                                         const DescribeInstancesRequest& request) {
  return ops::collect_pages<DescribeInstancesRequest, DescribeInstancesResponse>(
      request, [&](const DescribeInstancesRequest& r) { return describe_instances(client, r); },
      [](DescribeInstancesResponse& r) -> auto& { return r.reservations; }, "describe instances");
}

QueryParams to_params(const DescribeInstanceStatusRequest& request) {
  QueryParams params;
  params.set_list("InstanceId", request.instance_ids);
  params.set_filters(request.filters);
  ops::set_optional(params, "IncludeAllInstances", request.include_all_instances);
  ops::set_optional(params, "MaxResults", request.max_results);
  ops::set_optional(params, "NextToken", request.next_token);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<DescribeInstanceStatusResponse> parse_describe_instance_status(const pugi::xml_document& doc) {
  return ops::parse_response<DescribeInstanceStatusResponse>(doc);
}

nlohmann::json to_json(const DescribeInstanceStatusResponse& response) {
  return model::json_value(response);
}

Result<DescribeInstanceStatusResponse> describe_instance_status(
    const Client& client, const DescribeInstanceStatusRequest& request) {
  return ops::invoke(client, "DescribeInstanceStatus", to_params(request),
                     "describe instance status", &parse_describe_instance_status);
}

Result<DescribeInstanceStatusResponse> describe_instance_status_all(
    const Client& client, const DescribeInstanceStatusRequest& request) {
  return ops::collect_pages<DescribeInstanceStatusRequest, DescribeInstanceStatusResponse>(
      request,
      [&](const DescribeInstanceStatusRequest& r) { return describe_instance_status(client, r); },
      [](DescribeInstanceStatusResponse& r) -> auto& { return r.instance_statuses; },
      "describe instance status");
}

QueryParams to_params(const RunInstancesRequest& request) {
  QueryParams params;
  params.set("ImageId", request.image_id);
  ops::set_optional(params, "InstanceType", request.instance_type);
  params.set_int("MinCount", request.min_count);
  params.set_int("MaxCount", request.max_count);
  ops::set_optional(params, "KeyName", request.key_name);
  ops::set_optional(params, "SubnetId", request.subnet_id);
  params.set_list("SecurityGroupId", request.security_group_ids);
  params.set_list("SecurityGroup", request.security_groups);
  if (request.user_data) {
    params.set("UserData", request.user_data_is_base64 ? *request.user_data
                                                       : encode_base64(*request.user_data));
  }
  ops::set_optional(params, "InstanceInitiatedShutdownBehavior",
                    request.instance_initiated_shutdown_behavior);
  ops::set_optional(params, "ClientToken", request.client_token);
  ops::set_optional(params, "PrivateIpAddress", request.private_ip_address);
  ops::set_optional(params, "Placement.AvailabilityZone", request.availability_zone);
  ops::set_optional(params, "IamInstanceProfile.Name", request.iam_instance_profile_name);
  ops::set_optional(params, "IamInstanceProfile.Arn", request.iam_instance_profile_arn);
  ops::set_optional(params, "EbsOptimized", request.ebs_optimized);
  ops::set_optional(params, "Monitoring.Enabled", request.monitoring);
  ops::set_optional(params, "DisableApiTermination", request.disable_api_termination);
  ops::add_tag_specifications(params, request.tag_specifications);
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<RunInstancesResponse> parse_run_instances(const pugi::xml_document& doc) {
  pugi::xml_node root = doc.document_element();
  RunInstancesResponse response;
  response.request_id = root.child("requestId").child_value();
  Error error;
  if (!root || !model::read(root, response.reservation, error)) {
    return root ? error
                : make_error(ErrorCategory::Parse, "MalformedResponse", "response has no root");
  }
  return response;
}

Result<RunInstancesResponse> run_instances(const Client& client,
                                           const RunInstancesRequest& request) {
  return ops::invoke(client, "RunInstances", to_params(request), "run instances",
                     &parse_run_instances);
}

QueryParams to_params(std::string_view action, const InstanceStateRequest& request) {
  QueryParams params;
  params.set_list("InstanceId", request.instance_ids);
  if (action == "StopInstances") {
    if (request.hibernate) params.set_bool("Hibernate", true);
    if (request.force) params.set_bool("Force", true);
  }
  ops::add_dry_run(params, request.dry_run);
  return params;
}

Result<InstanceStateResponse> parse_instance_state_changes(const pugi::xml_document& doc) {
  return ops::parse_response<InstanceStateResponse>(doc);
}

Result<InstanceStateResponse> start_instances(const Client& client,
                                              const InstanceStateRequest& request) {
  return ops::invoke(client, "StartInstances", to_params("StartInstances", request),
                     "start instances", &parse_instance_state_changes);
}

Result<InstanceStateResponse> stop_instances(const Client& client,
                                             const InstanceStateRequest& request) {
  return ops::invoke(client, "StopInstances", to_params("StopInstances", request),
                     "stop instances", &parse_instance_state_changes);
}

Result<InstanceStateResponse> terminate_instances(const Client& client,
                                                  const InstanceStateRequest& request) {
  return ops::invoke(client, "TerminateInstances", to_params("TerminateInstances", request),
                     "terminate instances", &parse_instance_state_changes);
}

}  // namespace ec2
