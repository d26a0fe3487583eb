#include "auth.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "api_error.h"
#include "ec2/sigv4.h"
#include "sim_clock.h"
#include "world.h"

namespace ec2::emu {
namespace {

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
  std::string key = credential.access_key_id;
  credentials_[std::move(key)] = std::move(credential);
}

void CredentialStore::add_defaults() {
  add({std::string(kDefaultAccessKey), std::string(kDefaultSecretKey), false});
  add({std::string(kReadOnlyAccessKey), std::string(kReadOnlySecretKey), true});
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
  add({std::string(spec.substr(0, colon)), std::string(spec.substr(colon + 1)), false});
  return {};
}

const Credential* CredentialStore::find(std::string_view access_key) const {
  auto it = credentials_.find(access_key);
  return it == credentials_.end() ? nullptr : &it->second;
}

Status authenticate(const CredentialStore& store, Call& call, const HttpCall& http,
                    std::chrono::system_clock::time_point now) {
  sigv4::RequestView view{http.method, http.path, http.query, &http.headers, http.body};
  auto auth = sigv4::parse_request_authorization(view);
  if (!auth) return api_error(400, "IncompleteSignature", auth.error().message);
  const Credential* credential = store.find(auth->access_key_id);
  if (!credential) {
    return api_error(401, "AuthFailure", "AWS was not able to validate the provided access credentials");
  }
  EC2_TRY(check_time(*auth, now));
  if (auth->scope.service != "ec2") {
    return api_error(403, "SignatureDoesNotMatch",
                     fmt::format("Credential should be scoped to correct service: 'ec2', not '{}'.",
                                 auth->scope.service));
  }
  if (!is_served_region(auth->scope.region)) {
    return api_error(401, "AuthFailure",
                     fmt::format("Credential should be scoped to a valid region, not '{}'.", auth->scope.region));
  }
  if (!sigv4::verify_signature(view, *auth, credential->secret_access_key)) return signature_mismatch();
  call.access_key = credential->access_key_id;
  call.read_only = credential->read_only;
  call.region = auth->scope.region;
  return {};
}

Hook make_auth_hook(const CredentialStore& store,
                    std::function<std::chrono::system_clock::time_point()> clock) {
  return [&store, clock = std::move(clock)](Call& call, const HttpCall& http) {
    return authenticate(store, call, http, clock());
  };
}

}  // namespace ec2::emu
