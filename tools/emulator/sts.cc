#include "sts.h"

#include <algorithm>
#include <random>

#include <fmt/format.h>

#include "api_error.h"
#include "jwt.h"
#include "totp.h"
#include "try_assign.h"

namespace ec2::emu {
namespace {

Error validation_error(std::string message) { return api_error(400, "ValidationError", std::move(message)); }

Error not_authorized(const Identity& caller, std::string_view action, std::string_view resource) {
  std::string who = caller.arn.empty() ? "anonymous" : caller.arn;
  return api_error(403, "AccessDenied",
                   fmt::format("User: {} is not authorized to perform: sts:{} on resource: {}", who, action, resource));
}

/// RoleSessionName: 2–64 characters of `[\w+=,.@-]`.
Result<std::string> session_name(const Params& params) {
  std::string name = params.get("RoleSessionName");
  if (name.empty()) return missing_parameter("RoleSessionName");
  bool valid = name.size() >= 2 && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("_+=,.@-").find(c) != std::string_view::npos;
  });
  if (!valid) {
    return validation_error(fmt::format("1 validation error detected: Value '{}' at 'roleSessionName' failed to "
                                        "satisfy constraint: Member must satisfy regular expression pattern: "
                                        "[\\w+=,.@-]*", name));
  }
  return name;
}

/// True when `trust` lets `caller` assume the role.
bool trusts(const RoleTrust& trust, const Identity& caller) {
  auto has = [](const std::vector<std::string>& list, const std::string& value) {
    return !value.empty() && std::find(list.begin(), list.end(), value) != list.end();
  };
  return has(trust.accounts, caller.account_id) || has(trust.users, caller.arn) || has(trust.roles, caller.role_arn) ||
         has(trust.sso_permission_sets, caller.permission_set);
}

/// The audience list of a token (`aud` may be a string or an array).
std::vector<std::string> audiences(const nlohmann::json& claims) {
  std::vector<std::string> out;
  const auto aud = claims.find("aud");
  if (aud == claims.end()) return out;
  if (aud->is_string()) out.push_back(aud->get<std::string>());
  if (aud->is_array()) {
    for (const auto& item : *aud) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
  }
  return out;
}

}  // namespace

Identity role_identity(const Role& role, const std::string& session_name) {
  Identity identity;
  identity.account_id = role.account_id;
  identity.arn = fmt::format("arn:aws:sts::{}:assumed-role/{}/{}", role.account_id, role.name, session_name);
  identity.user_id = role.role_id + ":" + session_name;
  identity.read_only = role.read_only;
  identity.role_arn = role.arn();
  return identity;
}

Result<std::chrono::seconds> session_duration(const Params& params, int max) {
  std::string text = params.get("DurationSeconds");
  if (text.empty()) return std::chrono::seconds(std::min(3600, max));
  long value = 0;
  bool numeric = text.find_first_not_of("0123456789") == std::string::npos && text.size() < 10;
  if (numeric) value = std::stol(text);
  if (!numeric || value < 900) {
    return validation_error(fmt::format("1 validation error detected: Value '{}' at 'durationSeconds' failed to satisfy "
                                        "constraint: Member must have value greater than or equal to 900", text));
  }
  if (value > max) {
    return validation_error(fmt::format("The requested DurationSeconds exceeds the MaxSessionDuration set for this "
                                        "role ({} seconds).", max));
  }
  return std::chrono::seconds(value);
}

Sts::Sts(StsContext context) : context_(std::move(context)), request_ids_(std::random_device{}()) {}

std::string Sts::next_request_id() {
  std::lock_guard lock(id_mutex_);
  return request_ids_.uuid();
}

