// The IAM Identity Center portal (REST-JSON, bearer token in `x-amz-sso_bearer_token`).
#include <fmt/format.h>

#include "ids.h"
#include "sso.h"
#include "sts.h"

namespace ec2::emu {

HttpReply rest_json_error(int status, const std::string& type, const std::string& message) {
  HttpReply reply;
  reply.status = status;
  reply.content_type = "application/json";
  reply.headers.emplace_back("x-amzn-ErrorType", type);
  reply.body = nlohmann::json{{"message", message}}.dump();
  return reply;
}

HttpReply rest_json(const nlohmann::json& body) {
  HttpReply reply;
  reply.content_type = "application/json";
  reply.body = body.dump();
  return reply;
}

std::string sso_role_name(const std::string& permission_set, const std::string& account) {
  return fmt::format("AWSReservedSSO_{}_{}", permission_set, stable_id("", account + "/" + permission_set, 16));
}

SsoService::SsoService(const Accounts* accounts, SessionStore& sessions, Clock now)
    : accounts_(accounts), sessions_(sessions), now_(std::move(now)) {}

Result<std::string> SsoService::bearer_user(const HttpCall& http) {
  const std::string* token = find_header(http.headers, "x-amz-sso_bearer_token");
  std::lock_guard lock(mutex_);
  auto it = token ? access_tokens_.find(*token) : access_tokens_.end();
  if (it == access_tokens_.end() || now_() >= it->second.expires_at) {
    return make_error(ErrorCategory::Auth, "UnauthorizedException", "Session token not found or invalid");
  }
  return it->second.user;
}

HttpReply SsoService::portal(const HttpCall& http) {
  auto user = bearer_user(http);
  if (!user) return rest_json_error(401, "UnauthorizedException", user.error().message);
  Params query;
  query.add_form(http.query);
  if (http.path == "/federation/credentials" && http.method == "GET") return role_credentials(*user, query);
  if (http.path == "/assignment/accounts" && http.method == "GET") return list_accounts(*user, query);
  if (http.path == "/assignment/roles" && http.method == "GET") return list_account_roles(*user, query);
  if (http.path == "/logout" && http.method == "POST") {
    std::lock_guard lock(mutex_);
    access_tokens_.erase(*find_header(http.headers, "x-amz-sso_bearer_token"));
    return rest_json(nlohmann::json::object());
  }
  return rest_json_error(404, "ResourceNotFoundException", "Unknown portal path " + http.path);
}

HttpReply SsoService::role_credentials(const std::string& user, const Params& query) {
  std::string account = query.get("account_id");
  std::string role = query.get("role_name");
  if (account.empty() || role.empty()) {
    return rest_json_error(400, "InvalidRequestException", "account_id and role_name are required");
  }
  const SsoUser* sso_user = accounts_->sso->find_user(user);
  auto assigned = sso_user->assignments.find(account);
  bool has = assigned != sso_user->assignments.end() &&
             std::find(assigned->second.begin(), assigned->second.end(), role) != assigned->second.end();
  if (!has) return rest_json_error(403, "ForbiddenException", "No access");
  const PermissionSet* set = accounts_->sso->find_permission_set(role);
  Role reserved;
  reserved.name = sso_role_name(role, account);
  reserved.account_id = account;
  reserved.role_id = iam_unique_id("AROA", account + "/role/" + reserved.name);
  reserved.read_only = set->read_only;
  Identity identity = role_identity(reserved, user);
  identity.permission_set = role;
  Session session = sessions_.issue(identity, now_(), std::chrono::seconds(set->session_duration));
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(session.expiration.time_since_epoch()).count();
  return rest_json({{"roleCredentials",
                     {{"accessKeyId", session.access_key_id},
                      {"secretAccessKey", session.secret_access_key},
                      {"sessionToken", session.session_token},
                      {"expiration", ms}}}});
}

HttpReply SsoService::list_accounts(const std::string& user, const Params& query) {
  (void)query;
  nlohmann::json list = nlohmann::json::array();
  for (auto& [id, sets] : accounts_->sso->find_user(user)->assignments) {
    const Account* account = accounts_->find(id);
    std::string name = account->alias.empty() ? id : account->alias;
    list.push_back({{"accountId", id}, {"accountName", name}, {"emailAddress", name + "@example.com"}});
  }
  return rest_json({{"accountList", list}});
}

HttpReply SsoService::list_account_roles(const std::string& user, const Params& query) {
  std::string account = query.get("account_id");
  if (account.empty()) return rest_json_error(400, "InvalidRequestException", "account_id is required");
  nlohmann::json list = nlohmann::json::array();
  const SsoUser* sso_user = accounts_->sso->find_user(user);
  if (auto it = sso_user->assignments.find(account); it != sso_user->assignments.end()) {
    for (const std::string& set : it->second) list.push_back({{"roleName", set}, {"accountId", account}});
  }
  return rest_json({{"roleList", list}});
}

}  // namespace ec2::emu
