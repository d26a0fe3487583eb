#include "auth.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "accounts.h"
#include "api_error.h"
#include "ec2/sigv4.h"
#include "sim_clock.h"
#include "try_assign.h"
#include "world.h"

namespace ec2::emu {
namespace {

bool crypto_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

Error signature_mismatch() {
  return api_error(403, "SignatureDoesNotMatch",
                   "The request signature we calculated does not match the signature you provided. Check "
                   "your AWS Secret Access Key and signing method. Consult the service documentation for "
                   "details.");
}

/// Parses `YYYYMMDDTHHMMSSZ`; false when malformed.
bool parse_amz_date(std::string_view text, TimePoint& out) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return false;
  std::string iso = fmt::format("{}-{}-{}T{}:{}:{}Z", text.substr(0, 4), text.substr(4, 2), text.substr(6, 2),
                                text.substr(9, 2), text.substr(11, 2), text.substr(13, 2));
  return parse_iso8601(iso, out);
}

/// RequestExpired when `signed_at` is too far from `now` (or a presigned URL has expired).
Status check_time(const sigv4::Authorization& auth, TimePoint now) {
  TimePoint signed_at;
  if (!parse_amz_date(auth.amz_date, signed_at)) {
    return api_error(400, "IncompleteSignature",
                     fmt::format("X-Amz-Date must be YYYYMMDDTHHMMSSZ, got '{}'", auth.amz_date));
  }
  if (auth.scope.date != auth.amz_date.substr(0, 8)) {
    return api_error(403, "SignatureDoesNotMatch",
                     fmt::format("Credential scope date {} does not match X-Amz-Date {}", auth.scope.date,
                                 auth.amz_date));
  }
  if (auth.presigned) {
    if (now > signed_at + std::chrono::seconds(auth.expires_seconds) || signed_at > now + kMaxClockSkew) {
      return api_error(400, "RequestExpired", "Request has expired.");
    }
    return {};
  }
  if (signed_at < now - kMaxClockSkew || signed_at > now + kMaxClockSkew) {
    return api_error(400, "RequestExpired",
                     fmt::format("Request has expired. Timestamp date is {}; the server time is {} and requests "
                                 "may be at most 15 minutes off.", auth.amz_date,
                                 sigv4::format_amz_date(now)));
  }
  return {};
}

}  // namespace

void CredentialStore::add(Credential credential) {
  if (credential.identity.account_id.empty()) {
    std::string name = credential.read_only ? "emulator-read-only" : "emulator";
    credential.identity.account_id = std::string(kAccountId);
    credential.identity.arn = fmt::format("arn:aws:iam::{}:user/{}", kAccountId, name);
    credential.identity.user_id = iam_unique_id("AIDA", std::string(kAccountId) + "/user/" + name);
  }
  credential.identity.read_only = credential.read_only;
  std::string key = credential.access_key_id;
  credentials_[std::move(key)] = std::move(credential);
}

void CredentialStore::add_defaults() {
  add({std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), false, {}});
  add({std::string(kReadOnlyAccessKey), std::string(kReadOnlySecretKey), true, {}});
}

void CredentialStore::add_accounts(const Accounts& accounts) {
  for (const Account& account : accounts.accounts) {
    for (const IamUser& user : account.users) {
      for (const AccessKey& key : user.keys) {
        add({key.id, key.secret, key.read_only, {account.id, user.arn(), user.user_id, key.read_only, "", "", ""}});
      }
    }
  }
  strict_tokens_ = true;
}

Status CredentialStore::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(ErrorCategory::Io, "CredentialsFile", "Cannot read credentials file " + path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    Credential credential;
    std::string flag;
    if (!(words >> credential.access_key_id)) continue;
    if (!(words >> credential.secret_access_key)) {
      return make_error(ErrorCategory::Config, "CredentialsFile",
                        fmt::format("{}:{}: expected 'ACCESS_KEY SECRET [read-only]'", path, number));
    }
    if (words >> flag) {
      if (flag != "read-only") {
        return make_error(ErrorCategory::Config, "CredentialsFile",
                          fmt::format("{}:{}: unknown flag '{}' (only 'read-only')", path, number, flag));
      }
      credential.read_only = true;
    }
    add(std::move(credential));
  }
  return {};
}

Status CredentialStore::add_spec(std::string_view spec) {
  size_t colon = spec.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == spec.size()) {
    return make_error(ErrorCategory::Config, "Credentials", "Expected KEY:SECRET, got '" + std::string(spec) + "'");
  }
  add({std::string(spec.substr(0, colon)), std::string(spec.substr(colon + 1)), false, {}});
  return {};
}

const Credential* CredentialStore::find(std::string_view access_key) const {
  auto it = credentials_.find(access_key);
  return it == credentials_.end() ? nullptr : &it->second;
}