HttpReply Sts::handle(const HttpCall& http) {
  Request request;
  request.request_id = next_request_id();
  request.now = context_.clock->now();
  request.emulated = context_.emulated_now ? context_.emulated_now() : request.now;
  request.params.add_form(http.query);
  if (http.method == "POST") request.params.add_form(http.body);
  std::string action = request.params.get("Action");
  bool is_signed = action != "AssumeRoleWithWebIdentity";
  if (is_signed && context_.authenticate) {
    auto verified = verify_request(*context_.keys, context_.sessions, http, request.now, AuthDialect::Sts,
                                   request.emulated);
    if (!verified) return sts_error_reply(verified.error(), request.request_id);
    request.caller = std::move(verified->identity);
  } else if (is_signed) {
    CredentialStore defaults;
    defaults.add({std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), false, {}});
    request.caller = defaults.find(kDefaultAccessKey)->identity;
  }
  return answer(action, request);
}

HttpReply Sts::answer(const std::string& action, const Request& request) {
  FaultEffects effects;
  Status fault = context_.faults ? context_.faults->apply({FaultService::Sts, action, request.caller.account_id}, effects)
                                 : Status();
  Result<std::string> body =
      api_error(400, "InvalidAction", fmt::format("Could not find operation {} for version 2011-06-15", action));
  if (!fault) body = fault.error();
  else if (action.empty()) body = missing_parameter("Action");
  else if (action == "GetCallerIdentity") body = get_caller_identity(request);
  else if (action == "GetSessionToken") body = get_session_token(request);
  else if (action == "AssumeRole") body = assume_role(request);
  else if (action == "AssumeRoleWithWebIdentity") body = assume_role_with_web_identity(request);
  HttpReply reply;
  if (body) reply.body = std::move(*body);
  else reply = sts_error_reply(body.error(), request.request_id);
  reply.fault = effects.transport;
  reply.delay = effects.delay;
  return reply;
}

Result<std::string> Sts::get_caller_identity(const Request& request) {
  return sts_caller_identity_document(request.caller, request.request_id);
}

Result<std::string> Sts::check_mfa(const Request& request, const std::string& user_arn) {
  std::string serial = request.params.get("SerialNumber");
  std::string code = request.params.get("TokenCode");
  if (serial.empty() && code.empty()) return std::string();
  if (serial.empty()) return missing_parameter("SerialNumber");
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) {
    return validation_error(fmt::format("1 validation error detected: Value '{}' at 'tokenCode' failed to satisfy "
                                        "constraint: Member must satisfy regular expression pattern: [\\d]*", code));
  }
  const IamUser* device = context_.accounts ? context_.accounts->find_mfa(serial) : nullptr;
  if (!device || device->arn() != user_arn || !totp_matches(device->mfa_secret, code, request.now)) {
    return api_error(403, "AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code.");
  }
  return serial;
}

Result<std::string> Sts::get_session_token(const Request& request) {
  if (request.caller.temporary) {
    return api_error(403, "AccessDenied", "Cannot call GetSessionToken with session credentials");
  }
  std::string text = request.params.get("DurationSeconds");
  long seconds = 43200;
  if (!text.empty()) {
    bool numeric = text.find_first_not_of("0123456789") == std::string::npos && text.size() < 10;
    seconds = numeric ? std::stol(text) : 0;
    if (seconds < 900 || seconds > 129600) {
      return validation_error(fmt::format("1 validation error detected: Value '{}' at 'durationSeconds' failed to "
                                          "satisfy constraint: Member must be between 900 and 129600", text));
    }
  }
  EC2_ASSIGN_OR_RETURN(std::string serial, check_mfa(request, request.caller.arn));
  Identity identity = request.caller;
  if (!serial.empty()) identity.mfa_serial = serial;
  Session session = context_.sessions->issue(identity, request.emulated, std::chrono::seconds(seconds));
  return sts_credentials_document("GetSessionToken", session, {}, request.request_id);
}

