#pragma once
/// Who made a request: the principal behind its access key (an IAM user, an assumed-role session,
/// an SSO session), kept with the call for the log, for GetCallerIdentity and for trust checks.

#include <string>

namespace ec2::emu {

struct Identity {
  std::string account_id;
  std::string arn;      ///< `arn:aws:iam::A:user/N` or `arn:aws:sts::A:assumed-role/R/S`.
  std::string user_id;  ///< `AIDA…` for users, `AROA…:SESSION` for role sessions.
  bool read_only = false;
  std::string role_arn;        ///< Role sessions: the role's IAM ARN (for role chaining trust).
  std::string permission_set;  ///< SSO sessions: the permission set.
  std::string mfa_serial;      ///< Sessions created with MFA: the device.
  bool temporary = false;      ///< Temporary credentials (set by SessionStore::issue).
};

}  // namespace ec2::emu
