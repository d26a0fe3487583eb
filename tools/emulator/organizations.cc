// Organizations (JSON protocol, `X-Amz-Target: AWSOrganizationsV20161128.*`): ListAccounts and
// DescribeOrganization over the accounts file. The first account of the file is the management
// account; only its principals may call.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "emulator.h"
#include "ids.h"

namespace ec2::emu {
namespace {

HttpReply json_error(int status, const std::string& type, const std::string& message) {
  HttpReply reply;
  reply.status = status;
  reply.content_type = "application/x-amz-json-1.1";
  reply.body = nlohmann::json{{"__type", type}, {"Message", message}}.dump();
  return reply;
}

HttpReply json_ok(const nlohmann::json& body) {
  HttpReply reply;
  reply.content_type = "application/x-amz-json-1.1";
  reply.body = body.dump();
  return reply;
}

std::string email_of(const Account& account) { return (account.alias.empty() ? account.id : account.alias) + "@example.com"; }

/// Page `NextToken` (an index) of at most `MaxResults` (1–20, default 20) accounts.
HttpReply list_accounts(const Accounts& accounts, const std::string& org_id, const nlohmann::json& body) {
  int max = body.value("MaxResults", 20);
  if (max < 1 || max > 20) return json_error(400, "InvalidInputException", "MaxResults must be from 1 to 20");
  size_t start = 0;
  std::string token = body.value("NextToken", "");
  if (!token.empty()) {
    if (token.find_first_not_of("0123456789") != std::string::npos || token.size() > 6 ||
        std::stoul(token) >= accounts.accounts.size()) {
      return json_error(400, "InvalidInputException", "The NextToken is not valid");
    }
    start = std::stoul(token);
  }
  const std::string& management = accounts.accounts.front().id;
  nlohmann::json list = nlohmann::json::array();
  size_t end = std::min(accounts.accounts.size(), start + static_cast<size_t>(max));
  for (size_t i = start; i < end; ++i) {
    const Account& account = accounts.accounts[i];
    list.push_back({{"Id", account.id},
                    {"Arn", fmt::format("arn:aws:organizations::{}:account/{}/{}", management, org_id, account.id)},
                    {"Email", email_of(account)},
                    {"Name", account.alias.empty() ? account.id : account.alias},
                    {"Status", "ACTIVE"},
                    {"JoinedMethod", i == 0 ? "CREATED" : "INVITED"},
                    {"JoinedTimestamp", 1704067200.0}});
  }
  nlohmann::json answer = {{"Accounts", list}};
  if (end < accounts.accounts.size()) answer["NextToken"] = std::to_string(end);
  return json_ok(answer);
}

}  // namespace

HttpReply Emulator::organizations(const HttpCall& http) {
  Identity caller;
  if (options_.authenticate) {
    auto verified = verify_request(options_.credentials, &sessions_, http, options_.clock->now(),
                                   AuthDialect::Organizations, emulated_now());
    if (!verified) return json_error(verified.error().http_status, verified.error().code, verified.error().message);
    caller = verified->identity;
  }
  const std::string* target = find_header(http.headers, "X-Amz-Target");
  std::string action = target ? target->substr(target->find('.') + 1) : "";
  FaultEffects effects;
  Status fault = faults_.apply(
      {FaultService::Organizations, action, caller.account_id.empty() ? std::string(kAccountId) : caller.account_id},
      effects);
  HttpReply reply = fault ? organizations_action(action, caller, http)
                          : json_error(fault.error().http_status, fault.error().code, fault.error().message);
  reply.fault = effects.transport;
  reply.delay = effects.delay;
  return reply;
}

HttpReply Emulator::organizations_action(const std::string& action, const Identity& caller, const HttpCall& http) {
  const Accounts* accounts = options_.accounts.get();
  if (!accounts) {
    return json_error(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
  }
  const std::string& management = accounts->accounts.front().id;
  if (options_.authenticate && caller.account_id != management) {
    return json_error(400, "AccessDeniedException", "You don't have permissions to access this resource.");
  }
  std::string org_id = "o-" + stable_id("", management + "/organization", 10);
  nlohmann::json body = http.body.empty() ? nlohmann::json::object() : nlohmann::json::parse(http.body, nullptr, false);
  if (!body.is_object()) return json_error(400, "SerializationException", "The body is not a JSON object");
  if (action == "ListAccounts") return list_accounts(*accounts, org_id, body);
  if (action == "DescribeOrganization") {
    const Account& first = accounts->accounts.front();
    return json_ok({{"Organization",
                     {{"Id", org_id},
                      {"Arn", fmt::format("arn:aws:organizations::{}:organization/{}", management, org_id)},
                      {"FeatureSet", "ALL"},
                      {"MasterAccountId", management},
                      {"MasterAccountArn", fmt::format("arn:aws:organizations::{}:account/{}/{}", management, org_id,
                                                       management)},
                      {"MasterAccountEmail", email_of(first)},
                      {"AvailablePolicyTypes", nlohmann::json::array()}}}});
  }
  return json_error(400, "UnknownOperationException", "Unknown operation " + action);
}

}  // namespace ec2::emu