Result<std::string> Sts::assume_role(const Request& request) {
  std::string arn = request.params.get("RoleArn");
  if (arn.empty()) return missing_parameter("RoleArn");
  EC2_ASSIGN_OR_RETURN(std::string name, session_name(request.params));
  const Role* role = context_.accounts ? context_.accounts->find_role_arn(arn) : nullptr;
  if (!role || !trusts(role->trust, request.caller)) return not_authorized(request.caller, "AssumeRole", arn);
  if (!role->external_id.empty() && request.params.get("ExternalId") != role->external_id) {
    return not_authorized(request.caller, "AssumeRole", arn);
  }
  std::string user_arn = request.caller.role_arn.empty() ? request.caller.arn : "";
  EC2_ASSIGN_OR_RETURN(std::string serial, check_mfa(request, user_arn));
  if (serial.empty()) serial = request.caller.mfa_serial;
  if (role->mfa_required && serial.empty()) return not_authorized(request.caller, "AssumeRole", arn);
  // Role chaining (a role session assuming a role) is limited to one hour, as in AWS.
  int max = request.caller.role_arn.empty() ? role->max_session_duration : 3600;
  EC2_ASSIGN_OR_RETURN(auto duration, session_duration(request.params, max));
  Identity identity = role_identity(*role, name);
  identity.mfa_serial = serial;
  Session session = context_.sessions->issue(identity, request.emulated, duration);
  StsExtras extras;
  extras.assumed_role_user = true;
  return sts_credentials_document("AssumeRole", session, extras, request.request_id);
}

Result<std::string> Sts::assume_role_with_web_identity(const Request& request) {
  std::string arn = request.params.get("RoleArn");
  if (arn.empty()) return missing_parameter("RoleArn");
  EC2_ASSIGN_OR_RETURN(std::string name, session_name(request.params));
  std::string token = request.params.get("WebIdentityToken");
  if (token.empty()) return missing_parameter("WebIdentityToken");
  auto jwt = parse_jwt(token);
  if (!jwt) return api_error(400, "InvalidIdentityToken", jwt.error().message);
  std::string iss = jwt->claims.value("iss", "");
  const Issuer* issuer = context_.accounts ? context_.accounts->find_issuer(iss) : nullptr;
  if (!issuer) return api_error(400, "InvalidIdentityToken", "No OpenIDConnect provider found in your account for " + iss);
  bool valid = issuer->hs256_secret.empty() ? verify_rs256(*jwt, issuer->rs256_public_key)
                                            : verify_hs256(*jwt, issuer->hs256_secret);
  if (!valid) return api_error(400, "InvalidIdentityToken", "The web identity token signature could not be verified.");
  auto exp = jwt->claims.find("exp");
  auto now_s = std::chrono::duration_cast<std::chrono::seconds>(request.emulated.time_since_epoch()).count();
  if (exp == jwt->claims.end() || !exp->is_number()) {
    return api_error(400, "InvalidIdentityToken", "The web identity token has no expiry (exp).");
  }
  if (exp->get<int64_t>() <= now_s) return api_error(400, "ExpiredTokenException", "Token expired: current date/time is after the token's exp.");
  std::vector<std::string> aud = audiences(jwt->claims);
  if (!issuer->audience.empty() && std::find(aud.begin(), aud.end(), issuer->audience) == aud.end()) {
    return api_error(400, "InvalidIdentityToken", "Incorrect token audience");
  }
  const Role* role = context_.accounts->find_role_arn(arn);
  bool trusted = role && std::find(role->trust.web_identity.begin(), role->trust.web_identity.end(), iss) !=
                             role->trust.web_identity.end();
  if (!trusted) return api_error(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
  EC2_ASSIGN_OR_RETURN(auto duration, session_duration(request.params, role->max_session_duration));
  Session session = context_.sessions->issue(role_identity(*role, name), request.emulated, duration);
  StsExtras extras;
  extras.assumed_role_user = true;
  extras.subject = jwt->claims.value("sub", "");
  extras.audience = aud.empty() ? "" : aud.front();
  extras.provider = iss;
  return sts_credentials_document("AssumeRoleWithWebIdentity", session, extras, request.request_id);
}

}  // namespace ec2::emu
