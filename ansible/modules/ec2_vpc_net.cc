// ec2_vpc_net binary module: finds the VPC (by id, else by Name tag and CIDR blocks), then creates,
// updates or deletes it as amazon.aws.ec2_vpc_net does.
#include "ec2_vpc_net.h"

#include "ec2/vpc/filters.h"
#include "ec2/vpc/layer.h"
#include "ec2/vpc/vpcs.h"

namespace ec2::ansible::vpc_net {
namespace {

using nlohmann::json;

Args read_args(Module& module) {
  Args a;
  a.name = module.str("name");
  a.vpc_id = module.str("vpc_id");
  if (auto cidrs = module.list("cidr_block")) a.cidr_block = network_cidrs(module, *cidrs);
  a.ipv6_cidr = module.flag("ipv6_cidr");
  a.purge_cidrs = module.flag("purge_cidrs").value_or(false);
  a.tenancy = module.str("tenancy").value_or("default");
  a.dns_support = module.flag("dns_support");
  a.dns_hostnames = module.flag("dns_hostnames");
  if (module.is_set("tags")) {
    vpc::TagMap tags;
    for (const auto& [key, value] : module.dict("tags").items()) {
      tags[key] = value.is_string() ? value.get<std::string>() : value.dump();
    }
    a.tags = tags;
  }
  a.purge_tags = module.flag("purge_tags").value_or(true);
  a.state = module.str("state").value_or("present");
  a.multi_ok = module.flag("multi_ok").value_or(false);
  return a;
}

/// The id of the VPC named `name` with these CIDR blocks (exactly, else the first one); nullopt when
/// there is none or multi_ok is set. Several matches are an error.
Result<std::optional<std::string>> find_vpc(const Client& client, const Args& args) {
  std::vector<std::string> cidrs = args.cidr_block.value_or(std::vector<std::string>{});
  vpc::FilterMap filters = {{"tag:Name", args.name.value_or("")}, {"cidr-block", cidrs}};
  auto matches = vpc::describe_vpcs(client, {}, vpc::to_filters(filters));
  if (matches && matches->empty() && !cidrs.empty()) {
    filters[1].second = std::vector<std::string>{cidrs.front()};
    matches = vpc::describe_vpcs(client, {}, vpc::to_filters(filters));
  }
  if (!matches) return matches.error();
  if (args.multi_ok || matches->empty()) return std::optional<std::string>{};
  if (matches->size() > 1) {
    return make_error(ErrorCategory::Client, "MultipleVpcs",
                      "Currently there are " + std::to_string(matches->size()) +
                          " VPCs that have the same name and CIDR block you specified. If you would like to "
                          "create the VPC anyway please pass True to the multi_ok param.");
  }
  return std::optional<std::string>(matches->front().vpc_id.value_or(""));
}

/// The VPC once it is available (InvalidVpcID.NotFound retried, as right after a create).
Result<Vpc> available_vpc(const Client& client, const std::string& vpc_id) {
  if (auto waited = vpc::wait_vpc_available(client, vpc_id); !waited) {
    return waited.error().with_context("wait for VPC " + vpc_id + " to be available");
  }
  auto found = vpc::get_vpc(client, vpc_id, true);
  if (!found) return found.error();
  if (!*found) return make_error(ErrorCategory::NotFound, std::string(vpc::kVpcNotFound),
                                 "The vpc ID '" + vpc_id + "' does not exist");
  return **found;
}

Result<std::string> create(const Client& client, const Args& args) {
  CreateVpcRequest request;
  request.cidr_block = args.cidr_block->front();
  request.instance_tenancy = args.tenancy;
  vpc::TagMap tags = args.tags.value_or(vpc::TagMap{});
  if (args.name) tags["Name"] = *args.name;
  if (!tags.empty()) request.tag_specifications.push_back({"vpc", vpc::to_tags(tags)});
  if (args.ipv6_cidr.value_or(false)) request.amazon_provided_ipv6_cidr_block = true;
  auto created = vpc::create_vpc(client, request);
  if (!created) return created.error();
  std::string vpc_id = created->vpc_id.value_or("");
  WaiterOptions options = vpc::vpc_waiter_options("VPC " + vpc_id + " to exist");
  options.max_attempts = 30;
  if (auto exists = vpc::wait_vpc_exists(client, vpc_id, {}, options); !exists) {
    return exists.error().with_context("wait for VPC " + vpc_id + " to exist");
  }
  return vpc_id;
}

/// Waits until what was changed shows in DescribeVpcs (amazon.aws's wait_for_updates).
Status settle(const Client& client, const Args& args, const std::string& vpc_id,
              const std::vector<std::string>& desired_cidrs, const std::optional<vpc::TagMap>& tags,
              std::optional<bool> dns_support, std::optional<bool> dns_hostnames) {
  if (!desired_cidrs.empty()) EC2_TRY(vpc::wait_cidr_blocks(client, vpc_id, desired_cidrs));
  if (args.ipv6_cidr) EC2_TRY(vpc::wait_ipv6_state(client, vpc_id, *args.ipv6_cidr));
  if (tags && !tags->empty()) {
    Filters filters;
    for (const auto& [key, value] : *tags) filters.push_back({"tag:" + key, {value}});
    EC2_TRY(vpc::wait_vpc_available(client, vpc_id, filters));
  }
  if (dns_support) EC2_TRY(vpc::wait_vpc_attribute(client, vpc_id, vpc::VpcAttribute::EnableDnsSupport, *dns_support));
  if (dns_hostnames) {
    EC2_TRY(vpc::wait_vpc_attribute(client, vpc_id, vpc::VpcAttribute::EnableDnsHostnames, *dns_hostnames));
  }
  return {};
}

ModuleExit present(const Client& client, Module& module, const Args& args, std::optional<std::string> vpc_id) {
  bool changed = false;
  json before = json::object();
  std::optional<bool> dns_support = args.dns_support, dns_hostnames = args.dns_hostnames;
  std::vector<std::string> desired_cidrs;
  Updater update{client, module, args};
  vpc::TagMap tags_after;
  if (!vpc_id) {
    if (!args.name) return fail_json("The name parameter must be specified when creating a new VPC.");
    if (module.check_mode()) return exit_json({{"changed", true}, {"msg", "VPC would be created if not in check mode"}});
    auto created = create(client, args);
    if (!created) return fail_aws(created.error());
    vpc_id = *created;
    changed = true;
    auto vpc = available_vpc(client, *vpc_id);
    if (!vpc) return fail_aws(vpc.error());
    if (args.cidr_block->size() > 1) {
      auto cidrs = update.cidrs(*vpc, desired_cidrs);
      if (!cidrs) return fail_aws(cidrs.error());
    }
    dns_support = dns_support.value_or(true);
    dns_hostnames = dns_hostnames.value_or(true);
  } else {
    auto exists = vpc::get_vpc(client, *vpc_id);
    if (!exists) return fail_aws(exists.error());
    if (!*exists) return fail_json("VPC " + *vpc_id + " does not exist");
    auto vpc = available_vpc(client, *vpc_id);
    if (!vpc) return fail_aws(vpc.error());
    before = diff_view(*vpc);
    for (auto step : {update.cidrs(*vpc, desired_cidrs), update.ipv6(*vpc), update.tags(*vpc_id, tags_after)}) {
      if (!step) return fail_aws(step.error());
      changed |= *step;
    }
  }
  auto dns = update.dns(*vpc_id, dns_support, dns_hostnames);
  if (!dns) return fail_aws(dns.error());
  changed |= *dns;
  if (!module.check_mode()) {
    std::optional<vpc::TagMap> tags = args.tags;
    if (auto settled = settle(client, args, *vpc_id, desired_cidrs, tags, dns_support, dns_hostnames); !settled) {
      return fail_aws(settled.error());
    }
  }
  auto final_vpc = available_vpc(client, *vpc_id);
  if (!final_vpc) return fail_aws(final_vpc.error());
  auto classic = vpc::classic_link_enabled(client, *vpc_id);
  if (!classic) return fail_aws(classic.error());
  json result = {{"changed", changed}, {"vpc", vpc_result(*final_vpc, *classic)}};
  if (module.diff_mode()) {
    json after = diff_view(*final_vpc);
    if (module.check_mode()) {
      if (!desired_cidrs.empty()) after["cidr_block"] = desired_cidrs;
      if (args.tags || args.name) after["tags"] = vpc::to_json(tags_after);
    }
    result["diff"] = {{"before", before}, {"after", after}};
  }
  return exit_json(std::move(result));
}

ModuleExit absent(const Client& client, Module& module, const std::optional<std::string>& vpc_id) {
  json result = {{"changed", false}, {"vpc", json::object()}};
  if (!vpc_id) return exit_json(result);
  json before = json::object();
  if (module.diff_mode()) {
    auto found = vpc::get_vpc(client, *vpc_id);
    if (!found) return fail_aws(found.error());
    if (*found) before = diff_view(**found);
  }
  if (module.check_mode()) {
    result["changed"] = true;
  } else {
    auto deleted = vpc::delete_vpc(client, *vpc_id);
    if (!deleted) {
      return fail_aws(deleted.error(), "Failed to delete VPC " + *vpc_id +
                                           " You may want to use the ec2_vpc_subnet, ec2_vpc_igw, and/or "
                                           "ec2_vpc_route_table modules to ensure that all dependent components are absent");
    }
    result["changed"] = *deleted;
  }
  if (module.diff_mode()) result["diff"] = {{"before", before}, {"after", json::object()}};
  return exit_json(std::move(result));
}

ModuleExit run(Module& module) {
  Args args = read_args(module);
  if (args.dns_hostnames.value_or(false) && !args.dns_support.value_or(false)) {
    return fail_json("In order to enable DNS Hostnames you must also enable DNS support");
  }
  auto client = make_client(module);
  if (!client) return fail_json(client.error().message);
  std::optional<std::string> vpc_id = args.vpc_id;
  if (!vpc_id) {
    auto found = find_vpc(*client, args);
    if (!found) {
      if (found.error().code == "MultipleVpcs") return fail_json(found.error().message);
      return fail_aws(found.error());
    }
    vpc_id = *found;
  }
  if (args.state == "absent") return absent(*client, module, vpc_id);
  return present(*client, module, args, vpc_id);
}

}  // namespace
}  // namespace ec2::ansible::vpc_net

int main(int argc, char** argv) {
  return ec2::ansible::run_module(ec2::ansible::vpc_net::spec(), argc, argv, ec2::ansible::vpc_net::run);
}
