// Control endpoints for identities: web identity tokens, SSO sign-in and token caches, MFA codes.
#include <nlohmann/json.hpp>

#include "emulator.h"
#include "json_reply.h"
#include "jwt.h"
#include "totp.h"

namespace ec2::emu {
namespace {

int64_t epoch_seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

HttpReply Emulator::control_oidc_token(const nlohmann::json& body) {
  const Issuer* issuer = nullptr;
  std::string url = body.value("issuer", "");
  static const std::vector<Issuer> kNone;
  for (const Issuer& candidate : options_.accounts ? options_.accounts->issuers : kNone) {
    if ((url.empty() || candidate.url == url) && !candidate.hs256_secret.empty()) {
      issuer = &candidate;
      break;
    }
  }
  if (!issuer) return control_error(400, "No issuer with an hs256_secret" + (url.empty() ? "" : " named " + url));
  int64_t ttl = body.value("ttl_seconds", int64_t{3600});
  int64_t now = epoch_seconds(emulated_now());
  nlohmann::json claims = body.value("claims", nlohmann::json::object());
  claims["iss"] = issuer->url;
  claims["sub"] = body.value("sub", "emulator-subject");
  claims["aud"] = body.value("aud", issuer->audience.empty() ? std::string("sts.amazonaws.com") : issuer->audience);
  claims["iat"] = now;
  claims["exp"] = now + ttl;
  return json_reply(200, {{"token", mint_hs256(claims, issuer->hs256_secret)}, {"issuer", issuer->url},
                           {"expires_at", now + ttl}});
}

HttpReply Emulator::control_sso_login(const nlohmann::json& body) {
  auto login = sso_.sign_in(body.value("user", ""), std::chrono::seconds(body.value("ttl_seconds", int64_t{28800})));
  if (!login) return control_error(400, login.error().message);
  nlohmann::json answer = {{"accessToken", login->access_token},
                           {"expiresAt", expiration_text(login->expires_at)},
                           {"refreshToken", login->refresh_token},
                           {"clientId", login->client_id},
                           {"clientSecret", login->client_secret},
                           {"registrationExpiresAt", expiration_text(login->registration_expires_at)},
                           {"startUrl", options_.accounts->sso->start_url},
                           {"region", options_.accounts->sso->region}};
  std::string dir = body.value("cache_dir", "");
  if (!dir.empty()) {
    auto path = sso_.write_token_cache(*login, dir, body.value("session_name", ""));
    if (!path) return control_error(500, path.error().message);
    answer["path"] = *path;
  }
  return json_reply(200, answer);
}

HttpReply Emulator::control_imds(const HttpCall& http) {
  if (http.method == "POST" || http.method == "PUT") {
    nlohmann::json body = nlohmann::json::parse(http.body, nullptr, false);
    if (!body.is_object()) return control_error(400, "Body must be a JSON object");
    std::string tokens = body.value("http_tokens", imds_.allow_v1() ? "optional" : "required");
    if (tokens != "optional" && tokens != "required") return control_error(400, "http_tokens is optional or required");
    std::string id = body.value("instance_id", imds_.instance_id());
    if (!id.empty() && !locate_instance(id)) return control_error(404, "No instance " + id);
    imds_.configure(id, tokens == "optional");
  }
  return json_reply(200, {{"port", imds_port_},
                           {"instance_id", imds_.instance_id()},
                           {"http_tokens", imds_.allow_v1() ? "optional" : "required"}});
}

HttpReply Emulator::control_container(const HttpCall& http) {
  if (http.method == "POST" || http.method == "PUT") {
    nlohmann::json body = nlohmann::json::parse(http.body, nullptr, false);
    if (!body.is_object()) return control_error(400, "Body must be a JSON object");
    std::string role = body.value("role_arn", container_.role_arn());
    if (!options_.accounts || !options_.accounts->find_role_arn(role)) return control_error(404, "No role " + role);
    container_.configure(role, body.value("token", ""));
  }
  return json_reply(200, {{"port", container_port_}, {"role_arn", container_.role_arn()}});
}

std::optional<HttpReply> Emulator::control_credentials(std::string_view path, const HttpCall& http) {
  if (path == "/imds") return control_imds(http);
  if (path == "/container") return control_container(http);
  if (path == "/totp") {
    Params query;
    query.add_form(http.query);
    const IamUser* user = options_.accounts ? options_.accounts->find_mfa(query.get("serial")) : nullptr;
    if (!user) return control_error(404, "No MFA device " + query.get("serial"));
    return json_reply(200, {{"code", totp(user->mfa_secret, options_.clock->now())}});
  }
  if (path != "/oidc/token" && path != "/sso/login" && path != "/sso/expire") return std::nullopt;
  if (http.method != "POST") return control_error(405, "Use POST");
  nlohmann::json body = http.body.empty() ? nlohmann::json::object() : nlohmann::json::parse(http.body, nullptr, false);
  if (!body.is_object()) return control_error(400, "Body must be a JSON object");
  if (path == "/oidc/token") return control_oidc_token(body);
  if (path == "/sso/login") return control_sso_login(body);
  sso_.expire_access_token(body.value("accessToken", ""));
  return json_reply(200, {{"expired", true}});
}

}  // namespace ec2::emu
