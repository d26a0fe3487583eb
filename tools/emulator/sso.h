#pragma once
/// IAM Identity Center on the main port: the portal's REST-JSON GetRoleCredentials, ListAccounts,
/// ListAccountRoles and Logout (sso_portal.cc), and SSO-OIDC RegisterClient and CreateToken with
/// the refresh-token grant (sso_oidc.cc). There is no browser sign-in: the control endpoint signs a
/// user in and writes the token cache `aws sso login` would leave (sign_in, write_token_cache).

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "accounts.h"
#include "dispatcher.h"
#include "ec2/result.h"
#include "sessions.h"

namespace ec2::emu {

/// What a sign-in produced (the token cache file's contents).
struct SsoLogin {
  std::string user;
  std::string access_token;
  std::chrono::system_clock::time_point expires_at;
  std::string refresh_token;
  std::string client_id;
  std::string client_secret;
  std::chrono::system_clock::time_point registration_expires_at;
};

/// The name of a permission set's role in an account: `AWSReservedSSO_<SET>_<16 hex>`.
std::string sso_role_name(const std::string& permission_set, const std::string& account);

class SsoService {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  /// `accounts` may be null (every call is then unauthorized); `now` is emulated time.
  SsoService(const Accounts* accounts, SessionStore& sessions, Clock now);

  /// Answers a portal request (`/federation/…`, `/assignment/…`, `/logout`).
  HttpReply portal(const HttpCall& http);
  /// Answers an SSO-OIDC request (`/token`, `/client/register`, `/device_authorization`).
  HttpReply oidc(const HttpCall& http);

  /// Signs `user` in: a registered client, an access token valid for `lifetime` and a refresh
  /// token. Error when the user is unknown.
  Result<SsoLogin> sign_in(const std::string& user, std::chrono::seconds lifetime);
  /// Writes `login` as the AWS CLI's token cache file into `directory`: named by the SHA-1 of
  /// `session_name` (an sso-session) or, when empty, of the start URL (legacy profiles). Returns
  /// the file's path.
  Result<std::string> write_token_cache(const SsoLogin& login, const std::string& directory,
                                        const std::string& session_name) const;
  /// Makes the access token of `login` expire now (tests of refresh and expiry).
  void expire_access_token(const std::string& access_token);

 private:
  struct AccessToken {
    std::string user;
    std::chrono::system_clock::time_point expires_at;
  };
  struct Client {
    std::string secret;
    std::chrono::system_clock::time_point expires_at;
  };

  std::string random_token(std::string_view prefix);
  /// The user of the bearer token of `http`, or the 401 reply.
  Result<std::string> bearer_user(const HttpCall& http);
  HttpReply role_credentials(const std::string& user, const Params& query);
  HttpReply list_accounts(const std::string& user, const Params& query);
  HttpReply list_account_roles(const std::string& user, const Params& query);
  HttpReply create_token(const nlohmann::json& body);
  HttpReply register_client(const nlohmann::json& body);

  const Accounts* accounts_;
  SessionStore& sessions_;
  Clock now_;
  std::mutex mutex_;
  std::mt19937_64 random_{std::random_device{}()};
  std::map<std::string, AccessToken> access_tokens_;
  std::map<std::string, std::string> refresh_tokens_;  ///< refresh token → user
  std::map<std::string, Client> clients_;
};

/// A REST-JSON error reply: status, `x-amzn-ErrorType: TYPE` and `{"message": …}`.
HttpReply rest_json_error(int status, const std::string& type, const std::string& message);
/// A 200 JSON reply.
HttpReply rest_json(const nlohmann::json& body);

}  // namespace ec2::emu