namespace {

/// The error for an unknown key or a bad session token.
Error invalid_token(AuthDialect dialect) {
  if (dialect == AuthDialect::Organizations) {
    return api_error(403, "UnrecognizedClientException", "The security token included in the request is invalid.");
  }
  if (dialect == AuthDialect::Sts) {
    return api_error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
  }
  return api_error(401, "AuthFailure", "AWS was not able to validate the provided access credentials");
}

/// The session token a request carries (header, or query parameter of a presigned URL).
std::string session_token_of(const HttpCall& http) {
  if (const std::string* header = find_header(http.headers, "X-Amz-Security-Token")) return *header;
  Params query;
  query.add_form(http.query);
  return query.get("X-Amz-Security-Token");
}

/// The secret and identity behind `access_key`, with session-token and expiry checks.
Result<Credential> resolve_key(const CredentialStore& store, const SessionStore* sessions, const HttpCall& http,
                               const std::string& access_key, std::chrono::system_clock::time_point now,
                               AuthDialect dialect) {
  std::string token = session_token_of(http);
  if (const Credential* credential = store.find(access_key)) {
    if (!token.empty() && store.strict_tokens()) return invalid_token(dialect);
    return *credential;
  }
  std::optional<Session> session = sessions ? sessions->find(access_key) : std::nullopt;
  if (!session || !crypto_equal(token, session->session_token)) return invalid_token(dialect);
  if (now >= session->expiration) {
    if (dialect == AuthDialect::Sts) {
      return api_error(403, "ExpiredToken", "The security token included in the request is expired");
    }
    if (dialect == AuthDialect::Organizations) {
      return api_error(403, "ExpiredTokenException", "The security token included in the request is expired");
    }
    return api_error(400, "RequestExpired", "Request has expired.");
  }
  return Credential{session->access_key_id, session->secret_access_key, session->identity.read_only, session->identity};
}

/// The region of the scope must be served; STS answers opt-in regions with RegionDisabledException.
Status check_region(const std::string& region, AuthDialect dialect) {
  if (is_served_region(region)) return {};
  bool listed = std::any_of(standard_regions().begin(), standard_regions().end(),
                            [&](const RegionInfo& info) { return info.name == region; });
  if (dialect != AuthDialect::Ec2 && listed) {
    return api_error(403, "RegionDisabledException",
                     fmt::format("STS is not activated in this region for account. Your account administrator "
                                 "can activate STS in this region using the IAM Console. ({})", region));
  }
  if (dialect != AuthDialect::Ec2) {
    return api_error(403, "SignatureDoesNotMatch", fmt::format("Credential should be scoped to a valid region, not '{}'.", region));
  }
  return api_error(401, "AuthFailure", fmt::format("Credential should be scoped to a valid region, not '{}'.", region));
}

}  // namespace

Result<Verified> verify_request(const CredentialStore& store, const SessionStore* sessions, const HttpCall& http,
                                std::chrono::system_clock::time_point now, AuthDialect dialect,
                                std::chrono::system_clock::time_point session_now) {
  sigv4::RequestView view{http.method, http.path, http.query, &http.headers, http.body};
  auto auth = sigv4::parse_request_authorization(view);
  if (!auth) {
    if (dialect == AuthDialect::Sts && auth.error().code == "MissingAuthenticationToken") {
      return api_error(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
    }
    return api_error(400, "IncompleteSignature", auth.error().message);
  }
  EC2_ASSIGN_OR_RETURN(Credential credential, resolve_key(store, sessions, http, auth->access_key_id, session_now, dialect));
  EC2_TRY(check_time(*auth, now));
  std::string service = dialect == AuthDialect::Sts ? "sts" : dialect == AuthDialect::Organizations ? "organizations" : "ec2";
  if (auth->scope.service != service) {
    return api_error(403, "SignatureDoesNotMatch",
                     fmt::format("Credential should be scoped to correct service: '{}', not '{}'.", service,
                                 auth->scope.service));
  }
  EC2_TRY(check_region(auth->scope.region, dialect));
  if (!sigv4::verify_signature(view, *auth, credential.secret_access_key)) return signature_mismatch();
  return Verified{credential.identity, credential.access_key_id, auth->scope.region};
}

Status authenticate(const CredentialStore& store, const SessionStore* sessions, Call& call, const HttpCall& http,
                    std::chrono::system_clock::time_point now,
                    std::optional<std::chrono::system_clock::time_point> session_now) {
  EC2_ASSIGN_OR_RETURN(Verified verified,
                       verify_request(store, sessions, http, now, AuthDialect::Ec2, session_now.value_or(now)));
  call.access_key = verified.access_key;
  call.read_only = verified.identity.read_only;
  call.identity = std::move(verified.identity);
  call.region = verified.region;
  return {};
}

Hook make_auth_hook(const CredentialStore& store, const SessionStore* sessions,
                    std::function<std::chrono::system_clock::time_point()> clock,
                    std::function<std::chrono::system_clock::time_point()> session_clock) {
  return [&store, sessions, clock = std::move(clock), session_clock = std::move(session_clock)](
             Call& call, const HttpCall& http) {
    return authenticate(store, sessions, call, http, clock(), session_clock());
  };
}

}  // namespace ec2::emu
