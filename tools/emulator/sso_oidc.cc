// SSO-OIDC (RegisterClient, CreateToken with the refresh-token grant), sign-in and the token cache.
#include <openssl/evp.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "sso.h"

namespace ec2::emu {
namespace {

std::string sha1_hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha1(), nullptr);
  std::string out;
  for (unsigned int i = 0; i < length; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

HttpReply oidc_error(int status, const std::string& type, const std::string& error, const std::string& description) {
  HttpReply reply = rest_json_error(status, type, description);
  reply.body = nlohmann::json{{"error", error}, {"error_description", description}}.dump();
  return reply;
}

constexpr std::chrono::seconds kRefreshedLifetime{3600};
constexpr std::chrono::hours kRegistrationLifetime{24 * 90};

}  // namespace

std::string SsoService::random_token(std::string_view prefix) {
  static constexpr std::string_view kChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out(prefix);
  for (int i = 0; i < 48; ++i) out.push_back(kChars[random_() % kChars.size()]);
  return out;
}

Result<SsoLogin> SsoService::sign_in(const std::string& user, std::chrono::seconds lifetime) {
  if (!accounts_ || !accounts_->sso || !accounts_->sso->find_user(user)) {
    return make_error(ErrorCategory::Client, "UnknownUser", "No SSO user '" + user + "' in the accounts file");
  }
  std::lock_guard lock(mutex_);
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(now_());
  SsoLogin login;
  login.user = user;
  login.access_token = random_token("aoa");
  login.expires_at = now + lifetime;
  login.refresh_token = random_token("aor");
  login.client_id = random_token("client-");
  login.client_secret = random_token("secret-");
  login.registration_expires_at = now + kRegistrationLifetime;
  access_tokens_[login.access_token] = {user, login.expires_at};
  refresh_tokens_[login.refresh_token] = user;
  clients_[login.client_id] = {login.client_secret, login.registration_expires_at};
  return login;
}

Result<std::string> SsoService::write_token_cache(const SsoLogin& login, const std::string& directory,
                                                  const std::string& session_name) const {
  const SsoInstance& sso = *accounts_->sso;
  nlohmann::json cache = {{"startUrl", sso.start_url},
                          {"region", sso.region},
                          {"accessToken", login.access_token},
                          {"expiresAt", expiration_text(login.expires_at)}};
  if (!session_name.empty()) {
    cache["clientId"] = login.client_id;
    cache["clientSecret"] = login.client_secret;
    cache["registrationExpiresAt"] = expiration_text(login.registration_expires_at);
    cache["refreshToken"] = login.refresh_token;
  }
  std::string path = directory + "/" + sha1_hex(session_name.empty() ? sso.start_url : session_name) + ".json";
  std::error_code ignored;  // as `aws sso login`, make the folder; a failure shows when writing
  std::filesystem::create_directories(directory, ignored);
  std::ofstream out(path, std::ios::trunc);
  out << cache.dump(2) << '\n';
  if (!out.flush()) return make_error(ErrorCategory::Io, "TokenCache", "Cannot write " + path);
  return path;
}

void SsoService::expire_access_token(const std::string& access_token) {
  std::lock_guard lock(mutex_);
  if (auto it = access_tokens_.find(access_token); it != access_tokens_.end()) it->second.expires_at = now_();
}

HttpReply SsoService::oidc(const HttpCall& http) {
  nlohmann::json body = nlohmann::json::parse(http.body, nullptr, false);
  if (http.method != "POST" || !body.is_object()) {
    return oidc_error(400, "InvalidRequestException", "invalid_request", "Expected a JSON POST body");
  }
  if (http.path == "/token") return create_token(body);
  if (http.path == "/client/register") return register_client(body);
  return oidc_error(400, "InvalidRequestException", "invalid_request",
                    "Device authorization needs a browser; sign users in with POST /_emulator/sso/login");
}

HttpReply SsoService::register_client(const nlohmann::json& body) {
  if (!body.contains("clientName") || !body.contains("clientType")) {
    return oidc_error(400, "InvalidRequestException", "invalid_request", "clientName and clientType are required");
  }
  std::lock_guard lock(mutex_);
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(now_());
  std::string id = random_token("client-");
  Client client{random_token("secret-"), now + kRegistrationLifetime};
  clients_[id] = client;
  auto epoch = [](auto t) { return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count(); };
  return rest_json({{"clientId", id},
                    {"clientSecret", client.secret},
                    {"clientIdIssuedAt", epoch(now)},
                    {"clientSecretExpiresAt", epoch(client.expires_at)}});
}

HttpReply SsoService::create_token(const nlohmann::json& body) {
  std::string client_id = body.value("clientId", "");
  std::string client_secret = body.value("clientSecret", "");
  std::string grant = body.value("grantType", "");
  std::lock_guard lock(mutex_);
  auto client = clients_.find(client_id);
  if (client == clients_.end() || client->second.secret != client_secret || now_() >= client->second.expires_at) {
    return oidc_error(401, "InvalidClientException", "invalid_client", "Invalid client provided");
  }
  if (grant != "refresh_token") {
    return oidc_error(400, "UnsupportedGrantTypeException", "unsupported_grant_type",
                      "Only the refresh_token grant is supported here");
  }
  auto refresh = refresh_tokens_.find(body.value("refreshToken", ""));
  if (refresh == refresh_tokens_.end()) {
    return oidc_error(400, "InvalidGrantException", "invalid_grant", "Invalid refresh token provided");
  }
  std::string user = refresh->second;
  refresh_tokens_.erase(refresh);
  std::string access = random_token("aoa");
  std::string next_refresh = random_token("aor");
  access_tokens_[access] = {user, now_() + kRefreshedLifetime};
  refresh_tokens_[next_refresh] = user;
  return rest_json({{"accessToken", access},
                    {"tokenType", "Bearer"},
                    {"expiresIn", kRefreshedLifetime.count()},
                    {"refreshToken", next_refresh}});
}

}  // namespace ec2::emu
