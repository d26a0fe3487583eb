#pragma once
/// STS on the EC2 port (Query protocol, API 2011-06-15): AssumeRole, AssumeRoleWithWebIdentity,
/// GetCallerIdentity and GetSessionToken, with STS's XML documents and error codes. Calls are
/// routed here by their credential scope's service (`sts`), an `sts.` Host, or (unsigned) by an
/// STS-only action name (routing.h).

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "accounts.h"
#include "auth.h"
#include "dispatcher.h"
#include "ec2/clock.h"
#include "faults.h"
#include "ids.h"
#include "sessions.h"

namespace ec2::emu {

/// The identity of a session of `role` named `session_name`.
Identity role_identity(const Role& role, const std::string& session_name);

/// The STS error document (`<ErrorResponse><Error><Type>…`) for `error`.
HttpReply sts_error_reply(const Error& error, const std::string& request_id);

// Documents (sts_xml.cc).

/// The STS namespace of every document.
inline constexpr std::string_view kStsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

/// Optional members of a credentials result.
struct StsExtras {
  bool assumed_role_user = false;  ///< AssumeRole*: AssumedRoleUser.
  std::string subject;             ///< AssumeRoleWithWebIdentity: SubjectFromWebIdentityToken.
  std::string audience;
  std::string provider;
};

/// `<{action}Response><{action}Result><Credentials>…` for `session`.
std::string sts_credentials_document(const std::string& action, const Session& session, const StsExtras& extras,
                                     const std::string& request_id);
/// The GetCallerIdentity document.
std::string sts_caller_identity_document(const Identity& identity, const std::string& request_id);

/// What STS needs from the emulator.
struct StsContext {
  const Accounts* accounts = nullptr;  ///< Null without --accounts (no roles, no issuers).
  const CredentialStore* keys = nullptr;
  SessionStore* sessions = nullptr;
  std::shared_ptr<ec2::Clock> clock;  ///< Real time (signatures, MFA codes).
  std::function<std::chrono::system_clock::time_point()> emulated_now;  ///< Session issue/expiry time.
  bool authenticate = true;
  /// Fault rules applied to every call after its caller is known (null: none).
  FaultInjector* faults = nullptr;
};

class Sts {
 public:
  explicit Sts(StsContext context);

  /// Answers one STS request.
  HttpReply handle(const HttpCall& http);

 private:
  /// One STS call being answered.
  struct Request {
    Params params;
    std::string request_id;
    std::chrono::system_clock::time_point now;       ///< Real time.
    std::chrono::system_clock::time_point emulated;  ///< Emulated time (sessions).
    Identity caller;  ///< Empty for the unsigned AssumeRoleWithWebIdentity.
  };

  /// Answers `request` for `action` (faults applied, the action run).
  HttpReply answer(const std::string& action, const Request& request);
  Result<std::string> get_caller_identity(const Request& request);
  Result<std::string> get_session_token(const Request& request);
  Result<std::string> assume_role(const Request& request);
  Result<std::string> assume_role_with_web_identity(const Request& request);
  /// Checks SerialNumber/TokenCode when given; returns the device serial ("" when none given).
  Result<std::string> check_mfa(const Request& request, const std::string& user_arn);
  std::string next_request_id();

  StsContext context_;
  std::mutex id_mutex_;
  IdGenerator request_ids_;
};

/// The role's session duration from `DurationSeconds` (default 3600): 900 up to `max`, else
/// ValidationError.
Result<std::chrono::seconds> session_duration(const Params& params, int max);

}  // namespace ec2::emu
