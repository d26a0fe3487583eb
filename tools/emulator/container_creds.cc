#include "container_creds.h"

#include <nlohmann/json.hpp>

#include "json_reply.h"

namespace ec2::emu {

ContainerCredentials::ContainerCredentials(MetadataContext context) : context_(std::move(context)) {}

void ContainerCredentials::configure(std::string role_arn, std::string token) {
  std::lock_guard lock(mutex_);
  role_arn_ = std::move(role_arn);
  token_ = std::move(token);
}

std::string ContainerCredentials::role_arn() const {
  std::lock_guard lock(mutex_);
  return role_arn_;
}

HttpReply ContainerCredentials::handle(const HttpCall& http) {
  if (http.method != "GET") return json_reply(405, {{"Message", "Only GET is supported"}});
  std::string role_arn, token;
  {
    std::lock_guard lock(mutex_);
    role_arn = role_arn_;
    token = token_;
  }
  const std::string* given = find_header(http.headers, "Authorization");
  if (token.empty() || !given || *given != token) {
    return json_reply(401, {{"Message", "Authorization token is missing or invalid"}});
  }
  const Role* role = context_.accounts ? context_.accounts->find_role_arn(role_arn) : nullptr;
  if (!role) return json_reply(404, {{"Message", "No role configured for container credentials"}});
  Session session = cache_.get(*role, "container", *context_.sessions, context_.now());
  nlohmann::json body = credentials_json(session);
  body["RoleArn"] = role->arn();
  return json_reply(200, body);
}

}  // namespace ec2::emu
