#include "auth/sso_token.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/credential_process.h"

namespace ec2::auth {
namespace {

using Json = nlohmann::ordered_json;
using TimePoint = std::chrono::system_clock::time_point;

constexpr std::chrono::minutes kRefreshWindow{15};

std::optional<Json> read_json(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  Json doc = Json::parse(ss.str(), nullptr, false);
  if (!doc.is_object()) return std::nullopt;
  return doc;
}

std::optional<std::string> text(const Json& doc, const char* key) {
  auto it = doc.find(key);
  if (it == doc.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<TimePoint> time_field(const Json& doc, const char* key) {
  auto value = text(doc, key);
  return value ? parse_iso8601(*value) : std::nullopt;
}

/// CreateToken with the cached refresh token; the new cache document, or nullopt on any failure.
std::optional<Json> refresh(const SsoTokenSource& s, const Json& token, HttpTransport& transport, TimePoint now) {
  auto refresh_token = text(token, "refreshToken"), client_id = text(token, "clientId");
  auto client_secret = text(token, "clientSecret"), registration = text(token, "registrationExpiresAt");
  if (!refresh_token || !client_id || !client_secret || !registration) return std::nullopt;
  auto registration_expiry = parse_iso8601(*registration);
  if (!registration_expiry || *registration_expiry <= now) return std::nullopt;

  Json body = {{"clientId", *client_id}, {"clientSecret", *client_secret},
               {"grantType", "refresh_token"}, {"refreshToken", *refresh_token}};
  std::string url = s.oidc_endpoint + (s.oidc_endpoint.ends_with('/') ? "token" : "/token");
  auto response = transport.send({"POST", url, {{"Content-Type", "application/json"}}, body.dump()});
  if (!response || response->status != 200) return std::nullopt;
  Json answer = Json::parse(response->body, nullptr, false);
  auto access_token = answer.is_object() ? text(answer, "accessToken") : std::nullopt;
  if (!access_token || !answer.contains("expiresIn") || !answer["expiresIn"].is_number_integer()) {
    return std::nullopt;
  }
  Json out = {{"startUrl", s.start_url},
              {"region", s.region},
              {"accessToken", *access_token},
              {"expiresAt", format_utc(now + std::chrono::seconds(answer["expiresIn"].get<long long>()))},
              {"clientId", *client_id},
              {"clientSecret", *client_secret},
              {"registrationExpiresAt", *registration}};
  if (auto rotated = text(answer, "refreshToken")) out["refreshToken"] = *rotated;
  return out;
}

/// Replaces `path` with `content` (mode 0600) through a temporary file and a rename.
Status write_private(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp" + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  bool ok = fd >= 0 && ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  int saved = errno;
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (ok && std::rename(tmp.c_str(), path.c_str()) == 0) return {};
  saved = saved != 0 ? saved : errno;
  ::unlink(tmp.c_str());
  return make_error(ErrorCategory::Io, "SsoTokenCacheError",
                    "cannot write the refreshed SSO token to " + path + ": " + std::strerror(saved));
}

}  // namespace

std::string sso_cache_dir(const Environment& env) { return env.home() + "/.aws/sso/cache"; }

std::string sha1_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha1(), nullptr);
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) {
    out.push_back(digits[digest[i] >> 4]);
    out.push_back(digits[digest[i] & 15]);
  }
  return out;
}

std::string sso_token_path(const SsoTokenSource& s) {
  return s.cache_dir + "/" + sha1_hex(s.session_name.empty() ? s.start_url : s.session_name) + ".json";
}

Error sso_session_expired(const std::string& profile) {
  return make_error(ErrorCategory::Auth, "SsoTokenExpired",
                    "The SSO session for profile '" + profile +
                        "' has expired or is missing; run: aws sso login --profile " + profile);
}

Result<std::string> sso_access_token(const SsoTokenSource& s, HttpTransport& transport, Clock& clock) {
  std::string path = sso_token_path(s);
  auto token = read_json(path);
  if (!token) return sso_session_expired(s.profile);
  auto expiry = time_field(*token, "expiresAt");
  if (!text(*token, "accessToken") || !expiry) return sso_session_expired(s.profile);
  TimePoint now = clock.now();
  if (!s.session_name.empty() && *expiry - now < kRefreshWindow) {
    if (auto renewed = refresh(s, *token, transport, now)) {
      EC2_TRY(write_private(path, renewed->dump()));
      token = std::move(renewed);
      expiry = time_field(*token, "expiresAt");
    }
  }
  if (*expiry <= now) return sso_session_expired(s.profile);
  return *text(*token, "accessToken");
}

}  // namespace ec2::auth
